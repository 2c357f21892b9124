"""Calendar months: the first day of a month some months away, and the last day of one."""

from __future__ import annotations

from datetime import date, timedelta


def month_start(day: date, months_back: int = 0) -> date:
    """The first day of the month `months_back` months before the one of `day` (negative:
    after it)."""
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def month_end(day: date) -> date:
    """The last day of the month of `day`."""
    return month_start(day, -1) - timedelta(days=1)
