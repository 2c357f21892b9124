"""/morning: last night's sleep diary, one message edited in place."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.core import diary_steps as steps
from bot.core import users
from bot.core.checkin_flow import AnswerError
from bot.core.checkin_steps import is_skip
from bot.core.diary_questions import COLUMNS, TIME_QUESTIONS, DiaryQuestion
from bot.core.nights import local_time
from bot.core.sleep_diary import usual_time
from handlers import entry_form
from handlers import morning_view as views
from handlers.context import BotContext
from handlers.dialog_screen import present, screen_of
from handlers.entry_form import STALE, EntryForm, parse_button
from handlers.views import View
from models import Dialog, SleepDiary, User

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


async def _screen(
    session: AsyncSession, user: User, dialog: Dialog, diary: SleepDiary, now: datetime
) -> View:
    result = steps.metrics_of(diary, user.timezone)
    if dialog.step == steps.SAVED:
        return views.saved_view(diary, result, await _missing(session, user, diary.night))
    if dialog.step == steps.RECAP:
        return views.recap_view(diary, result)
    question = DiaryQuestion(dialog.step)
    return views.question_view(diary, question, await _usual(session, diary, question))


async def _press(
    session: AsyncSession, user: User, dialog: Dialog, diary: SleepDiary, action: str, now: datetime
) -> None:
    steps.press(dialog, diary, action, user.timezone, now)


FORM = EntryForm(
    flow=users.MORNING,
    model=SleepDiary,
    default_night=last_night,
    open_entry=diary_for,
    resume_step=steps.resume_step,
    press=_press,
    entry_screen=_screen,
    where_now="Here is where your sleep diary is now:",
)


async def cmd_morning(update: Update, context: BotContext) -> None:
    await entry_form.begin(FORM, update, context)


async def begin(update: Update, context: BotContext, night: date | None = None) -> None:
    """The diary of `night`, from a reminder's Start button or a missed-morning button."""
    await entry_form.begin(FORM, update, context, night)


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
    parsed = parse_button(update.callback_query.data or "")
    if parsed and parsed[1] == "new":
        await _catch_up(update, context, parsed[2])
    else:
        await entry_form.on_button(FORM, update, context)


async def on_text(update: Update, context: BotContext, dialog_step: str) -> bool:
    """A typed answer in the diary. False when the text is no answer for this step."""
    text = update.effective_message.text or ""
    if not steps.takes_text(dialog_step) and not is_skip(text):
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
        current = await screen_of(session, dialog, now)
    await present(update, context, current, prefix)
    return True
