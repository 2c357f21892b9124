"""/export: a spreadsheet, a report for the doctor, or everything stored (JSON).

The PDF and its chart are CPU work: they are made in a report worker process
(bot/reports/workers.py), so the bot goes on answering other users meanwhile.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.core.archive import dump_archive
from bot.core.nights import local_time
from bot.core.periods import Choice, last_night_over, span
from bot.data import Tx, archive, events, history
from bot.i18n import Texts
from bot.reports import workers
from bot.reports.request import ReportRequest
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


async def report_request(
    tx: Tx,
    user: User,
    choice: Choice,
    now: datetime,
    notes: bool,
    t: Texts,
    since: date | None = None,
    name: str | None = None,
    language: str | None = None,
) -> ReportRequest:
    """What the report of `choice` is made from, read in the transaction: the period's saved
    nights up to the last night that is over, and the medicine events from its start to
    today (a change made today is news for the doctor, though tonight is not counted).
    The report is in the language of `t` unless `language` says another."""
    end = last_night_over(now, user.zone)
    first = None
    if choice is Choice.EVERYTHING:
        nights = await history.entry_nights(tx, user.id)
        first = nights[0] if nights else None
    period = span(choice, end, since, first)
    today = local_time(now, user.zone).date()
    return ReportRequest(
        records=tuple(await history.nights(tx, user, period.start, period.end)),
        span=period,
        changes=tuple(await events.changes(tx, user.id, period.start, today)),
        include_notes=notes,
        generated=today,
        zone=user.zone,
        language=language or t.language,
        name=name,
    )


async def doctor_report(request: ReportRequest) -> bytes:
    """The PDF, made in a report worker."""
    return await workers.run(workers.report_pdf, request)
