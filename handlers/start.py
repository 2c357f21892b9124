"""/start: consent, time zone and times. Nothing is stored before the user says yes.

The same time-zone and time screens serve /settings (flow "settings"): there each change
is saved on its own and leads back to the settings screen.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import available_timezones

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import ReplyKeyboardRemove, Update

from bot.core import users
from bot.core.clock_parse import ClockError, parse_clock
from bot.core.zones import ZoneMatch, zone_from_location, zone_from_text
from bot.reminders.plan import reschedule
from bot.texts import REFUSED, WELCOME
from handlers import start_view as views
from handlers.context import BotContext
from handlers.dialog_screen import show_current
from handlers.settings_view import settings_view
from handlers.views import View, edit_view, retire_keyboard, send_view
from models import Dialog, User

ALREADY_DONE = "That step is already done."
ONBOARDING_NEXT = {
    views.TZ: views.CHECKIN_TIME,
    views.CHECKIN_TIME: views.MORNING_TIME,
    views.MORNING_TIME: views.SUMMARY,
}
SETTING_FLOWS = (users.ONBOARDING, users.SETTINGS)


async def screen(session: AsyncSession, user: User, dialog: Dialog, now: datetime) -> View:
    if dialog.step == views.TZ:
        return views.timezone_view()
    if dialog.step == views.CHECKIN_TIME:
        return views.checkin_time_view(user)
    if dialog.step == views.SUMMARY:
        return views.summary_question_view(user)
    return views.morning_time_view(user, after_checkin=dialog.flow == users.ONBOARDING)


async def cmd_start(update: Update, context: BotContext) -> None:
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        dialog = await users.get_dialog(session, update.effective_user.id)
        if user is not None and user.consent and not user.active:
            user.active = True  # back after blocking the bot: reminders resume
            await reschedule(session, user, now)
    if user is None or not user.consent:
        await send_view(context.bot, update.effective_chat.id, views.welcome_view())
    elif not user.onboarded:
        await show_current(update, context, "Welcome back! Let's finish setting up.")
    else:
        checkin_open = dialog is not None and dialog.flow == users.CHECKIN
        view = views.welcome_back_view(user, now, checkin_open)
        await send_view(context.bot, update.effective_chat.id, view)


async def on_consent(update: Update, context: BotContext) -> None:
    query = update.callback_query
    agreed = query.data == "ob:consent:yes"
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is not None and user.consent and agreed:
            await query.answer("You're already set up. /help shows what I can do.")
            return
        await users.record_consent(session, update.effective_user.id, agreed, context.now())
        if agreed:
            await users.open_dialog(
                session, update.effective_user.id, users.ONBOARDING, views.TZ, context.now()
            )
        else:
            await users.close_dialog(session, update.effective_user.id)
    if agreed:
        await edit_view(query.message, View(f"{WELCOME}\n\n✓ Thank you!"))
        await query.answer()
        await show_current(update, context)
    else:
        await edit_view(query.message, View(REFUSED))
        await query.answer()


async def _next_screen(session: AsyncSession, user: User, dialog: Dialog, now: datetime) -> View:
    """After a setting was stored: the next onboarding screen, or the settings screen."""
    if dialog.flow == users.ONBOARDING and dialog.step != views.SUMMARY:
        dialog.step = ONBOARDING_NEXT[dialog.step]
        return await screen(session, user, dialog, now)
    done = dialog.flow == users.ONBOARDING
    user.onboarded = True
    await users.close_dialog(session, user.id)
    reminders = await reschedule(session, user, now)
    return views.done_view(user, now) if done else settings_view(user, reminders, now)


async def _set_zone(update: Update, context: BotContext, match: ZoneMatch) -> None:
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        dialog = await users.get_dialog(session, update.effective_user.id)
        user.timezone = match.zone
        following = await _next_screen(session, user, dialog, now)
        onboarding = dialog.flow == users.ONBOARDING
    confirmation = View(views.zone_confirmed(match, now), ReplyKeyboardRemove())
    await send_view(context.bot, update.effective_chat.id, confirmation)
    if onboarding:
        await show_current(update, context)
    else:
        await send_view(context.bot, update.effective_chat.id, following)


def _set_time(user: User, step: str, chosen: time) -> None:
    if step == views.CHECKIN_TIME:
        user.checkin_time = chosen
    else:
        user.morning_time = chosen


def _store_button(user: User, step: str, value: str) -> None:
    """A time button (HHMM) or the monthly-summary answer; ClockError for a bad time."""
    if step == views.SUMMARY:
        user.monthly_summary = value == "yes"
    else:
        _set_time(user, step, parse_clock(value))


async def on_button(update: Update, context: BotContext) -> None:
    """ob:<step>:<value> taps: a zone candidate, a check-in time, a morning time."""
    query = update.callback_query
    _, step, value = (query.data or "::").split(":", 2)
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
        user = await users.get_user(session, update.effective_user.id)
        if dialog is None or dialog.flow not in SETTING_FLOWS or dialog.step != step:
            await query.answer(ALREADY_DONE)
            return
        if step == views.TZ:
            if value not in available_timezones():
                await query.answer("I don't know that time zone.")
                return
            match = ZoneMatch(zone=value, label=value)
        else:
            try:
                _store_button(user, step, value)
            except ClockError as error:
                await query.answer(str(error))
                return
            view = await _next_screen(session, user, dialog, context.now())
    if step == views.TZ:
        await retire_keyboard(context.bot, update.effective_chat.id, query.message.message_id)
        await query.answer()
        await _set_zone(update, context, match)
        return
    await edit_view(query.message, view)
    await query.answer()


async def on_text(update: Update, context: BotContext, step: str) -> None:
    """Typed answers while setting up: a place or offset, or a time."""
    text = update.effective_message.text or ""
    if step == views.TZ:
        lookup = zone_from_text(text)
        if lookup.match is not None:
            await _set_zone(update, context, lookup.match)
        elif lookup.candidates:
            view = views.candidates_view(lookup.reason, lookup.candidates)
            await send_view(context.bot, update.effective_chat.id, view)
        else:
            await show_current(update, context, f"<i>{lookup.reason}</i>")
        return
    if step == views.SUMMARY:
        await show_current(update, context, "<i>Please tap Yes or No.</i>")
        return
    try:
        chosen = parse_clock(text)
    except ClockError as error:
        await show_current(update, context, f"<i>{error}</i>")
        return
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        dialog = await users.get_dialog(session, update.effective_user.id)
        old_message = dialog.message_id
        _set_time(user, step, chosen)
        view = await _next_screen(session, user, dialog, context.now())
        still_open = await users.get_dialog(session, user.id) is not None
    if still_open:
        await show_current(update, context)
    else:
        await retire_keyboard(context.bot, update.effective_chat.id, old_message)
        await send_view(context.bot, update.effective_chat.id, view)


async def on_location(update: Update, context: BotContext) -> None:
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
    if dialog is None or dialog.flow not in SETTING_FLOWS or dialog.step != views.TZ:
        await update.effective_message.reply_text(
            "Thanks, but I only use a location to find your time zone, and I don't need it "
            "now. Nothing was stored."
        )
        return
    location = update.effective_message.location
    match = zone_from_location(location.latitude, location.longitude)
    if match is None:
        await show_current(
            update,
            context,
            "<i>I couldn't find a time zone for that spot. Could you type your city?</i>",
        )
        return
    await _set_zone(update, context, match)
