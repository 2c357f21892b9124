"""What the doctor's report says, as a list of plain blocks; pdf_report.py lays them out.

Keeping the content apart from the layout makes it testable: with an embedded TrueType font
the PDF holds glyph ids, not searchable text, so tests read the blocks (block_text) and only
check that the PDF itself is well formed.

The report informs and never advises (CLINICAL.md): it lists what the patient logged and the
monthly summary's figures (pdf_trends.py), nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.core.records import NightRecord
from bot.core.sleep_diary import format_minutes
from bot.core.summary_model import MonthSummary
from bot.reports.pdf_trends import trend_lines, trends_heading

TITLE = "Stillnight: RLS diary report"
SELF_REPORTED = (
    "All data are self-reported by the patient through the Stillnight app; not a medical record."
)
UNKNOWN = "–"  # an answer skipped or not given
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
TABLE_HEADER = ("Date", "Severity", "Onset", "Sleep", "Efficiency", "Medicine", "Time")
TABLE_WIDTHS_MM = (30, 18, 22, 26, 21, 49, 14)  # 180 mm: A4 less 15 mm margins
TABLE_KEY = (
    "Severity: how restless the legs were that day, 0 (not at all) to 10 (worst imaginable). "
    "Onset: when the symptoms began that day. Sleep: total sleep time; efficiency = total "
    "sleep time / time in bed (Consensus Sleep Diary). Medicine and time: RLS medicine taken "
    f"that day, as entered by the patient. {UNKNOWN} = not answered."
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
) -> list[Block]:
    """The report's content, top to bottom; records outside start..end are left out."""
    nights = _in_period(records, start, end)
    blocks: list[Block] = [
        Heading(TITLE),
        Paragraph(f"Period: {start.isoformat()} to {end.isoformat()} ({_days(start, end)} nights)"),
        Paragraph(_logged_line(nights, _days(start, end))),
        Paragraph(f"Report generated: {generated.isoformat()}"),
        Paragraph(SELF_REPORTED, style="I"),
    ]
    if chart_png:
        blocks.append(Picture(chart_png))
    if summary is not None:
        blocks.append(Heading(trends_heading(summary)))
        blocks.extend(Paragraph(line) for line in trend_lines(summary))
    blocks.append(Heading("Nights"))
    if nights:
        rows = tuple(_row(r) for r in nights)
        blocks += [Table(TABLE_HEADER, rows, TABLE_WIDTHS_MM), Paragraph(TABLE_KEY, size=8.5)]
    else:
        blocks.append(Paragraph("No nights were logged in this period."))
    if include_notes:
        blocks.append(Heading("Patient's notes"))
        notes = [r for r in nights if r.note and r.note.strip()]
        blocks.extend(Paragraph(f"{_day(r.night)}: {r.note.strip()}") for r in notes if r.note)
        if not notes:
            blocks.append(Paragraph("No notes in this period."))
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


def _logged_line(nights: list[NightRecord], days: int) -> str:
    checkins = sum(r.checkin_saved for r in nights)
    diaries = sum(r.diary_saved for r in nights)
    return (
        f"Nights logged: {len(nights)} of {days} "
        f"(evening check-in {checkins}, morning sleep diary {diaries})"
    )


def _day(night: date) -> str:
    """ "Tue 2025-03-04": the weekday in English whatever the process locale."""
    return f"{_WEEKDAYS[night.weekday()]} {night.isoformat()}"


def _row(r: NightRecord) -> tuple[str, ...]:
    return (
        _day(r.night),
        _or_unknown(r.severity),
        r.onset or UNKNOWN,
        UNKNOWN if r.total_sleep_min is None else format_minutes(r.total_sleep_min),
        UNKNOWN if r.sleep_efficiency_pct is None else f"{r.sleep_efficiency_pct:.0f}%",
        _medicine(r),
        f"{r.medicine_time:%H:%M}" if r.took_medicine and r.medicine_time else UNKNOWN,
    )


def _medicine(r: NightRecord) -> str:
    if r.took_medicine is None:
        return UNKNOWN
    if not r.took_medicine:
        return "none"
    return (r.medicine or "").strip() or "yes (unnamed)"


def _or_unknown(value: int | None) -> str:
    return UNKNOWN if value is None else str(value)
