from datetime import time

import pytest

from bot.core.problems import Problem
from bot.i18n import texts_for
from bot.i18n.problems import problem_text
from bot.parsing.clock import parse_clock

ENGLISH = texts_for("en")


def format_clock(value: time) -> str:
    return ENGLISH.clock(value)


def said(problem: Problem) -> str:
    """The problem as an English-speaking user reads it."""
    return problem_text(ENGLISH, problem)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:30", time(21, 30)),
        ("nine", time(9, 0)),  # number words, as in the morning diary
        ("nine pm", time(21, 0)),
        ("half past nine", time(9, 30)),
        ("seven", time(7, 0)),
        ("half past six", time(6, 30)),
        ("quarter to seven", time(6, 45)),
        ("ten past eleven", time(11, 10)),
        ("ten past eleven pm", time(23, 10)),
        ("twenty to seven", time(6, 40)),
        ("twenty-five past ten", time(10, 25)),
        ("5 minutes past 6", time(6, 5)),
        ("twenty to midnight", time(23, 40)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
        ("21.30", time(21, 30)),
        ("21,30", time(21, 30)),
        ("21 30", time(21, 30)),
        ("21 : 30", time(21, 30)),
        ("9:30pm", time(21, 30)),
        ("9:30 PM", time(21, 30)),
        ("9.30pm", time(21, 30)),
        ("9pm", time(21, 0)),
        ("9 p.m.", time(21, 0)),
        ("9 P.M", time(21, 0)),
        ("9p", time(21, 0)),
        ("9am", time(9, 0)),
        ("9 a.m.", time(9, 0)),
        ("9a", time(9, 0)),
        ("930pm", time(21, 30)),
        ("2130", time(21, 30)),
        ("930", time(9, 30)),
        ("0930", time(9, 30)),
        ("7", time(7, 0)),
        ("07", time(7, 0)),
        ("0", time(0, 0)),
        ("00:00", time(0, 0)),
        ("23:40", time(23, 40)),
        ("11:40 pm", time(23, 40)),
        ("2340", time(23, 40)),
        ("23:59", time(23, 59)),
        ("12am", time(0, 0)),
        ("12:30am", time(0, 30)),
        ("1230am", time(0, 30)),
        ("12pm", time(12, 0)),
        ("12:15pm", time(12, 15)),
        ("1am", time(1, 0)),
        ("noon", time(12, 0)),
        ("Noon", time(12, 0)),
        ("12 noon", time(12, 0)),
        ("midday", time(12, 0)),
        ("midnight", time(0, 0)),
        ("MIDNIGHT", time(0, 0)),
        ("21h30", time(21, 30)),
        ("21H30", time(21, 30)),
        ("21h", time(21, 0)),
        ("21 h", time(21, 0)),
        ("  21:30  ", time(21, 30)),
        ("\t9pm\n", time(21, 0)),
        ("at 9pm", time(21, 0)),
        ("around 22:15", time(22, 15)),
        ("~23:00", time(23, 0)),
        ("2130 hrs", time(21, 30)),
        ("22 uhr", time(22, 0)),
        ("21:30h", time(21, 30)),
        ("10 o'clock", time(10, 0)),
        ("21:30:00", time(21, 30)),
        ("24:00", time(0, 0)),
        ("2400", time(0, 0)),
        ("２１：３０", time(21, 30)),  # full-width digits from some phone keyboards
    ],
)
def test_parse_accepts(text: str, expected: time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("", "Please send a time"),
        ("   ", "Please send a time"),
        ("abc", "couldn't read that as a time"),
        ("banana", "couldn't read that as a time"),
        ("9pm tonight", "couldn't read that as a time"),
        ("25:00", "25:00 isn't a time of day"),
        ("24:30", "24:30 isn't a time of day"),
        ("99", "99:00 isn't a time of day"),
        ("2530", "25:30 isn't a time of day"),
        ("12:60", "Minutes only go up to 59"),
        ("960", "9:60"),
        ("9:75pm", "Minutes only go up to 59"),
        ("13pm", "13pm mixes 24-hour and am/pm — try 1pm or 13:00"),
        ("13:30pm", "try 1:30pm or 13:30"),
        ("25pm", "isn't a time of day"),
        ("0pm", "hours run 1 to 12"),
        ("0am", "try 12am or 00:00"),
        ("-5", "can't be negative"),
        ("-21:30", "can't be negative"),
        ("−9", "can't be negative"),
        ("99999", "too many digits"),
        ("12345", "too many digits"),
        ("2026-03-28", "looks like a date"),
        ("28/03", "looks like a date"),
        ("3/28", "looks like a date"),
        ("28.03.2026", "looks like a date"),
        ("21:5", "two digits for the minutes"),
        ("::", "doesn't look like a time"),
    ],
)
def test_parse_rejects_with_reason(text: str, reason_part: str) -> None:
    with pytest.raises(Problem) as info:
        parse_clock(text)
    reason = said(info.value)
    assert reason_part in reason
    assert len(reason) < 90


def test_error_is_value_error_and_does_not_echo_markup() -> None:
    with pytest.raises(ValueError) as info:
        parse_clock("<b>late</b>")
    assert "<" not in said(info.value)


def test_spec_example_reason() -> None:
    with pytest.raises(Problem) as info:
        parse_clock("25:00")
    assert said(info.value) == "25:00 isn't a time of day — try 21:30 or 9:30pm."


@pytest.mark.parametrize(
    ("value", "text"),
    [(time(21, 30), "21:30"), (time(0, 0), "00:00"), (time(7, 5), "07:05"), (time(12, 0), "12:00")],
)
def test_format_clock(value: time, text: str) -> None:
    assert format_clock(value) == text


@pytest.mark.parametrize("minute", [0, 1, 30, 59])
@pytest.mark.parametrize("hour", range(24))
def test_round_trip(hour: int, minute: int) -> None:
    value = time(hour, minute)
    assert parse_clock(format_clock(value)) == value
