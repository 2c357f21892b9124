"""Signals worth raising with a doctor, noticed in a period's own entries. Never a diagnosis.

Compared with before, symptoms that start earlier in the day, spread to other body parts
(often the arms) or grow stronger while on a treatment are warning signs of augmentation
(docs/CLINICAL_NOTES.md); they have other causes too. The report states what the entries
show and suggests raising it; these are codes and figures, the words are the report's.

The period is split in two at its middle night: the first half is "before", the second
"lately". Thresholds are the monthly summary's (bot/core/summary_model.py), plus:
- severity rising on a medicine: of the rated nights it was taken, the later half's mean is
  RISE_ON_MEDICINE or more above the earlier half's, with MIN_SIDE_NIGHTS nights each side.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from bot.core.periods import Span
from bot.core.records import NightRecord
from bot.core.summary_model import ARMS_SHARE_RISE, MIN_ARMS_NIGHTS, MIN_SIDE_NIGHTS
from bot.core.summary_signs import arms_nights, moved_earlier, onset_shift
from bot.core.summary_stats import average

RISE_ON_MEDICINE = 1.0  # rating points, of the means as shown (one decimal)


class Kind(StrEnum):
    ONSET_EARLIER = "onset_earlier"
    ARMS = "arms"
    RISING_ON_MEDICINE = "rising_on_medicine"


@dataclass(frozen=True)
class Signal:
    """`since`: the first night of "lately"; before/after: nights or means, by kind."""

    kind: Kind
    since: date
    before: float = 0
    before_of: int = 0
    after: float = 0
    after_of: int = 0
    medicine: str = ""


def middle(span: Span) -> date:
    """The first night of the period's second half."""
    return span.start + timedelta(days=span.nights // 2)


def signals(checkins: Sequence[NightRecord], span: Span) -> tuple[Signal, ...]:
    split = middle(span)
    early = [r for r in checkins if r.night < split]
    late = [r for r in checkins if r.night >= split]
    found = [s for s in (_onset(early, late, split), _arms(early, late, split)) if s]
    found.extend(_rising_on_medicine(checkins))
    return tuple(found)


def _onset(early: list[NightRecord], late: list[NightRecord], split: date) -> Signal | None:
    if not moved_earlier(onset_shift(early, late)):
        return None
    return Signal(Kind.ONSET_EARLIER, split)


def _arms(early: list[NightRecord], late: list[NightRecord], split: date) -> Signal | None:
    """Arms on MIN_ARMS_NIGHTS+ nights lately, and a share ARMS_SHARE_RISE above before's
    (of nights with a body part ticked, MIN_SIDE_NIGHTS each side)."""
    before = [r for r in early if r.locations]
    after = [r for r in late if r.locations]
    if len(before) < MIN_SIDE_NIGHTS or len(after) < MIN_SIDE_NIGHTS:
        return None
    arms_before, arms_after = arms_nights(before), arms_nights(after)
    rise = Fraction(arms_after, len(after)) - Fraction(arms_before, len(before))
    if arms_after < MIN_ARMS_NIGHTS or rise < Fraction(str(ARMS_SHARE_RISE)):
        return None
    return Signal(Kind.ARMS, split, arms_before, len(before), arms_after, len(after))


def _rising_on_medicine(checkins: Sequence[NightRecord]) -> list[Signal]:
    """Per medicine (case and spacing ignored): its rated nights, earlier half against later."""
    rated: defaultdict[str, list[NightRecord]] = defaultdict(list)
    names: dict[str, str] = {}
    for record in sorted(checkins, key=lambda r: r.night):
        if not record.took_medicine or record.severity is None:
            continue
        for name in {" ".join(d.name.split()) for d in record.medicines if d.name.strip()}:
            rated[name.casefold()].append(record)
            names[name.casefold()] = name
    found = []
    for key, nights in rated.items():
        half = len(nights) // 2
        first, second = nights[:half], nights[len(nights) - half :]
        if half < MIN_SIDE_NIGHTS:
            continue
        before = average([r.severity for r in first if r.severity is not None])
        after = average([r.severity for r in second if r.severity is not None])
        if before is None or after is None or after - before < RISE_ON_MEDICINE - 1e-9:
            continue
        found.append(
            Signal(
                Kind.RISING_ON_MEDICINE, second[0].night, before, len(first), after, len(second),
                medicine=names[key],
            )
        )  # fmt: skip
    return found
