"""Statistics for the monthly summary: averages, best and hardest nights, medicine times,
factors and the rating-sleep correlation. Definitions: bot/core/summary.py.

Averages are exact fractions rounded half up at the end (6.25 → 6.3, as a person would), so
a figure never depends on float noise such as 6.1499999.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import time
from fractions import Fraction

from bot.core.doses import TakenDose
from bot.core.entries.checkin import CHECKIN
from bot.core.entries.spec import Option
from bot.core.records import NightRecord
from bot.core.summary_model import (
    MIN_FACTOR_NIGHTS,
    MIN_NIGHTS,
    MIN_PAIRS,
    SAME_SEVERITY,
    FactorComparison,
    MedicineTiming,
    NightPick,
    SleepLink,
    Strength,
)

DAY_MIN = 24 * 60
ROUND_TO_MIN = 5  # a usual medicine time is shown to the nearest 5 minutes
MIN_CONCENTRATION = 0.2  # as in sleep_choices: times spread wider than ~7 h have no "usual"


def options(question_id: str) -> tuple[Option, ...]:
    """A check-in question's options, in the spec's order (bot/core/entries/checkin.py)."""
    question = CHECKIN.question(question_id)
    if question is None:
        raise KeyError(question_id)
    return question.options


#: The yes/no factors (caffeine ...): the field keys of the "fac" question's options.
FACTOR_KEYS: tuple[str, ...] = tuple(o.field.key for o in options("fac") if o.field is not None)


def exact_mean(values: Sequence[float]) -> Fraction:
    """The mean as an exact fraction; floats are read by their shortest repr (83.4 is 834/10)."""
    return sum((Fraction(str(v)) for v in values), Fraction(0)) / len(values)


def round_half_up(value: Fraction, places: int) -> float:
    """Round half away from zero to `places` decimals: 6.25 → 6.3, -0.25 → -0.3."""
    scale = 10**places
    magnitude = math.floor(abs(value) * scale + Fraction(1, 2))
    return float(Fraction(magnitude if value >= 0 else -magnitude, scale))


def average(values: Sequence[float], places: int = 1) -> float | None:
    """Mean rounded half up; None with fewer than MIN_NIGHTS values."""
    if len(values) < MIN_NIGHTS:
        return None
    return round_half_up(exact_mean(values), places)


def pick_night(checkins: Iterable[NightRecord], hardest: bool) -> NightPick | None:
    """The lowest-rated (or highest-rated) night; on a tie the later night, the more current.

    None when no night has a rating, or when every rating is the same (no best or worst).
    """
    rated = sorted(
        (r.night, r.severity, r.total_sleep_min) for r in checkins if r.severity is not None
    )
    ratings = {severity for _, severity, _ in rated}
    if len(ratings) < 2:
        return None
    target = max(ratings) if hardest else min(ratings)
    return NightPick(*[row for row in rated if row[1] == target][-1])


def usual_clock(times: Sequence[time]) -> time | None:
    """Median clock time on the 24-hour circle (23:30 and 00:30 → 00:00), to 5 minutes.

    The circular mean finds the middle; each time becomes a signed offset from it, and the
    plain median of those offsets is the usual time. None when the times are spread around
    the clock with no clear middle.
    """
    if not times:
        return None
    values = [t.hour * 60 + t.minute for t in times]
    angles = [2 * math.pi * v / DAY_MIN for v in values]
    x = sum(math.cos(a) for a in angles) / len(angles)
    y = sum(math.sin(a) for a in angles) / len(angles)
    if math.hypot(x, y) < MIN_CONCENTRATION:
        return None
    centre = (math.atan2(y, x) * DAY_MIN / (2 * math.pi)) % DAY_MIN
    offsets = [(v - centre + DAY_MIN / 2) % DAY_MIN - DAY_MIN / 2 for v in values]
    typical = centre + statistics.median(offsets)
    minutes = int(math.floor(typical / ROUND_TO_MIN + 0.5) * ROUND_TO_MIN) % DAY_MIN
    return time(minutes // 60, minutes % 60)


def medicine_timings(checkins: Iterable[NightRecord]) -> tuple[MedicineTiming, ...]:
    """Per medicine: nights taken and the usual time (needs MIN_NIGHTS nights with a time).

    Names are grouped ignoring case and spacing; the most used spelling is shown (a tie goes
    to the later one). Most-taken first, then by name.
    """
    groups: defaultdict[str, list[TakenDose]] = defaultdict(list)
    for record in sorted(checkins, key=lambda r: r.night):
        if not record.took_medicine:
            continue
        for dose in record.medicines:
            if dose.name.strip():
                groups[" ".join(dose.name.split()).casefold()].append(dose)
    timings = []
    for doses in groups.values():
        spellings = Counter(" ".join(d.name.split()) for d in doses)
        top = max(spellings.values())
        name = [s for s in spellings if spellings[s] == top][-1]
        times = [d.taken for d in doses if d.taken is not None]
        usual = usual_clock(times) if len(times) >= MIN_NIGHTS else None
        timings.append(MedicineTiming(name, len(doses), usual))
    return tuple(sorted(timings, key=lambda m: (-m.nights, m.name.casefold())))


def factor_comparisons(checkins: Sequence[NightRecord]) -> tuple[FactorComparison, ...]:
    """Average rating with and without each factor, when each side has MIN_FACTOR_NIGHTS.

    The built-in factors first, then the user's own by name; an own factor's nights
    "without" start at the first night it was ticked (before, it may not have been asked).
    """
    rated = sorted(
        ((r, r.severity) for r in checkins if r.severity is not None), key=lambda p: p[0].night
    )
    sides = [
        (
            key,
            [severity for r, severity in rated if r.flag(key)],
            [severity for r, severity in rated if r.flag(key) is False],
        )
        for key in FACTOR_KEYS
    ]
    for name in dict.fromkeys(n for r, _ in rated for n in r.own_factors):
        since = next(i for i, (r, _) in enumerate(rated) if name in r.own_factors)
        asked = [(r, sev) for r, sev in rated[since:] if r.get("own_factors") is not None]
        sides.append(
            (
                name,
                [sev for r, sev in asked if name in r.own_factors],
                [sev for r, sev in asked if name not in r.own_factors],
            )
        )
    return tuple(
        FactorComparison(
            key=key,
            with_avg=round_half_up(exact_mean(with_), 1),
            with_nights=len(with_),
            without_avg=round_half_up(exact_mean(without), 1),
            without_nights=len(without),
        )
        for key, with_, without in sides
        if len(with_) >= MIN_FACTOR_NIGHTS and len(without) >= MIN_FACTOR_NIGHTS
    )


def strongest_pattern(comparisons: tuple[FactorComparison, ...]) -> FactorComparison | None:
    """The comparison whose averages lie furthest apart (SAME_SEVERITY at least)."""
    best: FactorComparison | None = None
    for comparison in comparisons:
        gap = abs(Fraction(str(comparison.with_avg)) - Fraction(str(comparison.without_avg)))
        if gap >= Fraction(str(SAME_SEVERITY)) and (
            best is None
            or gap > abs(Fraction(str(best.with_avg)) - Fraction(str(best.without_avg)))
        ):
            best = comparison
    return best


def strength(r: float) -> Strength:
    """|r| as a code: < 0.1 hardly any, < 0.3 weak, < 0.5 moderate, else strong."""
    size = abs(r)
    if size < 0.1:
        return Strength.HARDLY_ANY
    if size < 0.3:
        return Strength.WEAK
    return Strength.MODERATE if size < 0.5 else Strength.STRONG


def sleep_link(records: Iterable[NightRecord]) -> SleepLink | None:
    """Pearson r of rating against total sleep time, with MIN_PAIRS nights having both.

    `records` must already be limited to saved entries. None when either side never varies.
    """
    pairs = [
        (r.severity, r.total_sleep_min)
        for r in records
        if r.severity is not None and r.total_sleep_min is not None
    ]
    if len(pairs) < MIN_PAIRS:
        return None
    ratings, sleeps = zip(*pairs, strict=True)
    try:
        r = statistics.correlation(ratings, sleeps)
    except statistics.StatisticsError:
        return None
    rounded = round_half_up(Fraction(str(r)), 2)
    return SleepLink(r=rounded, pairs=len(pairs), strength=strength(rounded))
