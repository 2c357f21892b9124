"""When reminders are due, as plain data: every function takes and returns UTC instants.

A reminder row stores its next due instant in UTC. After it fires, `next_due` recomputes the
following one in the user's zone, so a 22:00 reminder stays at 22:00 local across daylight
saving changes and after the user moves to another zone.

Wall times that a zone skips or repeats (daylight saving, or a zone changing its offset):

- skipped (spring-forward gap): the reminder fires at the first instant after the gap, e.g.
  02:30 on the Berlin spring-forward day fires at 03:00 local. It still fires that day.
- repeated (autumn fold): it fires once, at the first occurrence (fold=0). The next firing
  is on the next local day, never at the second occurrence.

So a daily reminder fires exactly once per local day.

The weekly feedback and the monthly summary fall due at the start of their local day (the
Monday, the 1st) but are held back until that morning's diary is saved, or until
`held_until` (noon local) if none comes: they come after the diary they count, never in the
same minute as the morning prompt (bot/data/deliveries.release_after_diary).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.months import month_start
from bot.core.nights import night_of, zone_info

EVENING_GRACE = timedelta(hours=2)
MORNING_DEADLINE = time(12, 0)
START_OF_DAY = time(0, 0)
HOLD_UNTIL = time(12, 0)  # a weekly or monthly message without a diary that morning
HOLD_AFTER_MORNING = timedelta(hours=2)  # ... or this long after a late morning prompt
LAST_HOLD = time(23, 0)


class Kind(StrEnum):
    EVENING = "evening"  # check-in reminder at the user's check-in time
    MORNING = "morning"  # sleep diary prompt at the user's morning time
    MONTHLY = "monthly"  # monthly summary: the 1st of each month, after the diary or at noon
    WEEKLY = "weekly"  # weekly feedback: each Monday, after the diary or at noon


HELD = (Kind.WEEKLY, Kind.MONTHLY)  # due at the start of the day, held for that day's diary


def reminder_time(kind: Kind, checkin: time, morning: time) -> time:
    """The local wall time a reminder of `kind` falls due at, from the user's two times."""
    kind = Kind(kind)
    if kind is Kind.EVENING:
        return checkin
    return morning if kind is Kind.MORNING else START_OF_DAY


