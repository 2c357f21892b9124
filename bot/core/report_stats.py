"""The figures on page 1 of the doctor's report, for any period (not only a calendar month).

Plain data from a period's saved nights (bot/data/history.py gives saved entries only): how
many were logged, severity and the sleep diary's measures on average, each medicine's nights
and usual time, and the signals worth raising (report_signals.py). Averages reuse the monthly
summary's (exact, rounded half up, from MIN_NIGHTS values); nothing is interpreted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.core.report_signals import Signal, signals
from bot.core.summary_model import MedicineTiming
from bot.core.summary_stats import average, medicine_timings


@dataclass(frozen=True)
class SleepFigures:
    """The sleep diary over the period: means (None under MIN_NIGHTS values) and counts."""

    diaries: int
    total_sleep_min: float | None = None  # whole minutes
    efficiency_pct: float | None = None  # one decimal
    latency_min: float | None = None  # time to fall asleep, whole minutes
    awake_min: float | None = None  # time awake after falling asleep (WASO), whole minutes
    awakenings: float | None = None  # one decimal
    walk_nights: int = 0  # mornings that said they got up to walk at least once
    walk_answered: int = 0


@dataclass(frozen=True)
class PeriodFigures:
    span: Span
    logged: int  # nights with a saved check-in or diary
    checkins: int
    diaries: int
    severity_nights: int
    avg_severity: float | None
    sleep: SleepFigures
    medicines: tuple[MedicineTiming, ...]
    signals: tuple[Signal, ...]


def in_span(records: Sequence[NightRecord], span: Span) -> list[NightRecord]:
    """The period's nights in date order, the last record winning if a date repeats."""
    by_night = {r.night: r for r in records if r.night in span}
    return [by_night[night] for night in sorted(by_night)]


def period_figures(records: Sequence[NightRecord], span: Span) -> PeriodFigures:
    nights = in_span(records, span)
    checkins = [r for r in nights if r.checkin_saved]
    diaries = [r for r in nights if r.diary_saved]
    ratings = [r.severity for r in checkins if r.severity is not None]
    return PeriodFigures(
        span=span,
        logged=len(nights),
        checkins=len(checkins),
        diaries=len(diaries),
        severity_nights=len(ratings),
        avg_severity=average(ratings),
        sleep=sleep_figures(diaries),
        medicines=medicine_timings(checkins),
        signals=signals(checkins, span),
    )


def _values(diaries: Sequence[NightRecord], key: str) -> list[float]:
    return [value for r in diaries if (value := r.get(key)) is not None]


def sleep_figures(diaries: Sequence[NightRecord]) -> SleepFigures:
    walks = [int(w) for w in _values(diaries, "walks")]
    return SleepFigures(
        diaries=len(diaries),
        total_sleep_min=average(_values(diaries, "total_sleep_min"), places=0),
        efficiency_pct=average(_values(diaries, "sleep_efficiency_pct")),
        latency_min=average(_values(diaries, "latency_min"), places=0),
        awake_min=average(_values(diaries, "awake_min"), places=0),
        awakenings=average(_values(diaries, "awakenings")),
        walk_nights=sum(1 for w in walks if w > 0),
        walk_answered=len(walks),
    )
