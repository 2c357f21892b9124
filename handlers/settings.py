"""/settings: time zone, times, each reminder on or off, the monthly summary, medicines.

Changes reschedule the reminders at once. The zone and times reuse the onboarding screens
(handlers/start.py) in the "settings" dialog; naming a medicine is a settings step too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.core import users
from bot.core.checkin_flow import AnswerError
from bot.core.checkin_steps import medicine_name
from bot.core.schedule import Kind
from bot.reminders.plan import ensure_reminders, reminders_of, reschedule
from bot.texts import NEEDS_START
from handlers import start, start_view
from handlers.context import BotContext
from handlers.dialog_screen import show_current
from handlers.settings_view import medicine_name_view, medicines_view, settings_view
from handlers.views import View, edit_view, retire_keyboard, send_view
from models import Dialog, Medicine, User

CHANGES = {"tz": start_view.TZ, "ci": start_view.CHECKIN_TIME, "mo": start_view.MORNING_TIME}
ADD_MEDICINE = "madd"
RENAME_MEDICINE = "mren"  # + the medicine id


async def screen(session: AsyncSession, user: User, dialog: Dialog, now: datetime) -> View:
    if dialog.step == ADD_MEDICINE:
        return medicine_name_view(None)
    if dialog.step.startswith(RENAME_MEDICINE):
        medicine = await session.get(Medicine, int(dialog.step.removeprefix(RENAME_MEDICINE)))
        return medicine_name_view(medicine.name if medicine else None)
    return await start.screen(session, user, dialog, now)


async def _settings(session: AsyncSession, user: User, now: datetime) -> View:
    return settings_view(user, await ensure_reminders(session, user, now), now)


async def cmd_settings(update: Update, context: BotContext) -> None:
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        ready = user is not None and user.consent and user.onboarded
        view = await _settings(session, user, now) if ready else View(NEEDS_START)
    await send_view(context.bot, update.effective_chat.id, view)


async def _toggle(session: AsyncSession, user: User, kind: Kind, now: datetime) -> None:
    if kind is Kind.MONTHLY:
        user.monthly_summary = not user.monthly_summary
    else:
        await ensure_reminders(session, user, now)
        reminder = (await reminders_of(session, user.id))[kind]
        reminder.enabled = not reminder.enabled
    await reschedule(session, user, now)


async def _medicine_action(
    session: AsyncSession, user: User, what: str, now: datetime
) -> View | None:
    """st:meds | st:madd | st:mren:<id> | st:mdel:<id>; None when a name must be typed."""
    action, _, raw_id = what.partition(":")
    if action == "meds":
        await users.close_dialog(session, user.id)
        return medicines_view(await users.medicines(user))
    if action == ADD_MEDICINE:
        await users.open_dialog(session, user.id, users.SETTINGS, ADD_MEDICINE, now)
        return None
    medicine = await session.get(Medicine, int(raw_id)) if raw_id.isdigit() else None
    if medicine is None or medicine.user_id != user.id:
        raise AnswerError("That medicine is not on your list any more.")
    if action == RENAME_MEDICINE:
        step = f"{RENAME_MEDICINE}{medicine.id}"
        await users.open_dialog(session, user.id, users.SETTINGS, step, now)
        return None
    medicine.retired = True
    return medicines_view(await users.medicines(user))


async def on_button(update: Update, context: BotContext) -> None:
    """st:<what>: change the zone or a time, switch something, or manage medicines."""
    query = update.callback_query
    what = (query.data or "").removeprefix("st:")
    now = context.now()
    view: View | None = None
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is None or not user.onboarded:
            await query.answer(NEEDS_START[:200])
            return
        try:
            if what in CHANGES:
                await users.open_dialog(session, user.id, users.SETTINGS, CHANGES[what], now)
            elif what in {k.value for k in Kind}:
                await _toggle(session, user, Kind(what), now)
                view = await _settings(session, user, now)
            elif what == "back":
                view = await _settings(session, user, now)
            else:
                view = await _medicine_action(session, user, what, now)
        except AnswerError as error:
            await query.answer(str(error))
            return
    if view is None:
        await query.answer()
        await show_current(update, context)
    else:
        await edit_view(query.message, view)
        await query.answer()


async def on_text(update: Update, context: BotContext, step: str) -> None:
    """Typed answers in /settings: a medicine name here, zones and times in start.py."""
    if step != ADD_MEDICINE and not step.startswith(RENAME_MEDICINE):
        await start.on_text(update, context, step)
        return
    text = update.effective_message.text or ""
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        try:
            name = medicine_name(text)
        except AnswerError as error:
            error_text = f"<i>{error}</i>"
        else:
            error_text = None
            if step == ADD_MEDICINE:
                await users.add_medicine(session, user, name)
            else:
                medicine = await session.get(Medicine, int(step.removeprefix(RENAME_MEDICINE)))
                if medicine is not None and medicine.user_id == user.id:
                    medicine.name = name
            dialog = await users.get_dialog(session, user.id)
            old_message = dialog.message_id if dialog else None
            await users.close_dialog(session, user.id)
            view = medicines_view(await users.medicines(user))
    if error_text is not None:
        await show_current(update, context, error_text)
        return
    await retire_keyboard(context.bot, update.effective_chat.id, old_message)
    await send_view(context.bot, update.effective_chat.id, view)
