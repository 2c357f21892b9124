"""Buttons near a user's usual times, so most mornings the diary is a few taps.

Times of day live on a circle: 23:30 and 00:30 are an hour apart and their typical value is
00:00, not 12:00. usual_time finds the circular mean to know where "the middle" is, then takes
the median of the entries measured from there, so one 04:00 bedtime after a bad night does not
drag the suggestion away from the user's ordinary 23:00.
"""

from __future__ import annotations

import math
import statistics
from datetime import time

DAY_MIN = 24 * 60
USUAL_WINDOW = 14  # entries considered: about two weeks of mornings
ROUND_TO_MIN = 5
# How clustered the entries must be (mean resultant length, 0..1) to have a usual time at all.
# Entries spread evenly around the clock (R near 0) have no meaningful middle: return None and
# let the caller fall back to its default. R = 0.2 is a spread of roughly 7 hours.
MIN_CONCENTRATION = 0.2


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _clock(minutes: float) -> time:
    total = int(minutes) % DAY_MIN
    return time(total // 60, total % 60)


def _circular_mean(values: list[int]) -> float | None:
    """Mean position on the 24-hour circle in minutes, or None if the entries are too spread."""
    angles = [2 * math.pi * v / DAY_MIN for v in values]
    x = sum(math.cos(a) for a in angles) / len(angles)
    y = sum(math.sin(a) for a in angles) / len(angles)
    if math.hypot(x, y) < MIN_CONCENTRATION:
        return None
    return (math.atan2(y, x) * DAY_MIN / (2 * math.pi)) % DAY_MIN


def usual_time(previous: list[time]) -> time | None:
    """The typical clock time of the last entries (oldest first), rounded to 5 minutes.

    Only the last USUAL_WINDOW entries count. None when there are no entries or they are
    scattered around the clock with no clear middle.
    """
    values = [_minutes(t) for t in previous[-USUAL_WINDOW:]]
    if not values:
        return None
    centre = _circular_mean(values)
    if centre is None:
        return None
    # Each entry as a signed offset from the centre in [-12 h, +12 h): now a plain median works.
    offsets = [(v - centre + DAY_MIN / 2) % DAY_MIN - DAY_MIN / 2 for v in values]
    typical = centre + statistics.median(offsets)
    return _clock(math.floor(typical / ROUND_TO_MIN + 0.5) * ROUND_TO_MIN)


def time_choices(
    usual: time | None,
    default: time,
    count: int = 6,
    step_min: int = 15,
    not_before: time | None = None,
) -> list[time]:
    """`count` times `step_min` apart around `usual` (or `default`), in clock order.

    The centre itself is always a choice; with an even count the extra one is on the later
    side (23:15 → 22:45, 23:00, 23:15, 23:30, 23:45, 00:00). Order follows the clock across
    midnight, so 00:00 comes after 23:45 rather than being sorted to the front.

    `not_before` (an answer given earlier the same night, like the bedtime for "tried to
    sleep"): when a choice would come before it, the choices start at it instead, then
    follow the `step_min` grid (23:40 → 23:40, 23:45, 00:00, 00:15, 00:30, 00:45).
    """
    if count < 1 or step_min < 1:
        raise ValueError("count and step_min must be positive")
    if (count - 1) * step_min >= DAY_MIN:
        raise ValueError("choices would wrap around the whole day")
    centre = _minutes(usual if usual is not None else default)
    first = -((count - 1) // 2)
    choices = [centre + (first + i) * step_min for i in range(count)]
    start = _minutes(not_before) if not_before is not None else None
    if start is None or all((c - start) % DAY_MIN < DAY_MIN // 2 for c in choices):
        return [_clock(c) for c in choices]
    on_grid = -(-start // step_min) * step_min  # the first grid time at or after it
    following = [on_grid + k * step_min for k in range(count)]
    return [_clock(m) for m in ([start] if on_grid != start else []) + following][:count]
