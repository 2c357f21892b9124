"""What the doctor's report says, as a list of plain blocks; pdf_report.py lays them out.

Page 1 is what a doctor reads in 30 seconds: who and which period (nights that are over
only), the signals worth raising set apart, the chart, severity and sleep in figures, each
medicine and its changes. Then, from page 2, the table of nights and (if the patient chose)
their notes. Keeping the content apart from the layout makes it testable (block_text).

The report informs and never advises or diagnoses (docs/CLINICAL_NOTES.md): signals are
what the entries show, "worth raising with your doctor".
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal

from babel.dates import format_date

from bot.core.entries.checkin import CHECKIN
from bot.core.records import NightRecord
from bot.core.report_signals import Kind, Signal
from bot.core.report_stats import PeriodFigures, SleepFigures, in_span, period_figures
from bot.core.summary_model import MedicineTiming
from bot.core.summary_stats import options
from bot.i18n import N_, Texts
from bot.reports.pdf_trends import change_line, onset_word
from bot.reports.request import ReportRequest

TITLE = N_("Stillnight: RLS diary report")
SELF_REPORTED = N_(
    "All data are self-reported by the patient through the Stillnight app; not a medical record."
)
UNKNOWN = "–"  # an answer skipped or not given
EVENING_NOTE = N_("evening note")
MORNING_COMMENTS = N_("morning comments")
TABLE_HEADER = (
    N_("Date"), N_("Severity"), N_("Onset"), N_("Body parts"), N_("Sleep"), N_("Efficiency"),
    N_("To fall asleep"), N_("Awakenings"), N_("Walks"), N_("Medicines and times"),
    N_("Factors"),
)  # fmt: skip
TABLE_WIDTHS_MM = (19, 12, 15, 19, 15, 14, 13, 15, 10, 27, 21)  # 180 mm: A4 less margins
TABLE_KEY = N_(
    "Severity: how restless the legs were that day, 0 (not at all) to 10 (worst imaginable). "
    "Onset: when the symptoms began that day. Sleep: total sleep time; efficiency = total "
    "sleep time / time in bed; to fall asleep: minutes; awakenings: how many, and minutes "
    "awake in all; walks: times up to walk (Consensus Sleep Diary). Medicines and times: "
    "RLS medicines taken that day, with the amount where the patient typed one, as entered. "
    "Factors: what the patient marked for that day, their own ones included. "
    "{unknown} = not answered."
)
WORTH_RAISING = N_("Worth raising with your doctor")
NOT_A_DIAGNOSIS = N_(
    "Patterns noticed in the patient's own entries (first half of the period against the "
    "second); they have several possible causes. Not a diagnosis."
)
CHART_WIDTH_MM = 132


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["", "B", "I"] = ""
    size: float = 10.5


@dataclass(frozen=True)
class Callout:
    """Set apart in a box: the signals worth raising."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Picture:
    png: bytes
    width_mm: float = CHART_WIDTH_MM


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_mm: tuple[float, ...]


Block = Heading | Paragraph | Callout | Picture | PageBreak | Table


def _zones_line(nights: Sequence[NightRecord], zone: str, t: Texts) -> str:
    """The zone the nights are dated in; after a move, each zone with its nights."""
    runs: list[tuple[str, date, date]] = []
    for record in nights:
        here = record.zone or zone
        if runs and runs[-1][0] == here:
            runs[-1] = (here, runs[-1][1], record.night)
        else:
            runs.append((here, record.night, record.night))
    if len(runs) < 2:
        return t.gettext(
            "Time zone: {zone} (nights are dated by the evening they began; tonight is "
            "not counted)",
            zone=runs[0][0] if runs else zone,
        )
    each = t.join(
        [
            t.gettext("{zone} ({start} to {end})", zone=z, start=a.isoformat(), end=b.isoformat())
            for z, a, b in runs
        ]
    )
    return t.gettext(
        "Time zones: {zones} (each night is dated by the evening it began where it was "
        "logged; tonight is not counted)",
        zones=each,
    )


