"""/export: a spreadsheet, a report for the doctor, or everything stored (JSON).

The PDF and its chart are CPU work: they are made in a worker thread, so the event loop goes
on answering other users meanwhile.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime

from bot.core.archive import dump_archive
from bot.core.doses import MedicineChange
from bot.core.months import month_start
from bot.core.nights import local_time
from bot.core.records import NightRecord
from bot.core.summary import summarize
from bot.data import Tx, archive, events, history
from bot.i18n import Texts
from models import User

EARLIEST = date(2000, 1, 1)


async def everything(tx: Tx, user: User, now: datetime) -> bytes:
    """The user's data as the versioned JSON export (docs/EXPORT_FORMAT.md)."""
    return dump_archive(await archive.export(tx, user, now))


async def spreadsheet(tx: Tx, user: User, now: datetime, t: Texts) -> bytes:
    """One row per night with anything in it, saved or not."""
    from bot.reports.csv_export import nights_csv

    end = local_time(now, user.zone).date()
    return nights_csv(await history.nights(tx, user, EARLIEST, end, saved_only=False), t)


def data_dictionary(t: Texts) -> bytes:
    """What each column of the spreadsheet holds: type, unit and codes (a CSV too)."""
    from bot.reports.csv_dictionary import dictionary_csv

    return dictionary_csv(t)


@dataclass(frozen=True)
class Period:
    """The nights a doctor's report covers, read in the transaction; drawn after it."""

    records: list[NightRecord]
    start: date
    end: date
    changes: list[MedicineChange]


async def report_period(tx: Tx, user: User, months: int, now: datetime) -> Period:
    """This month (1), the last `months` months, or (0) everything."""
    end = local_time(now, user.zone).date()
    start = month_start(end, months - 1) if months else EARLIEST
    records = await history.nights(tx, user, start, end)
    if records and not months:
        start = records[0].night
    return Period(records, start, end, await events.changes(tx, user.id, start, end))


async def doctor_report(period: Period, notes: bool, t: Texts) -> bytes:
    """The PDF, made in a worker thread."""
    return await asyncio.to_thread(_pdf, period, notes, t)


def _pdf(period: Period, notes: bool, t: Texts) -> bytes:
    from bot.reports.chart import month_chart  # matplotlib and fpdf2 load on first use
    from bot.reports.pdf_report import doctor_report

    records, start, end = period.records, period.start, period.end
    latest = month_start(end)
    in_latest = [r for r in records if r.night >= latest]
    earlier = [r for r in records if month_start(latest, 1) <= r.night < latest]
    summary = summarize(in_latest, latest, earlier) if records else None
    chart = month_chart(in_latest, latest, t) if in_latest else None
    return doctor_report(records, start, end, summary, notes, end, chart, t, changes=period.changes)
