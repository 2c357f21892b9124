"""Which "night" an instant belongs to, in the user's own time zone.

A night is named by the local date of its evening. Anything before NIGHT_ROLLOVER (local noon)
still belongs to the previous evening, so a 01:30 check-in lands on the night it started.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

NIGHT_ROLLOVER = time(12, 0)


def local_time(instant_utc: datetime, zone: str) -> datetime:
    """The instant as wall-clock time in `zone` (an IANA name); raises ValueError if naive."""
    if instant_utc.tzinfo is None or instant_utc.utcoffset() is None:
        raise ValueError("instant must be timezone-aware (e.g. datetime.now(UTC))")
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError) as err:
        raise ValueError(f"unknown time zone: {zone!r}") from err
    return instant_utc.astimezone(tz)


def night_of(instant_utc: datetime, zone: str) -> date:
    """The local date of the evening this instant belongs to (before 12:00 → previous date)."""
    local = local_time(instant_utc, zone)
    if local.time() < NIGHT_ROLLOVER:
        return local.date() - timedelta(days=1)
    return local.date()
