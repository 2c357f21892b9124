"""Where `/time ARG` moves the demo clock: forward by an amount, or to a moment worth seeing.

Pure functions of "now" and the user's zone, so they are easy to check and the demo's
transcript is deterministic once the start instant is fixed.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.core.problems import Problem
from bot.parsing.clock import parse_clock

USAGE = "Use /time +2h, /time +30m, /time +1d, /time 07:30 or /time next-month."
MONTHLY_TIME = time(9, 0)  # after the usual morning time: the monthly summary is due
_AMOUNT = re.compile(r"\+((?:\d+[dhm])+)")
_PART = re.compile(r"(\d+)([dhm])")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def target(arg: str, now: datetime, zone: tzinfo) -> datetime:
    """`+2h`, `+30m`, `+1d` (combinable: `+1d2h`), `07:30` (its next occurrence in `zone`),
    `next-month` (the 1st of next month at 09:00 in `zone`). ValueError with USAGE otherwise."""
    spec = arg.strip().lower().replace(" ", "")
    if match := _AMOUNT.fullmatch(spec):
        delta = timedelta()
        for amount, unit in _PART.findall(match.group(1)):
            delta += timedelta(**{_UNITS[unit]: int(amount)})
        return now + delta
    local = now.astimezone(zone)
    if spec == "next-month":
        first = (local.date().replace(day=1) + timedelta(days=32)).replace(day=1)
        return _at(first, MONTHLY_TIME, zone)
    try:
        wanted = parse_clock(spec)
    except Problem:
        raise ValueError(USAGE) from None
    when = _at(local.date(), wanted, zone)
    return when if when > now else _at(local.date() + timedelta(days=1), wanted, zone)


def _at(day: date, clock: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def describe(instant: datetime, zone: tzinfo) -> str:
    """ "Wed 25 Nov 2026, 07:30 Europe/Berlin" — how the demo shows its clock."""
    local = instant.astimezone(zone)
    return f"{local:%a %d %b %Y, %H:%M} {zone}"
