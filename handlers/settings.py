"""/settings: time zone, times and each reminder on or off; changes reschedule at once."""

from __future__ import annotations

from telegram import Update

from bot.core import users
from bot.core.schedule import Kind
from bot.reminders.plan import ensure_reminders, reminders_of, reschedule
from bot.texts import NEEDS_START
from handlers import start_view
from handlers.context import BotContext
from handlers.dialog_screen import show_current
from handlers.settings_view import SWITCH_LABELS, settings_view
from handlers.views import edit_view, send_view

CHANGES = {"tz": start_view.TZ, "ci": start_view.CHECKIN_TIME, "mo": start_view.MORNING_TIME}


async def cmd_settings(update: Update, context: BotContext) -> None:
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is None or not user.consent or not user.onboarded:
            view = None
        else:
            view = settings_view(user, await ensure_reminders(session, user, now), now)
    if view is None:
        await update.effective_message.reply_text(NEEDS_START)
    else:
        await send_view(context.bot, update.effective_chat.id, view)


async def on_button(update: Update, context: BotContext) -> None:
    """st:<what>: switch a reminder, or start changing the zone or a time."""
    query = update.callback_query
    what = (query.data or "").removeprefix("st:")
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is None or not user.onboarded:
            await query.answer(NEEDS_START[:200])
            return
        if what in CHANGES:
            await users.open_dialog(session, user.id, users.SETTINGS, CHANGES[what], now)
            view = None
        elif what in {k.value for k in SWITCH_LABELS}:
            await ensure_reminders(session, user, now)
            reminder = (await reminders_of(session, user.id))[Kind(what)]
            reminder.enabled = not reminder.enabled
            view = settings_view(user, await reschedule(session, user, now), now)
        else:
            await query.answer("That button is no longer in use.")
            return
    if view is None:
        await query.answer()
        await show_current(update, context)
    else:
        await edit_view(query.message, view)
        await query.answer()
