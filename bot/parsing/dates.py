"""A day typed in English: "1 September", "Sept 1, 2026", "2026-09-01", "1.9.2026", "yesterday".

A date without a year is the latest such day that is not in the future (someone typing
"20 December" on 3 January means the one just gone). Digits with slashes are read day
first, as most of the world writes them; where both readings are real dates and differ
("3/4"), the user is asked to write the month in words rather than guessed at.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.core.problems import Code, Problem
from bot.parsing.numbers import normalize

EARLIEST = date(2000, 1, 1)  # no diary goes back further; an earlier date is a typo

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
RELATIVE = {"today": 0, "yesterday": 1}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DIGITS = re.compile(r"(\d{1,2})([./])(\d{1,2})(?:\2(\d{2}|\d{4}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+)(?: (\d{4}))?")
_MONTH_DAY = re.compile(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?")


def parse_day(text: str, today: date) -> date:
    """The day meant, never after `today` nor before 2000; Problem otherwise."""
    said = re.sub(r"[,\s]+", " ", normalize(text).rstrip(".")).strip()
    if not said:
        raise Problem(Code.DAY_EMPTY)
    if said in RELATIVE:
        return today - timedelta(days=RELATIVE[said])
    day = _read(said, today)
    if day > today:
        raise Problem(Code.DAY_IN_FUTURE, day=day)
    if day < EARLIEST:
        raise Problem(Code.DAY_TOO_EARLY)
    return day


def _read(said: str, today: date) -> date:
    if match := _ISO.fullmatch(said):
        return _real(int(match[1]), int(match[2]), int(match[3]))
    if match := _DIGITS.fullmatch(said):
        first, second, year = int(match[1]), int(match[3]), _year(match[4])
        if match[2] == "/" and first <= 12 and second <= 12 and first != second:
            raise Problem(Code.DAY_AMBIGUOUS)
        return _dated(year, second, first, today)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if (match := pattern.fullmatch(said)) and match[month_group] in MONTHS:
            month = MONTHS[match[month_group]]
            return _dated(_year(match[3]), month, int(match[day_group]), today)
    raise Problem(Code.DAY_UNREADABLE)


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    return int(raw) + 2000 if len(raw) == 2 else int(raw)


def _dated(year: int | None, month: int, day: int, today: date) -> date:
    """The date of `year`, or without one the latest that is not after `today` (29 February
    without a year is the last leap year's)."""
    if year is not None:
        return _real(year, month, day)
    for candidate in range(today.year, today.year - 8, -1):
        try:
            day_then = date(candidate, month, day)
        except ValueError:
            continue
        if day_then <= today:
            return day_then
    raise Problem(Code.DAY_NOT_A_DATE)


def _real(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Problem(Code.DAY_NOT_A_DATE) from None
