"""Time zones, wall clocks, and which "night" an instant belongs to.

A night is named by the local date of its evening. Anything before NIGHT_ROLLOVER (local noon)
still belongs to the previous evening, so a 01:30 check-in lands on the night it started.
Every zone name the bot reads goes through :func:`zone_info`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

NIGHT_ROLLOVER = time(12, 0)


def zone_info(zone: str) -> ZoneInfo:
    """The zone of an IANA name; ValueError (not zoneinfo's own errors) if there is none."""
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError) as err:
        raise ValueError(f"unknown time zone: {zone!r}") from err


def is_zone(name: str) -> bool:
    """Whether `name` is one of the IANA zones this machine knows (a button's zone, say)."""
    return name in available_timezones()


def local_time(instant_utc: datetime, zone: str) -> datetime:
    """The instant as wall-clock time in `zone` (an IANA name); raises ValueError if naive."""
    if instant_utc.tzinfo is None or instant_utc.utcoffset() is None:
        raise ValueError("instant must be timezone-aware (e.g. datetime.now(UTC))")
    return instant_utc.astimezone(zone_info(zone))


def night_of(instant_utc: datetime, zone: str) -> date:
    """The local date of the evening this instant belongs to (before 12:00 → previous date)."""
    local = local_time(instant_utc, zone)
    if local.time() < NIGHT_ROLLOVER:
        return local.date() - timedelta(days=1)
    return local.date()


def last_night(instant_utc: datetime, zone: str) -> date:
    """The night that ended this morning: the evening before today's local date."""
    return local_time(instant_utc, zone).date() - timedelta(days=1)
