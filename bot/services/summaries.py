"""The monthly summary's figures and chart, for /summary and the 1st of each month, and the
weekly feedback's figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.core.months import month_end, month_start
from bot.core.nights import local_time
from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.core.summary import months_with_entries, summarize
from bot.core.summary_model import MonthSummary
from bot.core.summary_week import WEEK, WeekFeedback, week_feedback, week_of
from bot.data import Tx, events, history
from bot.i18n import Texts
from bot.reports import workers
from models import User

MIN_NIGHTS_FOR_CHART = 3
PICKER_MONTHS = 6
LAST_MONTH_UNTIL_DAY = 7  # /summary on the 1st to the 7th opens the month just ended


@dataclass(frozen=True)
class Month:
    """One month's nights and summary, and other months to pick."""

    first: date
    records: list[NightRecord]
    summary: MonthSummary
    others: list[date]


def month_to_show(user: User, now: datetime) -> date:
    """What /summary opens: the month just ended in a month's first days (its summary is
    what the user is after then, and the new month has next to nothing), else this one."""
    today = local_time(now, user.zone).date()
    return month_start(today, 1 if today.day <= LAST_MONTH_UNTIL_DAY else 0)


async def week(tx: Tx, user: User, monday_after: date) -> WeekFeedback:
    """The feedback on the week that ended the day before `monday_after`."""
    first, last = week_of(monday_after)
    return week_feedback(await history.nights(tx, user, first - WEEK, last), monday_after)


async def month(tx: Tx, user: User, first: date, with_picker: bool = True) -> Month:
    """The summary of the month starting `first`, with last month's for the trend."""
    records = await history.nights(tx, user, first, month_end(first))
    changes = await events.changes(tx, user.id, first, month_end(first))
    before = month_start(first, 1)
    previous = await history.nights(tx, user, before, month_end(before))
    others: list[date] = []
    if with_picker:
        nights = await history.entry_nights(tx, user.id)
        others = [m for m in months_with_entries(nights) if m != first][:PICKER_MONTHS]
    return Month(first, records, summarize(records, first, previous, changes), others)


async def chart(month: Month, t: Texts) -> bytes | None:
    """The month's chart from 3 nights on, the same chart as the doctor's report's, drawn in
    a report worker after the transaction, so nobody waits for the drawing."""
    if len(month.records) < MIN_NIGHTS_FOR_CHART:
        return None
    span = Span(month.first, month_end(month.first))
    changes = month.summary.medicine_changes
    return await workers.run(workers.chart_png, month.records, span, changes, t.language)
