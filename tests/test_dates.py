"""Reading a typed day for a report's start: the latest such day, never in the future."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.problems import Code, Problem
from bot.parsing.dates import parse_day

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-09-01", date(2026, 9, 1)),
        ("1 September", date(2026, 9, 1)),
        ("1st of Sept", date(2026, 9, 1)),
        ("September 1, 2025", date(2025, 9, 1)),
        ("Sep 1st", date(2026, 9, 1)),
        ("20 December", date(2025, 12, 20)),  # no year: the one just gone, not next month's
        ("24 November", TODAY),
        ("1.9.2026", date(2026, 9, 1)),
        ("01.09.26", date(2026, 9, 1)),
        ("13/10", date(2026, 10, 13)),  # only one reading is a date: day first
        ("5/5/2026", date(2026, 5, 5)),
        ("29 February", date(2024, 2, 29)),  # the last leap year's
        ("  yesterday. ", date(2026, 11, 23)),
        ("Today", TODAY),
    ],
)
def test_days_as_people_write_them(typed: str, day: date) -> None:
    assert parse_day(typed, TODAY) == day


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", Code.DAY_EMPTY),
        ("soon", Code.DAY_UNREADABLE),
        ("12 Smarch", Code.DAY_UNREADABLE),
        ("3/4", Code.DAY_AMBIGUOUS),
        ("31 November", Code.DAY_NOT_A_DATE),
        ("2026-02-30", Code.DAY_NOT_A_DATE),
        ("2026-11-25", Code.DAY_IN_FUTURE),
        ("1 January 1999", Code.DAY_TOO_EARLY),
    ],
)
def test_days_that_cannot_start_a_report(typed: str, code: Code) -> None:
    with pytest.raises(Problem) as raised:
        parse_day(typed, TODAY)
    assert raised.value.code is code