def report_blocks(request: ReportRequest, chart_png: bytes | None, t: Texts) -> list[Block]:
    """The report's content in the language of `t`, top to bottom. Dates stay ISO
    (2026-03-04): unambiguous for a doctor."""
    span = request.span
    figures = period_figures(request.records, span)
    nights = in_span(request.records, span)
    blocks: list[Block] = [Heading(t.gettext(TITLE))]
    if request.name:
        blocks.append(Paragraph(t.gettext("Patient: {name}", name=request.name), style="B"))
    blocks += [
        Paragraph(
            t.ngettext(
                "Period: {start} to {end} ({n} night)",
                "Period: {start} to {end} ({n} nights)",
                span.nights,
                start=span.start.isoformat(),
                end=span.end.isoformat(),
            )
        ),
        Paragraph(_logged_line(figures, t)),
        Paragraph(_zones_line(nights, request.zone, t)),
        Paragraph(t.gettext("Report generated: {day}", day=request.generated.isoformat())),
        Paragraph(t.gettext(SELF_REPORTED), style="I", size=9),
    ]
    if figures.signals:
        lines = tuple(signal_line(s, t) for s in figures.signals)
        blocks.append(Callout(t.gettext(WORTH_RAISING), (*lines, t.gettext(NOT_A_DIAGNOSIS))))
    if chart_png:
        blocks.append(Picture(chart_png))
    blocks.extend(Paragraph(line) for line in figure_lines(figures, t))
    if request.changes:
        blocks.append(Heading(t.gettext("Medicine changes (numbered as on the chart)")))
        blocks.extend(
            Paragraph(f"{number}. {change_line(c, t)}")
            for number, c in enumerate(request.changes, start=1)
        )
    blocks += [PageBreak(), Heading(t.gettext("Nights"))]
    if nights:
        header = tuple(t.gettext(name) for name in TABLE_HEADER)
        rows = tuple(_row(r, t) for r in nights)
        key = t.gettext(TABLE_KEY, unknown=UNKNOWN)
        blocks += [Paragraph(key, size=8), Table(header, rows, TABLE_WIDTHS_MM)]
    else:
        blocks.append(Paragraph(t.gettext("No nights were logged in this period.")))
    if request.include_notes:
        blocks += _notes(nights, t)
    return blocks


def block_text(blocks: Iterable[Block]) -> str:
    """Every word the blocks put on paper, one block (or table row) a line."""
    lines: list[str] = []
    for block in blocks:
        match block:
            case Heading(text) | Paragraph(text):
                lines.append(text)
            case Callout(title, texts):
                lines.extend((title, *texts))
            case Table(header, rows):
                lines.extend(" | ".join(row) for row in (header, *rows))
    return "\n".join(lines)


def _logged_line(figures: PeriodFigures, t: Texts) -> str:
    return t.gettext(
        "Nights logged: {logged} of {days} "
        "(evening check-in {checkins}, morning sleep diary {diaries})",
        logged=t.number(figures.logged),
        days=t.number(figures.span.nights),
        checkins=t.number(figures.checkins),
        diaries=t.number(figures.diaries),
    )


def signal_line(signal: Signal, t: Texts) -> str:
    """One signal in plain words, with its basis."""
    since = signal.since.isoformat()
    match signal.kind:
        case Kind.ONSET_EARLIER:
            return t.gettext(
                "Symptoms have been starting earlier in the day since {since} than before.",
                since=since,
            )
        case Kind.ARMS:
            return t.gettext(
                "Symptoms in the arms: on {after} of {after_of} nights since {since}, against "
                "{before} of {before_of} before.",
                since=since,
                after=t.number(signal.after),
                after_of=t.number(signal.after_of),
                before=t.number(signal.before),
                before_of=t.number(signal.before_of),
            )
    return t.gettext(
        "Severity rose on nights with {medicine}: mean {before} over its first {before_of} "
        "rated nights, {after} over the last {after_of} (since {since}).",
        medicine=signal.medicine,
        since=since,
        before=t.number(signal.before, 1),
        before_of=t.number(signal.before_of),
        after=t.number(signal.after, 1),
        after_of=t.number(signal.after_of),
    )


def figure_lines(figures: PeriodFigures, t: Texts) -> list[str]:
    """Severity, sleep and each medicine, one sentence each; unknown parts left out."""
    lines = []
    if figures.avg_severity is not None:
        lines.append(
            t.ngettext(
                "Severity (0-10): mean {mean} over {n} rated night.",
                "Severity (0-10): mean {mean} over {n} rated nights.",
                figures.severity_nights,
                mean=t.number(figures.avg_severity, 1),
            )
        )
    lines += _sleep_lines(figures.sleep, t)
    lines += [_medicine_line(m, t) for m in figures.medicines]
    return lines


