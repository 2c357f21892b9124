"""Onset and body-part counts, and the two trends worth mentioning to a doctor.

Symptoms starting earlier in the day, or spreading to other body parts such as the arms, are
among the warning signs of augmentation (docs/CLINICAL_NOTES.md). They have other causes too,
so the summary only notices them in the user's own entries and suggests raising them with a
doctor; it never diagnoses. Definitions and thresholds: bot/core/summary.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction

from bot.core.records import NightRecord
from bot.core.summary_model import (
    ARMS_SHARE_RISE,
    HALF_SPLIT_DAY,
    MIN_ARMS_NIGHTS,
    MIN_SIDE_NIGHTS,
    ONSET_SHIFT,
)
from bot.core.summary_stats import options, round_half_up

# Later in the day = lower rank; "none" (no symptoms) has no rank and is left out.
ONSET_RANK: dict[str, int] = {"bedtime": 1, "evening": 2, "afternoon": 3, "morning": 4}
ARMS = "arms"
# The options' codes in the order the check-in asks them: the order of the counts.
ONSET_CODES = tuple(o.code for o in options("ons"))
LOCATION_CODES = tuple(o.code for o in options("loc"))
SENSATION_CODES = tuple(o.code for o in options("sen"))


def counts(values: Iterable[str], order: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """(key, count) in the options' order, keys never seen left out; unknown keys ignored."""
    seen = Counter(values)
    return tuple((key, seen[key]) for key in order if seen[key])


def onset_counts(checkins: Iterable[NightRecord]) -> tuple[tuple[str, int], ...]:
    return counts((r.onset for r in checkins if r.onset), ONSET_CODES)


def location_counts(checkins: Iterable[NightRecord]) -> tuple[tuple[str, int], ...]:
    return counts((loc for r in checkins for loc in set(r.locations)), LOCATION_CODES)


def sensation_counts(checkins: Iterable[NightRecord]) -> tuple[tuple[str, int], ...]:
    return counts((s for r in checkins for s in set(r.sensations)), SENSATION_CODES)


def halves(checkins: Iterable[NightRecord]) -> tuple[list[NightRecord], list[NightRecord]]:
    """Nights of days 1-15 and of days 16 to the end (calendar days, whatever the gaps)."""
    nights = list(checkins)
    return (
        [r for r in nights if r.night.day <= HALF_SPLIT_DAY],
        [r for r in nights if r.night.day > HALF_SPLIT_DAY],
    )


def _ranks(checkins: Iterable[NightRecord]) -> list[int]:
    return [ONSET_RANK[r.onset] for r in checkins if r.onset in ONSET_RANK]


def onset_shift(before: Sequence[NightRecord], after: Sequence[NightRecord]) -> Fraction | None:
    """Mean onset rank of `after` minus that of `before` (positive: earlier in the day).

    None unless each side has MIN_SIDE_NIGHTS nights with a symptom onset.
    """
    first, second = _ranks(before), _ranks(after)
    if len(first) < MIN_SIDE_NIGHTS or len(second) < MIN_SIDE_NIGHTS:
        return None
    return Fraction(sum(second), len(second)) - Fraction(sum(first), len(first))


def shown(shift: Fraction | None) -> float | None:
    """A rank shift for the summary, two decimals."""
    return None if shift is None else round_half_up(shift, 2)


def moved_earlier(*shifts: Fraction | None) -> bool:
    """True when any comparison moved ONSET_SHIFT ranks or more towards the morning."""
    return any(s is not None and s >= Fraction(str(ONSET_SHIFT)) for s in shifts)


def _answered_locations(checkins: Iterable[NightRecord]) -> list[NightRecord]:
    """Nights where a body part was ticked; an empty list can't tell "none" from skipped."""
    return [r for r in checkins if r.locations]


def arms_nights(checkins: Iterable[NightRecord]) -> int:
    return sum(1 for r in checkins if ARMS in r.locations)


def previous_arms(previous: Iterable[NightRecord]) -> int | None:
    """Last month's nights with arms; None when under MIN_SIDE_NIGHTS nights had any answer."""
    answered = _answered_locations(previous)
    return arms_nights(answered) if len(answered) >= MIN_SIDE_NIGHTS else None


def arms_spreading(checkins: Sequence[NightRecord], prev_arms: int | None) -> bool:
    """Arms on MIN_ARMS_NIGHTS+ nights, and either none last month or clearly more of late.

    "More of late": each half of the month has MIN_SIDE_NIGHTS nights with a body part ticked,
    the second half has MIN_ARMS_NIGHTS+ nights with arms, and its share of such nights is
    ARMS_SHARE_RISE above the first half's.
    """
    if arms_nights(checkins) < MIN_ARMS_NIGHTS:
        return False
    if prev_arms == 0:
        return True
    first, second = (_answered_locations(half) for half in halves(checkins))
    if len(first) < MIN_SIDE_NIGHTS or len(second) < MIN_SIDE_NIGHTS:
        return False
    late = arms_nights(second)
    rise = Fraction(late, len(second)) - Fraction(arms_nights(first), len(first))
    return late >= MIN_ARMS_NIGHTS and rise >= Fraction(str(ARMS_SHARE_RISE))
