"""Turning the morning diary's clock times into real instants of one night.

The diary asks for times of day only ("23:40", "06:45"); the night they belong to is named by
the local date of its evening (see nights.py). Each answer is placed on a date by a fixed
pivot that depends only on which question it answers, never on the other answers, so an
answer's instant does not move when a later answer arrives:

- bed, tried:      clock >= 12:00 → the evening (`night`); earlier → the next day.
                   23:40 → night 23:40, 00:30 → next day 00:30, 03:00 → next day 03:00.
- wake, out_of_bed: clock < 18:00 → the next day; 18:00 or later → the evening (`night`).
                   A late sleeper's 13:00 is still the next day. A "wake" of 23:10 lands on the
                   evening and so before any normal bedtime: validation then asks which answer
                   is wrong instead of silently stretching the night to 24 h.

Wall times are made real in the user's zone: a time skipped by a spring-forward gap moves
forward by the gap (02:30 → 03:30 in Berlin on 2026-03-29); a time repeated by the autumn
change is its first occurrence (fold=0, still summer time). Durations are real elapsed time
(a UTC difference), so the 2026-10-24 Berlin night is an hour longer than its wall clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.nights import zone_info

EVENING_PIVOT = time(12, 0)  # bed / tried: at or after this → the evening's date
MORNING_PIVOT = time(18, 0)  # wake / out_of_bed: before this → the next day's date


@dataclass(frozen=True)
class DiaryTimes:
    """Local clock times as answered; any may be None (skipped or not yet answered)."""

    bed: time | None = None
    tried: time | None = None
    wake: time | None = None
    out_of_bed: time | None = None


@dataclass(frozen=True)
class NightTimeline:
    """Resolved, timezone-aware instants in the user's zone (ZoneInfo); None where unanswered."""

    bed: datetime | None = None
    tried: datetime | None = None
    wake: datetime | None = None
    out_of_bed: datetime | None = None


def evening_date(night: date, clock: time) -> date:
    """Date of a bed / tried-to-sleep time: the evening itself, or after midnight."""
    return night if clock >= EVENING_PIVOT else night + timedelta(days=1)


def morning_date(night: date, clock: time) -> date:
    """Date of a wake / out-of-bed time: the next day, unless it is 18:00 or later."""
    return night if clock >= MORNING_PIVOT else night + timedelta(days=1)


def wall_instant(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """The real instant a wall-clock time names on `day` in `tz`.

    Nonexistent (spring gap): shifted forward by the gap. Ambiguous (autumn repeat): the first
    occurrence. The result's wall fields always show the instant's real local time.
    """
    naive = datetime.combine(day, clock.replace(tzinfo=None, fold=0))
    # With fold=0 zoneinfo uses the offset in force before a transition: the first occurrence
    # of a repeated time, and for a skipped time an instant that lands `gap` later on the wall.
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def resolve_times(night: date, zone: str, times: DiaryTimes) -> NightTimeline:
    """Place each answered clock time of `night`'s diary on its real instant (see module doc)."""
    tz = zone_info(zone)

    def place(clock: time | None, day_of: Callable[[date, time], date]) -> datetime | None:
        return None if clock is None else wall_instant(day_of(night, clock), clock, tz)

    return NightTimeline(
        bed=place(times.bed, evening_date),
        tried=place(times.tried, evening_date),
        wake=place(times.wake, morning_date),
        out_of_bed=place(times.out_of_bed, morning_date),
    )


def elapsed_minutes(start: datetime, end: datetime) -> int:
    """Real minutes from start to end (negative if end is earlier), across any DST change.

    Subtracting two datetimes that share a tzinfo compares wall clocks, so go through UTC.
    """
    seconds = (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()
    return int(seconds // 60)
