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
    language,
    misc,
    privacy,
    reminders,
    settings,
    start,
    summary,
    tap_deadline,
    text,
    updates,
)
from handlers.context import BotContext
from handlers.errors import on_error

TAPS, SEEN, GUARDS, MAIN, DONE = -3, -2, -1, 0, 1
STALE_BUTTON = N_("That button is no longer in use.")
# New messages only: an edit of an old one ("/delete" corrected to something else) is no
# new input. Telegram sends edits only when asked (bot.app.ALLOWED_UPDATES), but filter here
# too, whatever the delivery.
NEW = filters.UpdateType.MESSAGE


async def _stale_button(update: Update, context: BotContext) -> None:
    await updates.tap(update).answer(context.texts.gettext(STALE_BUTTON))


def register(app: Application) -> None:
    app.add_handler(TypeHandler(Update, tap_deadline.answer_in_time), group=TAPS)
    app.add_handler(TypeHandler(Update, dedupe.claim_first), group=SEEN)
    app.add_handler(TypeHandler(Update, misc.private_only), group=GUARDS)
    app.add_handler(TypeHandler(Update, dedupe.finish_claim), group=DONE)
    taps = (
        (callbacks.ONBOARDING, start.on_button),
        (callbacks.CHECKIN, entries.on_checkin_button),
        (callbacks.DIARY, entries.on_diary_button),
        (callbacks.CATCH_UP, entries.on_catch_up),
        (callbacks.REMINDER, reminders.on_button),
        (callbacks.PAUSE, reminders.on_pause),
        (callbacks.SETTINGS, settings.on_button),
        (callbacks.MONTH, summary.on_month),
        (callbacks.DETAILS, summary.on_details),
        (callbacks.EXPORT, export.on_button),
        (callbacks.DELETE, privacy.on_button),
        (callbacks.IMPORT, imports.on_button),
        (callbacks.TOPIC, faq.on_topic),
        (callbacks.FAQ_GROUP, faq.on_group),
        (callbacks.LANGUAGE, language.on_button),
    )
    commands = (
        ("start", start.cmd_start),
        ("help", misc.cmd_help),
        ("checkin", entries.cmd_checkin),
        ("morning", entries.cmd_morning),
        ("settings", settings.cmd_settings),
        ("pause", reminders.cmd_pause),
        ("resume", reminders.cmd_resume),
        ("summary", summary.cmd_summary),
        ("export", export.cmd_export),
        ("privacy", privacy.cmd_privacy),
        ("delete", privacy.cmd_delete),
        ("faq", faq.cmd_faq),
        ("language", language.cmd_language),
    )
    app.add_handlers(
        [
            *(CommandHandler(name, answer, filters=NEW) for name, answer in commands),
            MessageHandler(NEW & filters.COMMAND, misc.unknown_command),
            *(CallbackQueryHandler(answer, pattern=codec.matches) for codec, answer in taps),
            CallbackQueryHandler(_stale_button),
            MessageHandler(NEW & filters.LOCATION, start.on_location),
            MessageHandler(NEW & filters.TEXT, text.on_text),
            MessageHandler(NEW & filters.Document.ALL, imports.on_document),
            MessageHandler(NEW, misc.not_text),
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
