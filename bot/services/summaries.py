"""The monthly summary's figures and chart, for /summary and the 1st of each month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.core.months import month_end, month_start
from bot.core.nights import local_time
from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.core.summary import months_with_entries, summarize
from bot.core.summary_model import MonthSummary
from bot.data import Tx, events, history
from bot.i18n import Texts
from bot.reports import workers
from models import User

MIN_NIGHTS_FOR_CHART = 3
PICKER_MONTHS = 6


@dataclass(frozen=True)
class Month:
    """One month's nights and summary, and other months to pick."""

    first: date
    records: list[NightRecord]
    summary: MonthSummary
    others: list[date]


def this_month(user: User, now: datetime) -> date:
    return month_start(local_time(now, user.zone).date())


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
