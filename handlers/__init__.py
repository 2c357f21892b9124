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

from bot.core import users
from handlers import (
    checkin,
    dedupe,
    export,
    faq,
    misc,
    morning,
    privacy,
    reminders,
    settings,
    start,
    summary,
    text,
)
from handlers.dialog_screen import register_screen
from handlers.errors import on_error

GUARDS, MAIN, DONE = -1, 0, 1


async def _stale_button(update: Update, context: object) -> None:
    await update.callback_query.answer("That button is no longer in use.")


def register(app: Application) -> None:  # type: ignore[type-arg]
    register_screen(users.ONBOARDING, start.screen)
    register_screen(users.SETTINGS, settings.screen)
    register_screen(users.CHECKIN, checkin.FORM.screen)
    register_screen(users.MORNING, morning.FORM.screen)

    app.add_handler(TypeHandler(Update, misc.private_only), group=GUARDS)
    app.add_handler(TypeHandler(Update, dedupe.claim_if_unclaimed), group=DONE)

    app.add_handlers(
        [
            CommandHandler("start", start.cmd_start),
            CommandHandler("help", misc.cmd_help),
            CommandHandler("checkin", checkin.cmd_checkin),
            CommandHandler("morning", morning.cmd_morning),
            CommandHandler("settings", settings.cmd_settings),
            CommandHandler("pause", reminders.cmd_pause),
            CommandHandler("resume", reminders.cmd_resume),
            CommandHandler("summary", summary.cmd_summary),
            CommandHandler("export", export.cmd_export),
            CommandHandler("privacy", privacy.cmd_privacy),
            CommandHandler("delete", privacy.cmd_delete),
            CommandHandler("faq", faq.cmd_faq),
            MessageHandler(filters.COMMAND, misc.unknown_command),
            CallbackQueryHandler(start.on_consent, pattern=r"^ob:consent:(yes|no)$"),
            CallbackQueryHandler(start.on_button, pattern=r"^ob:"),
            CallbackQueryHandler(checkin.on_button, pattern=r"^ci:"),
            CallbackQueryHandler(morning.on_button, pattern=r"^md:"),
            CallbackQueryHandler(reminders.on_button, pattern=r"^rm:"),
            CallbackQueryHandler(reminders.on_pause, pattern=r"^pz:"),
            CallbackQueryHandler(settings.on_button, pattern=r"^st:"),
            CallbackQueryHandler(summary.on_month, pattern=r"^sm:"),
            CallbackQueryHandler(export.on_button, pattern=r"^ex:"),
            CallbackQueryHandler(privacy.on_button, pattern=r"^del:"),
            CallbackQueryHandler(faq.on_topic, pattern=r"^faq:"),
            CallbackQueryHandler(_stale_button),
            MessageHandler(filters.LOCATION, start.on_location),
            MessageHandler(filters.TEXT, text.on_text),
            MessageHandler(filters.ALL, misc.not_text),
        ],
        group=MAIN,
    )
    app.add_error_handler(on_error)
    every = app.bot_data.settings.reminder_check_seconds
    app.job_queue.run_repeating(
        reminders.dispatch_job,
        interval=every,
        first=every,
        name="reminders",
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
    app.job_queue.run_repeating(dedupe.prune_job, interval=3600, first=60, name="prune")
