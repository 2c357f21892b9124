"""The German input parser: what German speakers type, and what must be refused."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.problems import Code, Problem
from bot.parsing.german import GERMAN

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:30", time(21, 30)),
        ("21 Uhr", time(21, 0)),
        ("21.30 Uhr", time(21, 30)),
        ("21 Uhr 30", time(21, 30)),
        ("um 22 Uhr", time(22, 0)),
        ("so gegen 23 Uhr rum", time(23, 0)),
        ("halb zehn", time(9, 30)),
        ("halb 10 abends", time(21, 30)),
        ("gegen halb elf abends", time(22, 30)),
        ("halb eins", time(0, 30)),
        ("9 Uhr abends", time(21, 0)),
        ("elf Uhr nachts", time(23, 0)),
        ("2 Uhr nachts", time(2, 0)),
        ("7 Uhr morgens", time(7, 0)),
        ("viertel nach zehn", time(10, 15)),
        ("Viertel vor zehn", time(9, 45)),
        ("viertel zehn", time(9, 15)),
        ("dreiviertel zehn", time(9, 45)),
        ("zehn nach neun", time(9, 10)),
        ("zwanzig vor acht", time(7, 40)),
        ("fünf vor halb zehn", time(9, 25)),
        ("fuenf nach halb zehn", time(9, 35)),
        ("Mitternacht", time(0, 0)),
        ("halb 10 Uhr abends", time(21, 30)),
        ("um viertel nach 10 Uhr", time(10, 15)),
        ("9:30pm", time(21, 30)),
    ],
)
def test_clock(text: str, expected: time) -> None:
    assert GERMAN.clock(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.CLOCK_EMPTY),
        ("irgendwann", Code.CLOCK_UNREADABLE),
        ("25:00", Code.CLOCK_NOT_A_TIME_OF_DAY),
        ("21:75", Code.CLOCK_MINUTES_OVER_59),
        ("1.9.2026", Code.CLOCK_DATE),
        ("halb 9:30", Code.CLOCK_QUARTER_WITH_MINUTES),
        ("21 Uhr morgens", Code.CLOCK_UNREADABLE),
    ],
)
def test_clock_refused(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        GERMAN.clock(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", 20),
        ("20 Min", 20),
        ("20min", 20),
        ("20 Minuten", 20),
        ("zwanzig Minuten", 20),
        ("ca. 20 min", 20),
        ("1 Std 15", 75),
        ("1 Stunde und 15 Minuten", 75),
        ("1:15", 75),
        ("1,5 Std", 90),
        ("eine halbe Stunde", 30),
        ("eine Viertelstunde", 15),
        ("eine Dreiviertelstunde", 45),
        ("anderthalb Stunden", 90),
        ("zweieinhalb Stunden", 150),
        ("zwei Stunden", 120),
        ("fünfundvierzig", 45),
        ("keine", 0),
        ("sofort", 0),
        ("gar nicht", 0),
    ],
)
def test_minutes(text: str, expected: int) -> None:
    assert GERMAN.minutes(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.MINUTES_EMPTY),
        ("20-30", Code.MINUTES_RANGE),
        ("20 bis 30", Code.MINUTES_RANGE),
        ("20 oder 30", Code.MINUTES_RANGE),
        ("eine Weile", Code.MINUTES_VAGUE),
        ("ein paar Minuten", Code.MINUTES_VAGUE),
        ("1,5", Code.MINUTES_BARE_DECIMAL),
        ("13 Stunden", Code.MINUTES_OVER_12H),
        ("-5", Code.MINUTES_NEGATIVE),
        ("lala", Code.MINUTES_UNREADABLE),
    ],
)
def test_minutes_refused(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        GERMAN.minutes(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("drei", 3),
        ("zweimal", 2),
        ("einmal", 1),
        ("vier Mal", 4),
        ("3x", 3),
        ("3-mal", 3),
        ("zwölf", 12),
        ("zwoelf", 12),
        ("keinmal", 0),
        ("nie", 0),
        ("keine", 0),
    ],
)
def test_count(text: str, expected: int) -> None:
    assert GERMAN.count(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.COUNT_EMPTY),
        ("2 oder 3", Code.COUNT_RANGE),
        ("2-3", Code.COUNT_RANGE),
        ("mehrmals", Code.COUNT_VAGUE),
        ("ein paar Mal", Code.COUNT_VAGUE),
        ("2,5", Code.COUNT_NOT_WHOLE),
        ("51", Code.COUNT_TOO_MANY),
        ("-1", Code.COUNT_NEGATIVE),
        ("oft genug", Code.COUNT_UNREADABLE),
    ],
)
def test_count_refused(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        GERMAN.count(text)
    assert caught.value.code == code


@pytest.mark.parametrize("text", ["7", "7/10", "sieben", "7 von 10"])
def test_number(text: str) -> None:
    assert GERMAN.number(text) == 7


def test_number_refused() -> None:
    with pytest.raises(Problem) as caught:
        GERMAN.number("ziemlich schlimm")
    assert caught.value.code == Code.NUMBER_UNREADABLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. September", date(2026, 9, 1)),
        ("1 September", date(2026, 9, 1)),
        ("am 3. März", date(2026, 3, 3)),
        ("3. Maerz", date(2026, 3, 3)),
        ("3. Okt.", date(2026, 10, 3)),
        ("20. Dezember", date(2025, 12, 20)),  # no year: the latest not in the future
        ("5.12.", date(2025, 12, 5)),
        ("1.9.2026", date(2026, 9, 1)),
        ("1.9.26", date(2026, 9, 1)),
        ("1.9.", date(2026, 9, 1)),
        ("2026-09-01", date(2026, 9, 1)),
        ("1 März 2025", date(2025, 3, 1)),
        ("Montag, 30. November", date(2026, 11, 30)),
        ("gestern", date(2026, 12, 3)),
        ("vorgestern", date(2026, 12, 2)),
        ("heute", TODAY),
    ],
)
def test_day(text: str, expected: date) -> None:
    assert GERMAN.day(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.DAY_EMPTY),
        ("irgendwann", Code.DAY_UNREADABLE),
        ("31.2.", Code.DAY_NOT_A_DATE),
        ("30. Februar 2026", Code.DAY_NOT_A_DATE),
        ("1.1.2030", Code.DAY_IN_FUTURE),
        ("1.1.1999", Code.DAY_TOO_EARLY),
        ("3/4", Code.DAY_AMBIGUOUS),
    ],
)
def test_day_refused(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        GERMAN.day(text, TODAY)
    assert caught.value.code == code


@pytest.mark.parametrize("text", ["Überspringen", "ueberspringen", "weiter", "-", "Weiter."])
def test_skip(text: str) -> None:
    assert GERMAN.is_skip(text)


@pytest.mark.parametrize("text", ["ja", "keine", "20"])
def test_not_skip(text: str) -> None:
    assert not GERMAN.is_skip(text)


@pytest.mark.parametrize(
    "text", ["keine", "nichts", "Nix.", "heute keine Medikamente", "ich habe nichts genommen"]
)
def test_says_none(text: str) -> None:
    assert GERMAN.says_none(text)


@pytest.mark.parametrize("text", ["Ropinirol", "keine Ahnung", "heute", "Eisen und nichts sonst"])
def test_not_none(text: str) -> None:
    assert not GERMAN.says_none(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ja", True),
        ("ja, gerne", True),
        ("ok", True),
        ("klar", True),
        ("Nein", False),
        ("nö", False),
        ("noe", False),
        ("nein danke", False),
        ("vielleicht", None),
        ("weiß nicht", None),
    ],
)
def test_yes_no(text: str, expected: bool | None) -> None:
    assert GERMAN.yes_no(text) is expected


@pytest.mark.parametrize(("text", "expected"), [("drei", True), ("20 Min", True), ("wie?", False)])
def test_looks_like_number(text: str, expected: bool) -> None:
    assert GERMAN.looks_like_number(text) is expected
