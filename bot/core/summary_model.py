"""The monthly summary as plain data: what the phone text, the PDF report and the chart read.

The definitions and thresholds are explained in bot/core/summary.py; they live here so the
statistics (summary_stats.py, summary_signs.py) and the views (handlers/summary_view.py,
bot/reports/pdf_trends.py) share them. Words are the views' business: where a figure has a
verdict (a trend, a correlation's strength) it is a code, an Enum below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from bot.core.doses import MedicineChange

MIN_NIGHTS = 3  # logged nights for any statistics; values for any average or trend
MIN_FACTOR_NIGHTS = 2  # nights with and nights without, for a factor comparison
MIN_PAIRS = 10  # nights with both a rating and a total sleep time, for a correlation
SAME_SEVERITY = 0.5  # a change smaller than this (in rating points) is "about the same"
ONSET_SHIFT = 0.5  # a rise in the average onset rank this large is "starting earlier"
MIN_SIDE_NIGHTS = 3  # nights on each side of an onset or arms comparison
MIN_ARMS_NIGHTS = 2  # nights with arms before we call it spreading (one tap can be a slip)
ARMS_SHARE_RISE = 0.25  # second-half share of nights with arms above the first half's
HALF_SPLIT_DAY = 15  # days 1-15 are the first half of a month, 16 onwards the second
ENOUGH_SLEEP_MIN = 7 * 60  # adults need 7 hours or more


class Trend(StrEnum):
    """This month's average rating against last month's (SAME_SEVERITY decides "same")."""

    LOWER = "lower"
    HIGHER = "higher"
    SAME = "same"


class Strength(StrEnum):
    """How strong a correlation is, by |r|: < 0.1, < 0.3, < 0.5, else strong."""

    HARDLY_ANY = "hardly_any"
    WEAK = "weak"
    MODERATE = "moderate"
    STRONG = "strong"


@dataclass(frozen=True)
class NightPick:
    """A best or hardest night: its date, rating and (when the diary has it) sleep time."""

    night: date
    severity: int
    total_sleep_min: int | None


@dataclass(frozen=True)
class MedicineTiming:
    """One medicine: nights taken and its usual clock time (None: too few times, or scattered).

    `name` is as the user typed it (their most frequent spelling), not escaped.
    """

    name: str
    nights: int
    usual_time: time | None


@dataclass(frozen=True)
class FactorComparison:
    """Average rating on nights with a factor (caffeine ...) against nights without it."""

    key: str  # a built-in factor's field key (CHECKIN "fac": "caffeine"), or an own one's name
    with_avg: float
    with_nights: int
    without_avg: float
    without_nights: int


@dataclass(frozen=True)
class SleepLink:
    """Pearson r between the night's rating and that night's total sleep time."""

    r: float  # two decimals
    pairs: int
    strength: Strength


@dataclass(frozen=True)
class MonthSummary:
    """Every figure of one month; None (or empty) wherever it can't be computed.

    When `enough` is False (fewer than MIN_NIGHTS logged nights) only the counts are filled:
    no statistics on one or two nights.
    """

    month: date  # the first day of the month
    nights_logged: int  # nights with a saved check-in or a saved diary
    checkins: int  # saved check-ins
    diaries: int  # saved diaries
    enough: bool
    # Restlessness rating (0-10)
    severity_nights: int = 0
    avg_severity: float | None = None  # one decimal
    prev_avg_severity: float | None = None  # last month, one decimal (>= MIN_NIGHTS values)
    severity_change: float | None = None  # avg - prev of the rounded figures, one decimal
    best_night: NightPick | None = None
    worst_night: NightPick | None = None
    # Sleep diary
    sleep_nights: int = 0  # nights with a total sleep time
    avg_sleep_min: int | None = None
    avg_efficiency_pct: float | None = None  # one decimal
    nights_enough_sleep: int = 0  # of sleep_nights, those with ENOUGH_SLEEP_MIN or more
    avg_quality: float | None = None  # 1 very poor .. 5 very good, one decimal
    legs_disturbed_nights: int = 0  # mornings the legs woke the user or kept them awake
    legs_answered: int = 0
    # When and where symptoms came
    onset_counts: tuple[tuple[str, int], ...] = ()  # option codes in the spec's order, no zeros
    onset_shift_in_month: float | None = None  # second half minus first half, mean rank
    onset_shift_vs_previous: float | None = None  # this month minus last month, mean rank
    onset_earlier: bool = False
    location_counts: tuple[tuple[str, int], ...] = ()  # likewise
    sensation_counts: tuple[tuple[str, int], ...] = ()
    arms_nights: int = 0
    prev_arms_nights: int | None = None  # None: too few answers last month to compare
    arms_spreading: bool = False
    # Medicine, factors, correlation
    medicines: tuple[MedicineTiming, ...] = ()
    medicine_changes: tuple[MedicineChange, ...] = ()  # in the month, oldest first
    factors: tuple[FactorComparison, ...] = ()
    sleep_link: SleepLink | None = None

    @property
    def severity_trend(self) -> Trend | None:
        """Lower, higher or about the same as last month; None without a comparison."""
        if self.severity_change is None:
            return None
        if abs(self.severity_change) < SAME_SEVERITY:
            return Trend.SAME
        return Trend.LOWER if self.severity_change < 0 else Trend.HIGHER

    @property
    def worth_raising(self) -> bool:
        """Onset moving earlier or spreading to the arms: suggest mentioning it to a doctor."""
        return self.onset_earlier or self.arms_spreading
