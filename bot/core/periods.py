"""Which nights a doctor's report covers: the last 30 or 90 days, since a date, everything.

A report counts only nights that are over. The night of a date ends the next morning, so
until MORNING local time on day D+1 the night of D is still going on (someone checking in
at 01:00 is in it); from then on it is over. The last night over is the end of every period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from bot.core.nights import local_time

MORNING = time(6, 0)
EARLIEST = date(2000, 1, 1)  # no diary goes back further; a typed date before it is a typo
WEEKLY_FROM_DAYS = 63  # periods longer than 9 weeks are drawn and tabled by week


class Choice(StrEnum):
    """The period buttons' codes (they travel in button data, so they stay short)."""

    DAYS_30 = "30"
    DAYS_90 = "90"
    SINCE = "since"  # since a date the user typed
    APPOINTMENT = "appt"  # since the user's last appointment (a date they set)
    EVERYTHING = "all"


DAYS = {Choice.DAYS_30: 30, Choice.DAYS_90: 90}


@dataclass(frozen=True)
class Span:
    """The nights from `start` to `end`, both included; `end` is the last night over."""

    start: date
    end: date

    @property
    def nights(self) -> int:
        return max(0, (self.end - self.start).days + 1)

    @property
    def weekly(self) -> bool:
        """Long periods are drawn by week: a bar per night would be a hair at phone width."""
        return self.nights > WEEKLY_FROM_DAYS

    def __contains__(self, night: object) -> bool:
        return isinstance(night, date) and self.start <= night <= self.end


def last_night_over(now: datetime, zone: str) -> date:
    """The latest night whose morning has come (tonight is never counted)."""
    local = local_time(now, zone)
    return local.date() - timedelta(days=1 if local.time() >= MORNING else 2)


def span(choice: Choice, end: date, since: date | None, first_logged: date | None) -> Span:
    """The period of `choice` ending on `end`; `since` is the typed or appointment date,
    `first_logged` the user's first night (None: nothing logged, everything is `end` alone).

    A start after the end (a date typed for today) is the end itself: one night, never none.
    """
    match choice:
        case Choice.DAYS_30 | Choice.DAYS_90:
            start = end - timedelta(days=DAYS[choice] - 1)
        case Choice.SINCE | Choice.APPOINTMENT:
            start = since or end
        case _:
            start = first_logged or end
    return Span(min(start, end), end)
