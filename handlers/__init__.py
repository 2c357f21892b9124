"""All Telegram wiring lives here: which handler answers which update, in which order."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.i18n import N_
from handlers import (
    callbacks,
    dedupe,
    entries,
    export,
    faq,
    imports,
    misc,
    privacy,
    reminders,
    settings,
    start,
    summary,
    text,
    updates,
)
from handlers.context import BotContext
from handlers.errors import on_error

GUARDS, MAIN, DONE = -1, 0, 1
STALE_BUTTON = N_("That button is no longer in use.")


async def _stale_button(update: Update, context: BotContext) -> None:
    await updates.tap(update).answer(context.texts.gettext(STALE_BUTTON))


def register(app: Application) -> None:
    app.add_handler(TypeHandler(Update, misc.private_only), group=GUARDS)
    app.add_handler(TypeHandler(Update, dedupe.claim_if_unclaimed), group=DONE)
    taps = (
        (callbacks.ONBOARDING, start.on_button),
        (callbacks.CHECKIN, entries.on_checkin_button),
        (callbacks.DIARY, entries.on_diary_button),
        (callbacks.CATCH_UP, entries.on_catch_up),
        (callbacks.REMINDER, reminders.on_button),
        (callbacks.PAUSE, reminders.on_pause),
        (callbacks.SETTINGS, settings.on_button),
        (callbacks.MONTH, summary.on_month),
        (callbacks.EXPORT, export.on_button),
        (callbacks.DELETE, privacy.on_button),
        (callbacks.IMPORT, imports.on_button),
        (callbacks.TOPIC, faq.on_topic),
    )
    app.add_handlers(
        [
            CommandHandler("start", start.cmd_start),
            CommandHandler("help", misc.cmd_help),
            CommandHandler("checkin", entries.cmd_checkin),
            CommandHandler("morning", entries.cmd_morning),
            CommandHandler("settings", settings.cmd_settings),
            CommandHandler("pause", reminders.cmd_pause),
            CommandHandler("resume", reminders.cmd_resume),
            CommandHandler("summary", summary.cmd_summary),
            CommandHandler("export", export.cmd_export),
            CommandHandler("privacy", privacy.cmd_privacy),
            CommandHandler("delete", privacy.cmd_delete),
            CommandHandler("faq", faq.cmd_faq),
            MessageHandler(filters.COMMAND, misc.unknown_command),
            *(CallbackQueryHandler(answer, pattern=codec.matches) for codec, answer in taps),
            CallbackQueryHandler(_stale_button),
            MessageHandler(filters.LOCATION, start.on_location),
            MessageHandler(filters.TEXT, text.on_text),
            MessageHandler(filters.Document.ALL, imports.on_document),
            MessageHandler(filters.ALL, misc.not_text),
        ],
        group=MAIN,
    )
    app.add_error_handler(on_error)
    jobs = app.job_queue
    if jobs is None:
        raise RuntimeError("python-telegram-bot's job-queue extra is not installed")
    every = app.bot_data.settings.reminder_check_seconds
    jobs.run_repeating(
        reminders.dispatch_job,
        interval=every,
        first=every,
        name="reminders",
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
    jobs.run_repeating(dedupe.prune_job, interval=3600, first=60, name="prune")
