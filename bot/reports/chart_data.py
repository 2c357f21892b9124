"""What the chart draws, as plain numbers: one slot per night, or per week for long periods.

Kept apart from the drawing (chart.py) so that tests can check the values the panels show
without reading pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.core.doses import MedicineChange
from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.core.report_stats import in_span

GAP_NIGHTS = 3  # this many nights in a row without an entry are shaded "not logged"


@dataclass(frozen=True)
class Slot:
    """A night, or a week of nights (`days` long) starting on `first`."""

    first: date
    days: int
    severity: float | None  # the rating, or the week's mean
    severity_low: int | None  # the week's lowest and highest rating (None for a night)
    severity_high: int | None
    sleep_h: float | None  # hours slept, or the week's mean
    logged: int  # nights with an entry in the slot


@dataclass(frozen=True)
class MedicineRow:
    """One medicine: on which slots it was taken, how often, and its times by night."""

    name: str
    taken: tuple[int, ...]  # per slot, nights taken
    times: tuple[tuple[int, time], ...]  # (slot index, clock time), nights only


@dataclass(frozen=True)
class Marker:
    """A medicine event on the chart: its number in the key, slot and position in it."""

    number: int
    x: float  # where on the x axis (slot i spans i-0.5 to i+0.5; a day inside a week)
    change: MedicineChange


@dataclass(frozen=True)
class Move:
    """A night logged in another time zone than the night logged before it."""

    x: float
    day: date
    zone: str  # the new IANA zone


@dataclass(frozen=True)
class ChartData:
    span: Span
    slots: tuple[Slot, ...]
    medicines: tuple[MedicineRow, ...]
    markers: tuple[Marker, ...]
    gaps: tuple[tuple[float, float], ...]  # x from and to of nights not logged
    moves: tuple[Move, ...] = ()

    @property
    def weekly(self) -> bool:
        return self.span.weekly


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _slot_starts(span: Span) -> list[tuple[date, int]]:
    step = 7 if span.weekly else 1
    starts = []
    day = span.start
    while day <= span.end:
        starts.append((day, min(step, (span.end - day).days + 1)))
        day += timedelta(days=step)
    return starts


def chart_data(
    records: Sequence[NightRecord], span: Span, changes: Sequence[MedicineChange], most: int = 5
) -> ChartData:
    """The period's slots; the `most` most-taken medicines get a row each."""
    nights = {r.night: r for r in in_span(records, span)}
    starts = _slot_starts(span)
    slots = []
    for first, days in starts:
        inside = [nights[d] for d in _days(first, days) if d in nights]
        ratings = [r.severity for r in inside if r.checkin_saved and r.severity is not None]
        sleeps = [r.total_sleep_min / 60 for r in inside if r.total_sleep_min is not None]
        slots.append(
            Slot(
                first, days, _mean(ratings),
                min(ratings) if ratings and days > 1 else None,
                max(ratings) if ratings and days > 1 else None,
                _mean(sleeps), len(inside),
            )
        )  # fmt: skip
    return ChartData(
        span,
        tuple(slots),
        _medicine_rows(nights, starts, most),
        _markers(changes, span, starts[0][1] if starts else 1),
        _gaps(nights, span, starts[0][1] if starts else 1),
        _moves(nights, span, starts[0][1] if starts else 1),
    )


def _days(first: date, days: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(days)]


def _medicine_rows(
    nights: dict[date, NightRecord], starts: list[tuple[date, int]], most: int
) -> tuple[MedicineRow, ...]:
    taken: dict[str, list[int]] = {}
    times: dict[str, list[tuple[int, time]]] = {}
    names: dict[str, str] = {}
    for index, (first, days) in enumerate(starts):
        for day in _days(first, days):
            record = nights.get(day)
            if record is None or not record.took_medicine:
                continue
            for dose in record.medicines:
                name = " ".join(dose.name.split())
                if not name:
                    continue
                key = name.casefold()
                names.setdefault(key, name)
                taken.setdefault(key, [0] * len(starts))[index] += 1
                if dose.taken is not None and days == 1:
                    times.setdefault(key, []).append((index, dose.taken))
    order = sorted(taken, key=lambda k: (-sum(taken[k]), k))[:most]
    return tuple(MedicineRow(names[k], tuple(taken[k]), tuple(times.get(k, ()))) for k in order)


def _markers(changes: Sequence[MedicineChange], span: Span, step: int) -> tuple[Marker, ...]:
    inside = [c for c in changes if c.day in span]
    return tuple(
        Marker(number, ((c.day - span.start).days + 0.5) / step - 0.5, c)
        for number, c in enumerate(sorted(inside, key=lambda c: c.day), start=1)
    )


def _gaps(
    nights: dict[date, NightRecord], span: Span, step: int
) -> tuple[tuple[float, float], ...]:
    """Runs of GAP_NIGHTS+ nights without an entry, as x from and to."""
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for offset in range(span.nights + 1):
        day = span.start + timedelta(days=offset)
        empty = offset < span.nights and day not in nights
        if empty and run_start is None:
            run_start = offset
        elif not empty and run_start is not None:
            if offset - run_start >= GAP_NIGHTS:
                runs.append((run_start, offset - 1))
            run_start = None
    return tuple((a / step - 0.5, (b + 1) / step - 0.5) for a, b in runs)


def _moves(nights: dict[date, NightRecord], span: Span, step: int) -> tuple[Move, ...]:
    """Where the zone changes from one logged night to the next (a move, or a trip)."""
    moves = []
    before: str | None = None
    for night in sorted(nights):
        zone = nights[night].zone
        if zone is None:
            continue
        if before is not None and zone != before:
            moves.append(
                Move(((night - span.start).days + 0.5) / step - 0.5 - 0.5 / step, night, zone)
            )
        before = zone
    return tuple(moves)
