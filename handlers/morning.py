"""/morning: last night's sleep diary, one message edited in place."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.core import diary_steps as steps
from bot.core import users
from bot.core.checkin_flow import AnswerError
from bot.core.diary_questions import COLUMNS, TIME_QUESTIONS, DiaryQuestion
from bot.core.nights import local_time
from bot.core.sleep_diary import usual_time
from bot.texts import NEEDS_START
from handlers import morning_view as views
from handlers.context import BotContext
from handlers.dialog_screen import show_current
from handlers.views import View, edit_view
from models import Dialog, SleepDiary, User

STALE = "That button is from an earlier screen, so I left everything as it was."
CATCH_UP_NIGHTS = 3


def last_night(now: datetime, zone: str) -> date:
    """The night that ended this morning: the evening before today's local date."""
    return local_time(now, zone).date() - timedelta(days=1)


async def diary_for(session: AsyncSession, user_id: int, night: date, now: datetime) -> SleepDiary:
    """This night's diary, created empty if there is none yet (never a second one)."""
    found = await session.scalar(
        select(SleepDiary).where(SleepDiary.user_id == user_id, SleepDiary.night == night)
    )
    if found is None:
        found = SleepDiary(user_id=user_id, night=night, answered=[], updated_at=now)
        session.add(found)
        await session.flush()
    return found


async def _usual(session: AsyncSession, diary: SleepDiary, question: DiaryQuestion) -> time | None:
    if question not in TIME_QUESTIONS:
        return None
    column = getattr(SleepDiary, COLUMNS[question])
    values = await session.scalars(
        select(column)
        .where(
            SleepDiary.user_id == diary.user_id, SleepDiary.night < diary.night, column.is_not(None)
        )
        .order_by(SleepDiary.night.desc())
        .limit(14)
    )
    return usual_time(list(values)[::-1])


async def _missing(session: AsyncSession, user: User, night: date) -> list[date]:
    """Recent nights without a saved diary (only since the user joined)."""
    joined = local_time(user.created_at, user.timezone).date() - timedelta(days=1)
    nights = [night - timedelta(days=d) for d in range(1, CATCH_UP_NIGHTS + 1)]
    saved = set(
        await session.scalars(
            select(SleepDiary.night).where(
                SleepDiary.user_id == user.id,
                SleepDiary.night.in_(nights),
                SleepDiary.saved_at.is_not(None),
            )
        )
    )
    return [n for n in sorted(nights) if n not in saved and n >= joined]


async def screen(session: AsyncSession, user: User, dialog: Dialog, now: datetime) -> View:
    diary = await diary_for(session, user.id, dialog.night, now)
    result = steps.metrics_of(diary, user.timezone)
    if dialog.step == steps.SAVED:
        return views.saved_view(diary, result, await _missing(session, user, diary.night))
    if dialog.step == steps.RECAP:
        return views.recap_view(diary, result)
    question = DiaryQuestion(dialog.step)
    return views.question_view(diary, question, await _usual(session, diary, question))


async def cmd_morning(update: Update, context: BotContext) -> None:
    await begin(update, context)


async def begin(update: Update, context: BotContext, night: date | None = None) -> None:
    """Open the diary of `night` (default: last night) at its next open question."""
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        ready = user is not None and user.consent and user.onboarded
        if ready:
            night = night or last_night(now, user.timezone)
            diary = await diary_for(session, user.id, night, now)
            dialog = await users.get_dialog(session, user.id)
            await users.open_dialog(
                session,
                user.id,
                users.MORNING,
                steps.resume_step(diary),
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
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    return int(parts[1]), parts[2], parts[3]


async def _catch_up(update: Update, context: BotContext, raw: str) -> None:
    """md:0:new:<YYYYMMDD>: fill in a missed night offered after saving."""
    query = update.callback_query
    try:
        night = datetime.strptime(raw, "%Y%m%d").date()
    except ValueError:
        await query.answer(STALE)
        return
    await query.answer()
    await begin(update, context, night)


async def on_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    parsed = _parse(query.data or "")
    if parsed and parsed[1] == "new":
        await _catch_up(update, context, parsed[2])
        return
    now = context.now()
    toast: str | None = None
    view: View | None = None
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
        diary = await session.get(SleepDiary, parsed[0]) if parsed else None
        live = (
            diary is not None
            and dialog is not None
            and dialog.flow == users.MORNING
            and diary.user_id == update.effective_user.id
            and diary.night == dialog.night
            and dialog.step == parsed[1]
        )
        if not live:
            toast = STALE
        else:
            user = await users.get_user(session, dialog.user_id)
            try:
                steps.press(dialog, diary, parsed[2], user.timezone, now)
            except AnswerError as error:
                toast = str(error)[:200]
            else:
                dialog.updated_at = now
                view = await screen(session, user, dialog, now)
                if dialog.step == steps.SAVED:
                    await users.close_dialog(session, dialog.user_id)
    if view is not None:
        await edit_view(query.message, view)
    await query.answer(toast, show_alert=bool(toast and len(toast) > 60))
    if not live and dialog is not None and dialog.flow == users.MORNING:
        await show_current(update, context, "Here is where your sleep diary is now:")


async def on_text(update: Update, context: BotContext, dialog_step: str) -> bool:
    """A typed answer in the diary. False when the text is no answer for this step."""
    text = update.effective_message.text or ""
    if not steps.takes_text(dialog_step):
        return False
    now = context.now()
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
        user = await users.get_user(session, update.effective_user.id)
        if dialog is None or dialog.step != dialog_step:
            return False
        diary = await diary_for(session, user.id, dialog.night, now)
        try:
            steps.type_answer(dialog, diary, text, user.timezone, now)
        except AnswerError as error:
            prefix = f"<i>{error}</i>"
        else:
            prefix = "Got it ✓"
    await show_current(update, context, prefix)
    return True
