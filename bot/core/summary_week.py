"""The weekly feedback: a week of NightRecords against the week before, in a few figures.

A week runs Monday to Sunday night (the ISO week); its feedback is sent on the Monday after,
once the diary of Sunday night is saved (or at noon). Definitions, as for the month
(bot/core/summary.py), on a week's nights:

- Nights logged: nights with a saved check-in or diary. Under MIN_WEEK_NIGHTS (4) there is no
  feedback at all: the message is not sent.
- Restlessness and sleep: the average of the week and of the week before, each from 3 values
  (summary_stats.average); the trend as for the month (under 0.5 points "about the same"),
  for sleep under SAME_SLEEP_MIN minutes apart "about the same".
- One pattern: of the factor comparisons (built-in and the user's own, 2+ rated nights with
  and 2+ without, summary_stats.factor_comparisons), the one whose two averages lie furthest
  apart, if at least SAME_SEVERITY apart; a tie goes to the first (built-in ones first).
  Shown with both counts, and always as few nights, not proof.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from bot.core.records import NightRecord
from bot.core.summary import saved_between
from bot.core.summary_model import SAME_SEVERITY, FactorComparison, Trend
from bot.core.summary_stats import average, factor_comparisons, strongest_pattern

MIN_WEEK_NIGHTS = 4
SAME_SLEEP_MIN = 15
WEEK = timedelta(days=7)


def week_of(monday_after: date) -> tuple[date, date]:
    """The nights (Monday to Sunday) of the week that ends the day before `monday_after`."""
    return monday_after - WEEK, monday_after - timedelta(days=1)


@dataclass(frozen=True)
class WeekFeedback:
    """One week's figures; None wherever there are too few values."""

    first: date  # the Monday
    last: date  # the Sunday
    nights_logged: int
    checkins: int
    diaries: int
    avg_severity: float | None = None  # one decimal
    prev_avg_severity: float | None = None
    severity_trend: Trend | None = None
    avg_sleep_min: int | None = None
    prev_avg_sleep_min: int | None = None
    sleep_trend: Trend | None = None
    pattern: FactorComparison | None = None

    @property
    def enough(self) -> bool:
        return self.nights_logged >= MIN_WEEK_NIGHTS


def week_feedback(records: list[NightRecord], monday_after: date) -> WeekFeedback:
    """The feedback on the week ending the day before `monday_after`; `records` may hold
    the week before too (for the comparison) and anything else (ignored)."""
    first, last = week_of(monday_after)
    nights = saved_between(records, first, last)
    before = saved_between(records, first - WEEK, first - timedelta(days=1))
    checkins = [r for r in nights if r.checkin_saved]
    severity = _severity(checkins)
    prev_severity = _severity([r for r in before if r.checkin_saved])
    sleep, prev_sleep = _sleep(nights), _sleep(before)
    return WeekFeedback(
        first=first,
        last=last,
        nights_logged=len(nights),
        checkins=len(checkins),
        diaries=sum(1 for r in nights if r.diary_saved),
        avg_severity=severity,
        prev_avg_severity=prev_severity,
        severity_trend=trend(severity, prev_severity, SAME_SEVERITY),
        avg_sleep_min=None if sleep is None else int(sleep),
        prev_avg_sleep_min=None if prev_sleep is None else int(prev_sleep),
        sleep_trend=trend(sleep, prev_sleep, SAME_SLEEP_MIN),
        pattern=strongest_pattern(factor_comparisons(checkins)),
    )


def _severity(checkins: list[NightRecord]) -> float | None:
    return average([r.severity for r in checkins if r.severity is not None])


def _sleep(nights: list[NightRecord]) -> float | None:
    sleeps = [r.total_sleep_min for r in nights if r.diary_saved and r.total_sleep_min is not None]
    return average(sleeps, places=0)


def trend(now: float | None, before: float | None, same: float) -> Trend | None:
    """Higher, lower or about the same (closer than `same`); None without both figures."""
    if now is None or before is None:
        return None
    change = Fraction(str(now)) - Fraction(str(before))
    if abs(change) < Fraction(str(same)):
        return Trend.SAME
    return Trend.HIGHER if change > 0 else Trend.LOWER
