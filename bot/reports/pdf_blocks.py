"""What the doctor's report says, as a list of plain blocks; pdf_report.py lays them out.

Keeping the content apart from the layout makes it testable: with an embedded TrueType font
the PDF holds glyph ids, not searchable text, so tests read the blocks (block_text) and only
check that the PDF itself is well formed.

The report informs and never advises (docs/CLINICAL_NOTES.md): it lists what the patient
logged and the monthly summary's figures (pdf_trends.py), nothing more.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal

from babel.dates import format_date

from bot.core.doses import MedicineChange
from bot.core.entries.checkin import CHECKIN
from bot.core.records import NightRecord
from bot.core.summary_model import MonthSummary
from bot.i18n import N_, Texts
from bot.reports.pdf_trends import change_line, onset_word, trend_lines, trends_heading

TITLE = N_("Stillnight: RLS diary report")
SELF_REPORTED = N_(
    "All data are self-reported by the patient through the Stillnight app; not a medical record."
)
UNKNOWN = "–"  # an answer skipped or not given
EVENING_NOTE = N_("evening note")
MORNING_COMMENTS = N_("morning comments")
TABLE_HEADER = (
    N_("Date"), N_("Severity"), N_("Onset"), N_("Sleep"), N_("Efficiency"),
    N_("Medicines and times"), N_("Factors"),
)  # fmt: skip
TABLE_WIDTHS_MM = (30, 17, 18, 20, 20, 48, 27)  # 180 mm: A4 less 15 mm margins
TABLE_KEY = N_(
    "Severity: how restless the legs were that day, 0 (not at all) to 10 (worst imaginable). "
    "Onset: when the symptoms began that day. Sleep: total sleep time; efficiency = total "
    "sleep time / time in bed (Consensus Sleep Diary). Medicines and times: RLS medicines "
    "taken that day, with the amount where the patient typed one, as entered. Factors: what "
    "the patient marked for that day. {unknown} = not answered."
)


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["", "B", "I"] = ""
    size: float = 10.5


@dataclass(frozen=True)
class Picture:
    png: bytes
    width_mm: float = 170


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_mm: tuple[float, ...]


Block = Heading | Paragraph | Picture | Table


def report_blocks(
    records: list[NightRecord],
    start: date,
    end: date,
    summary: MonthSummary | None,
    include_notes: bool,
    generated: date,
    chart_png: bytes | None,
    t: Texts,
    *,
    changes: Sequence[MedicineChange] = (),
) -> list[Block]:
    """The report's content in the language of `t`, top to bottom; records outside
    start..end are left out. Dates stay ISO (2026-03-04): unambiguous for a doctor."""
    nights = _in_period(records, start, end)
    days = _days(start, end)
    period = t.ngettext(
        "Period: {start} to {end} ({n} night)",
        "Period: {start} to {end} ({n} nights)",
        days,
        start=start.isoformat(),
        end=end.isoformat(),
    )
    blocks: list[Block] = [
        Heading(t.gettext(TITLE)),
        Paragraph(period),
        Paragraph(_logged_line(nights, days, t)),
        Paragraph(t.gettext("Report generated: {day}", day=generated.isoformat())),
        Paragraph(t.gettext(SELF_REPORTED), style="I"),
    ]
    if chart_png:
        blocks.append(Picture(chart_png))
    if summary is not None:
        blocks.append(Heading(trends_heading(summary, t)))
        blocks.extend(Paragraph(line) for line in trend_lines(summary, t))
    if changes:
        blocks.append(Heading(t.gettext("Medicine changes")))
        blocks.extend(Paragraph(change_line(c, t)) for c in changes)
    blocks.append(Heading(t.gettext("Nights")))
    if nights:
        header = tuple(t.gettext(name) for name in TABLE_HEADER)
        rows = tuple(_row(r, t) for r in nights)
        key = t.gettext(TABLE_KEY, unknown=UNKNOWN)
        blocks += [Table(header, rows, TABLE_WIDTHS_MM), Paragraph(key, size=8.5)]
    else:
        blocks.append(Paragraph(t.gettext("No nights were logged in this period.")))
    if include_notes:
        blocks.append(Heading(t.gettext("Patient's notes")))
        notes = [
            (r.night, label, text.strip())
            for r in nights
            for label, text in ((EVENING_NOTE, r.note), (MORNING_COMMENTS, r.comments))
            if text and text.strip()
        ]
        blocks.extend(
            Paragraph(
                t.gettext(
                    "{day}, {when}: {note}", day=_day(night, t), when=t.gettext(label), note=text
                )
            )
            for night, label, text in notes
        )
        if not notes:
            blocks.append(Paragraph(t.gettext("No notes in this period.")))
    return blocks


def block_text(blocks: Iterable[Block]) -> str:
    """Every word the blocks put on paper, one block (or table row) a line."""
    lines: list[str] = []
    for block in blocks:
        match block:
            case Heading(text) | Paragraph(text):
                lines.append(text)
            case Table(header, rows):
                lines.extend(" | ".join(row) for row in (header, *rows))
    return "\n".join(lines)


def _in_period(records: list[NightRecord], start: date, end: date) -> list[NightRecord]:
    """The period's nights in date order, the last record winning if a date repeats."""
    by_night = {r.night: r for r in records if start <= r.night <= end}
    return [by_night[night] for night in sorted(by_night)]