def held_until(due_utc: datetime, morning: time, zone: str) -> datetime:
    """When a weekly or monthly message goes out if no diary releases it earlier: noon
    local on the day it fell due, or HOLD_AFTER_MORNING after a morning prompt set later
    (LAST_HOLD at the latest), so it never comes before the morning prompt."""
    due = _utc(due_utc, "due_utc")
    day = due.astimezone(zone_info(zone)).date()
    late = _minutes(morning) + int(HOLD_AFTER_MORNING.total_seconds()) // 60
    minutes = max(_minutes(HOLD_UNTIL), min(late, _minutes(LAST_HOLD)))
    return max(local_instant(day, time(minutes // 60, minutes % 60), zone), due)


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _utc(instant: datetime, name: str) -> datetime:
    """`instant` converted to UTC; raises ValueError if it is naive."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (e.g. datetime.now(UTC))")
    return instant.astimezone(UTC)


def _wall(at: time) -> time:
    if at.tzinfo is not None:
        raise ValueError("reminder time must be a wall time without tzinfo")
    return at.replace(fold=0)


def _wall_at(seconds: int, tz: ZoneInfo) -> datetime:
    """The naive local wall time at a POSIX timestamp."""
    return datetime.fromtimestamp(seconds, UTC).astimezone(tz).replace(tzinfo=None)


def _gap_end(wall: datetime, tz: ZoneInfo) -> datetime:
    """The UTC instant at which the gap containing the non-existent `wall` ends.

    Per PEP 495, fold=1 reads a gap time with the offset after the transition (an instant
    before the gap) and fold=0 with the offset before it (an instant after the gap). The
    transition is the first second in between whose wall time is at or past `wall`; zoneinfo
    does not expose transitions, so binary-search for it (a gap is at most hours wide).
    """
    before = math.floor(wall.replace(tzinfo=tz, fold=1).timestamp())  # wall < `wall` here
    after = math.ceil(wall.replace(tzinfo=tz, fold=0).timestamp())  # wall >= `wall` here
    while after - before > 1:
        middle = (before + after) // 2
        if _wall_at(middle, tz) >= wall:
            after = middle
        else:
            before = middle
    return datetime.fromtimestamp(after, UTC)


def local_instant(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of wall time `at` on `day` in `zone`.

    A wall time that does not exist that day (spring-forward gap) gives the first instant
    after the gap (02:30 on the Berlin spring-forward day → 03:00 local); an ambiguous one
    (autumn fold) gives the first occurrence (fold=0).
    """
    tz = zone_info(zone)
    wall = datetime.combine(day, _wall(at))
    instant = wall.replace(tzinfo=tz).astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != wall:  # does not round-trip: a gap
        return _gap_end(wall, tz)
    return instant


def _first_after(days: Iterable[date], at: time, zone: str, after: datetime) -> datetime:
    """The earliest `at` on one of `days` that is strictly after `after`."""
    candidates = [local_instant(day, at, zone) for day in days]
    return min(instant for instant in candidates if instant > after)


def next_due(kind: Kind, at: time, zone: str, after_utc: datetime) -> datetime:
    """The first instant strictly after `after_utc` at which this reminder is due.

    EVENING/MORNING: `at` on the first local day where that is after `after_utc`.
    MONTHLY: `at` on the 1st of this local month if still ahead, else of the next month.
    WEEKLY: `at` on the first local Monday where that is ahead.
    Call it with the instant that just fired to get the following one, or with now after
    the user changed zone or time.
    """
    kind = Kind(kind)
    after = _utc(after_utc, "after_utc")
    today = after.astimezone(zone_info(zone)).date()
    if kind is Kind.MONTHLY:
        days: Iterable[date] = (month_start(today, -ahead) for ahead in range(3))
    elif kind is Kind.WEEKLY:
        monday = today - timedelta(days=today.weekday())
        days = (monday + timedelta(weeks=ahead) for ahead in range(3))
    else:
        # min() over candidates is right whatever extra days are included, so yesterday is
        # cheap insurance for folds across midnight, where local dates run backwards
        # (America/Goose_Bay 1987-2010 went from 00:01 back to 23:01 of the previous day).
        days = (today + timedelta(days=offset) for offset in range(-1, 3))
    return _first_after(days, at, zone, after)


def night_for(kind: Kind, due_utc: datetime, zone: str) -> date:
    """The night a firing belongs to: the key of its unique (user, kind, night) send record.

    EVENING: `nights.night_of` the due instant (a 00:30 reminder counts for the evening before).
    MORNING: the night that just ended, the local date before the morning's.
    MONTHLY: the 1st of the local month it fires in (one key per month).
    WEEKLY: the Monday it fires on (one key per week; the week it covers ends the day before).
    """
    kind = Kind(kind)
    due = _utc(due_utc, "due_utc")
    local_day = due.astimezone(zone_info(zone)).date()
    if kind is Kind.EVENING:
        return night_of(due, zone)
    if kind is Kind.MORNING:
        return local_day - timedelta(days=1)
    if kind is Kind.WEEKLY:
        return local_day - timedelta(days=local_day.weekday())
    return local_day.replace(day=1)


def _morning_still_useful(due: datetime, now: datetime, zone: str) -> bool:
    noon = local_instant(due.astimezone(zone_info(zone)).date(), MORNING_DEADLINE, zone)
    if due < noon:
        return now < noon
    # A morning time set at or after noon would otherwise never be sent at all.
    return now - due <= EVENING_GRACE


def still_useful(kind: Kind, due_utc: datetime, now_utc: datetime, zone: str) -> bool:
    """Whether a reminder due at `due_utc` is still worth sending at `now_utc` (after downtime).

    EVENING: up to and including EVENING_GRACE after it was due (real time, not wall time).
    MORNING: until MORNING_DEADLINE local on the day it was due (exclusive); a morning time
    at or after that deadline gets EVENING_GRACE instead. MONTHLY and WEEKLY: until the end of
    that local day. Never before it is due.
    """
    kind = Kind(kind)
    due = _utc(due_utc, "due_utc")
    now = _utc(now_utc, "now_utc")
    if now < due:
        return False
    if kind is Kind.EVENING:
        return now - due <= EVENING_GRACE
    if kind is Kind.MORNING:
        return _morning_still_useful(due, now, zone)
    next_day = due.astimezone(zone_info(zone)).date() + timedelta(days=1)
    return now < local_instant(next_day, time(0, 0), zone)


def snooze_until(now_utc: datetime, minutes: int) -> datetime:
    """`minutes` of real time from now; a snooze across a clock change still lasts that long."""
    if minutes <= 0:
        raise ValueError("snooze minutes must be positive")
    return _utc(now_utc, "now_utc") + timedelta(minutes=minutes)


def pause_until(now_utc: datetime, days: int, zone: str) -> datetime:
    """The end of a pause: `days` local days from now at the same local wall time.

    Across a clock change this is not `days` * 24 hours. If that wall time does not exist on
    the last day, or exists twice, `local_instant`'s rules apply.
    """
    if days <= 0:
        raise ValueError("pause days must be positive")
    local = _utc(now_utc, "now_utc").astimezone(zone_info(zone))
    return local_instant(local.date() + timedelta(days=days), local.time(), zone)
