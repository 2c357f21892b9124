"""/checkin: the nightly check-in, one message edited in place."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.core import checkin_flow as flow
from bot.core import checkin_steps as steps
from bot.core import users
from bot.core.checkin_flow import AnswerError
from bot.core.checkin_questions import Question
from bot.core.nights import night_of
from bot.texts import NEEDS_START
from handlers import checkin_view as views
from handlers.context import BotContext
from handlers.dialog_screen import show_current
from handlers.views import View, edit_view
from models import Checkin, Dialog, User

STALE = "That button is from an earlier screen, so I left everything as it was."


def _local_now(user: User, now: datetime) -> datetime:
    return now.astimezone(ZoneInfo(user.timezone or "UTC"))


async def _checkin_of(session: AsyncSession, dialog: Dialog) -> Checkin | None:
    return await session.scalar(
        select(Checkin).where(Checkin.user_id == dialog.user_id, Checkin.night == dialog.night)
    )


async def screen(session: AsyncSession, user: User, dialog: Dialog, now: datetime) -> View:
    """The screen for the dialog's current step, drawn from what is stored."""
    checkin = await _checkin_of(session, dialog)
    if checkin is None:  # deleted under us; start the night afresh
        checkin = await flow.tonight(session, user.id, dialog.night, now)  # type: ignore[arg-type]
    meds = await users.medicines(session, user.id)
    if dialog.step == steps.SAVED:
        return views.saved_view(checkin, meds)
    if dialog.step == steps.RECAP:
        intro = "This night's check-in is saved." if checkin.saved_at else ""
        return views.recap_view(checkin, meds, intro)
    if dialog.step == steps.MEDICINE_NAME:
        return views.medicine_name_view(checkin)
    if dialog.step == steps.MEDICINE_TIME:
        medicine = next((m for m in meds if m.id == checkin.medicine_id), None)
        return views.medicine_time_view(checkin, medicine, _local_now(user, now))
    return views.question_view(checkin, Question(dialog.step), meds)


async def cmd_checkin(update: Update, context: BotContext) -> None:
    """Start tonight's check-in, resume it where it stopped, or show it if already saved."""
    await begin(update, context)


async def begin(update: Update, context: BotContext, night: date | None = None) -> None:
    """Open the check-in of `night` (default: the current one) at its next open question."""
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        ready = user is not None and user.consent and user.onboarded
        if ready:
            night = night or night_of(now, user.timezone or "UTC")
            checkin = await flow.tonight(session, user.id, night, now)
            dialog = await users.get_dialog(session, user.id)
            await users.open_dialog(
                session,
                user.id,
                users.CHECKIN,
                steps.resume_step(checkin),
                now,
                night=night,
                message_id=dialog.message_id if dialog else None,
            )
    if ready:
        await show_current(update, context)
    else:
        await update.effective_message.reply_text(NEEDS_START)


def _parse(data: str) -> tuple[int, str, str] | None:
    parts = data.split(":", 3)
    if len(parts) != 4 or not parts[1].isdigit() or parts[2] not in steps.STEPS:
        return None
    return int(parts[1]), parts[2], parts[3]


async def on_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    parsed = _parse(query.data or "")
    now = context.now()
    toast: str | None = None
    view: View | None = None
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
        checkin = await session.get(Checkin, parsed[0]) if parsed else None
        live = (
            parsed is not None
            and checkin is not None
            and dialog is not None
            and dialog.flow == users.CHECKIN
            and checkin.user_id == update.effective_user.id
            and checkin.night == dialog.night
            and dialog.step == parsed[1]
        )
        if not live:
            toast = STALE
        else:
            user = await users.get_user(session, dialog.user_id)
            meds = await users.medicines(session, dialog.user_id)
            try:
                steps.press(dialog, checkin, parsed[2], meds, _local_now(user, now), now)
            except AnswerError as error:
                toast = str(error)
            else:
                dialog.updated_at = now
                view = await screen(session, user, dialog, now)
                if dialog.step == steps.SAVED:
                    await users.close_dialog(session, dialog.user_id)
    if view is not None:
        await edit_view(query.message, view)
    await query.answer(toast)
    if not live and dialog is not None and dialog.flow == users.CHECKIN:
        await show_current(update, context, "Here is where your check-in is now:")


async def on_text(update: Update, context: BotContext, dialog_step: str) -> bool:
    """A typed answer during the check-in. False when the text is no answer for this step."""
    text = update.effective_message.text or ""
    now = context.now()
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
        checkin = await _checkin_of(session, dialog) if dialog else None
        if dialog is None or checkin is None or dialog.step != dialog_step:
            return False
        try:
            new_medicine = steps.type_answer(dialog, checkin, text, now)
        except AnswerError as error:
            if not steps.takes_text(dialog.step, text):
                return False
            reason = f"<i>{error}</i>"
        else:
            if new_medicine is not None:
                medicine = await users.add_medicine(session, dialog.user_id, new_medicine)
                flow.pick_medicine(checkin, medicine.id, now)
                dialog.step = steps.MEDICINE_TIME
            reason = "Got it ✓"
    await show_current(update, context, reason)
    return True