def _days(start: date, end: date) -> int:
    return max(0, (end - start).days + 1)


def _logged_line(nights: list[NightRecord], days: int, t: Texts) -> str:
    return t.gettext(
        "Nights logged: {logged} of {days} "
        "(evening check-in {checkins}, morning sleep diary {diaries})",
        logged=t.number(len(nights)),
        days=t.number(days),
        checkins=t.number(sum(r.checkin_saved for r in nights)),
        diaries=t.number(sum(r.diary_saved for r in nights)),
    )


def _day(night: date, t: Texts) -> str:
    """ "Tue 2025-03-04": the weekday short, in the report's language, and the ISO date."""
    return f"{_weekday(night.weekday(), t)} {night.isoformat()}"


# A year's table repeats a few hundred values and Babel takes 10-30 µs to format one: each
# is formatted once (a year's report: 20 ms less).
@functools.lru_cache(maxsize=16)
def _weekday(weekday: int, t: Texts) -> str:
    """ "Tue" for 1 (date.weekday())."""
    return format_date(date(2024, 1, 1) + timedelta(days=weekday), "EEE", locale=t.locale)


@functools.lru_cache(maxsize=256)
def _number(value: int, t: Texts) -> str:
    return t.number(value)


@functools.lru_cache(maxsize=256)
def _percent(value: int, t: Texts) -> str:
    return t.percent(value)


@functools.lru_cache(maxsize=512)
def _clock(value: time, t: Texts) -> str:
    return t.clock(value)


def _row(r: NightRecord, t: Texts) -> tuple[str, ...]:
    efficiency = r.sleep_efficiency_pct
    return (
        _day(r.night, t),
        UNKNOWN if r.severity is None else _number(r.severity, t),
        onset_word(r.onset, t) if r.onset else UNKNOWN,
        UNKNOWN if r.total_sleep_min is None else t.minutes(r.total_sleep_min),
        UNKNOWN if efficiency is None else _percent(round(efficiency), t),  # as f"{:.0f}" did
        _medicines(r, t),
        _factors(r, t),
    )


def _medicines(r: NightRecord, t: Texts) -> str:
    if r.took_medicine is None:
        return UNKNOWN
    if not r.took_medicine:
        return t.pgettext("medicine taken", "none")
    doses = [
        " ".join(
            part
            for part in (
                d.name.strip() or t.gettext("yes (unnamed)"),
                _clock(d.taken, t) if d.taken else "",
                f"({d.amount})" if d.amount else "",
            )
            if part
        )
        for d in r.medicines
    ]
    return "\n".join(doses) or t.gettext("yes (unnamed)")


def _factors(r: NightRecord, t: Texts) -> str:
    question = CHECKIN.factors
    if question is None or (r.get("caffeine") is None and not r.own_factors):
        return UNKNOWN
    on = [t.gettext(o.label) for o in question.options if o.field and r.flag(o.field.key)]
    return ", ".join([*on, *r.own_factors]) or t.pgettext("factors", "none")