def _sleep_lines(s: SleepFigures, t: Texts) -> list[str]:
    parts = []
    if s.total_sleep_min is not None:
        parts.append(t.gettext("total sleep {value}", value=t.minutes(int(s.total_sleep_min))))
    if s.efficiency_pct is not None:
        parts.append(t.gettext("efficiency {value}", value=t.percent(s.efficiency_pct, 1)))
    if s.latency_min is not None:
        value = t.minutes(int(s.latency_min))
        parts.append(t.gettext("time to fall asleep {value}", value=value))
    if s.awake_min is not None:
        value = t.minutes(int(s.awake_min))
        parts.append(t.gettext("awake after falling asleep {value}", value=value))
    if s.awakenings is not None:
        parts.append(t.gettext("awakenings {value}", value=t.number(s.awakenings, 1)))
    if not parts:
        return []
    lines = [
        t.ngettext(
            "Sleep diary, means over {n} morning: {parts}.",
            "Sleep diary, means over {n} mornings: {parts}.",
            s.diaries,
            parts="; ".join(parts),
        )
    ]
    if s.walk_answered:
        lines.append(
            t.ngettext(
                "Got up to walk on {walks} of {n} morning answered.",
                "Got up to walk on {walks} of {n} mornings answered.",
                s.walk_answered,
                walks=t.number(s.walk_nights),
            )
        )
    return lines


def _medicine_line(med: MedicineTiming, t: Texts) -> str:
    if med.usual_time:
        return t.ngettext(
            "Medicine as entered: {name}, taken on {n} night, usually around {time}.",
            "Medicine as entered: {name}, taken on {n} nights, usually around {time}.",
            med.nights,
            name=med.name,
            time=t.clock(med.usual_time),
        )
    return t.ngettext(
        "Medicine as entered: {name}, taken on {n} night.",
        "Medicine as entered: {name}, taken on {n} nights.",
        med.nights,
        name=med.name,
    )


def _notes(nights: list[NightRecord], t: Texts) -> list[Block]:
    blocks: list[Block] = [Heading(t.gettext("Patient's notes"))]
    notes = [
        (r.night, label, text.strip())
        for r in nights
        for label, text in ((EVENING_NOTE, r.note), (MORNING_COMMENTS, r.comments))
        if text and text.strip()
    ]
    blocks.extend(
        Paragraph(
            t.gettext("{day}, {when}: {note}", day=_day(night, t), when=t.gettext(label), note=text)
        )
        for night, label, text in notes
    )
    if not notes:
        blocks.append(Paragraph(t.gettext("No notes in this period.")))
    return blocks


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


@functools.lru_cache(maxsize=512)
def _minutes(value: int, t: Texts) -> str:
    return t.minutes(value)


@functools.lru_cache(maxsize=4)
def _location_labels(t: Texts) -> dict[str, str]:
    return {o.code: t.gettext(o.label) for o in options("loc")}


def _or_unknown(value: int | None, t: Texts) -> str:
    return UNKNOWN if value is None else _number(value, t)


def _row(r: NightRecord, t: Texts) -> tuple[str, ...]:
    efficiency = r.sleep_efficiency_pct
    latency, awakenings, awake = r.get("latency_min"), r.get("awakenings"), r.get("awake_min")
    woke = _or_unknown(awakenings, t)
    if awakenings and awake is not None:
        woke = f"{woke} / {_minutes(awake, t)}"
    labels = _location_labels(t)
    return (
        _day(r.night, t),
        _or_unknown(r.severity, t),
        onset_word(r.onset, t) if r.onset else UNKNOWN,
        ", ".join(labels.get(code, code) for code in r.locations) or UNKNOWN,
        UNKNOWN if r.total_sleep_min is None else _minutes(r.total_sleep_min, t),
        UNKNOWN if efficiency is None else _percent(round(efficiency), t),  # as f"{:.0f}" did
        UNKNOWN if latency is None else _minutes(latency, t),
        woke,
        _or_unknown(r.get("walks"), t),
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
