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
from handlers import checkin_view as views
from handlers import entry_form
from handlers.context import BotContext
from handlers.dialog_screen import present, screen_of
from handlers.entry_form import EntryForm
from handlers.views import View
from models import Checkin, Dialog, Medicine, User


def _local_now(user: User, now: datetime) -> datetime:
    return now.astimezone(ZoneInfo(user.timezone or "UTC"))


async def _checkin_of(session: AsyncSession, dialog: Dialog) -> Checkin | None:
    return await session.scalar(
        select(Checkin).where(Checkin.user_id == dialog.user_id, Checkin.night == dialog.night)
    )


async def _medicines_for(user: User, step: str) -> list[Medicine]:
    """The user's medicines where the step shows or checks them; elsewhere none are loaded."""
    return await users.medicines(user) if steps.uses_medicines(step) else []


async def _screen(
    session: AsyncSession, user: User, dialog: Dialog, checkin: Checkin, now: datetime
) -> View:
    """The screen for the dialog's current step, drawn from what is stored."""
    meds = await _medicines_for(user, dialog.step)
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


async def _press(
    session: AsyncSession, user: User, dialog: Dialog, checkin: Checkin, action: str, now: datetime
) -> None:
    meds = await _medicines_for(user, dialog.step)
    steps.press(dialog, checkin, action, meds, _local_now(user, now), now)


FORM = EntryForm(
    flow=users.CHECKIN,
    model=Checkin,
    default_night=night_of,
    open_entry=flow.tonight,
    resume_step=steps.resume_step,
    press=_press,
    entry_screen=_screen,
    where_now="Here is where your check-in is now:",
)


async def cmd_checkin(update: Update, context: BotContext) -> None:
    """Start tonight's check-in, resume it where it stopped, or show it if already saved."""
    await entry_form.begin(FORM, update, context)


async def begin(update: Update, context: BotContext, night: date | None = None) -> None:
    """The check-in of `night`, from a reminder's Start button."""
    await entry_form.begin(FORM, update, context, night)


async def on_button(update: Update, context: BotContext) -> None:
    await entry_form.on_button(FORM, update, context)


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
                user = await users.get_user(session, dialog.user_id)
                medicine = await users.add_medicine(session, user, new_medicine)
                flow.pick_medicine(checkin, medicine.id, now)
                dialog.step = steps.MEDICINE_TIME
            reason = "Got it ✓"
        current = await screen_of(session, dialog, now)
    await present(update, context, current, reason)
    return True
