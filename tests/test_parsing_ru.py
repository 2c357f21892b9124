"""The Russian input parser: what people type in bed, read as the English readers' values,
and what must be refused (with the same Problem codes)."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.problems import Code, Problem
from bot.i18n import texts_for
from bot.i18n.problems import problem_text
from bot.parsing.russian import RUSSIAN

TODAY = date(2026, 1, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:30", time(21, 30)),
        ("21.30", time(21, 30)),
        ("2130", time(21, 30)),
        ("в 9 вечера", time(21, 0)),
        ("В 9 ВЕЧЕРА", time(21, 0)),
        ("9:30 вечера", time(21, 30)),
        ("полдесятого", time(9, 30)),
        ("полдесятого вечера", time(21, 30)),
        ("пол-одиннадцатого", time(10, 30)),
        ("в половине одиннадцатого", time(10, 30)),
        ("полпервого ночи", time(0, 30)),
        ("в десять", time(10, 0)),
        ("в десять вечера", time(22, 0)),
        ("вечером в 10", time(22, 0)),
        ("без четверти десять", time(9, 45)),
        ("без десяти одиннадцать вечера", time(22, 50)),
        ("без 5 12 ночи", time(23, 55)),
        ("четверть одиннадцатого", time(10, 15)),
        ("десять минут одиннадцатого", time(10, 10)),
        ("девять тридцать", time(9, 30)),
        ("двадцать один тридцать", time(21, 30)),
        ("21 час 30 минут", time(21, 30)),
        ("в 7 утра", time(7, 0)),
        ("в 3 дня", time(15, 0)),
        ("в час ночи", time(1, 0)),
        ("в 2 ночи", time(2, 0)),
        ("в 11 ночи", time(23, 0)),
        ("в 12 ночи", time(0, 0)),
        ("в полночь", time(0, 0)),
        ("в полдень", time(12, 0)),
        ("около 23", time(23, 0)),
        ("часов в 11", time(11, 0)),
        ("где-то в 22:15?", time(22, 15)),
        ("9pm", time(21, 0)),
    ],
)
def test_clock(text: str, expected: time) -> None:
    assert RUSSIAN.clock(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.CLOCK_EMPTY),
        ("вечером", Code.CLOCK_UNREADABLE),
        ("когда-нибудь", Code.CLOCK_UNREADABLE),
        ("21 утра", Code.CLOCK_MIXED_12_24),
        ("0 вечера", Code.CLOCK_ZERO_WITH_MERIDIEM),
        ("25:00", Code.CLOCK_NOT_A_TIME_OF_DAY),
        ("21:75", Code.CLOCK_MINUTES_OVER_59),
        ("-5", Code.CLOCK_NEGATIVE),
        ("12.10.2026", Code.CLOCK_DATE),
    ],
)
def test_clock_refuses(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        RUSSIAN.clock(text)
    assert caught.value.code == code


def test_a_mixed_time_is_explained_in_russian_words() -> None:
    with pytest.raises(Problem) as caught:
        RUSSIAN.clock("21:30 утра")
    said = problem_text(texts_for("ru"), caught.value)
    assert "9:30 вечера" in said and "21:30" in said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", 20),
        ("20 мин", 20),
        ("20 минут", 20),
        ("двадцать пять минут", 25),
        ("примерно 40 минут", 40),
        ("минут двадцать", 20),
        ("1 ч 15", 75),
        ("час пятнадцать", 75),
        ("1 час и 15 минут", 75),
        ("час", 60),
        ("2 часа", 120),
        ("часа два", 120),
        ("полчаса", 30),
        ("около получаса", 30),
        ("четверть часа", 15),
        ("полтора часа", 90),
        ("1,5 часа", 90),
        ("час с половиной", 90),
        ("два с половиной часа", 150),
        ("сто двадцать минут", 120),
        ("пару минут", 2),
        ("нисколько", 0),
        ("сразу", 0),
        ("0", 0),
    ],
)
def test_minutes(text: str, expected: int) -> None:
    assert RUSSIAN.minutes(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.MINUTES_EMPTY),
        ("-5", Code.MINUTES_NEGATIVE),
        ("20-30", Code.MINUTES_RANGE),
        ("20 или 30", Code.MINUTES_RANGE),
        ("от 20 до 30 минут", Code.MINUTES_RANGE),
        ("1,5", Code.MINUTES_BARE_DECIMAL),
        ("несколько минут", Code.MINUTES_VAGUE),
        ("долго", Code.MINUTES_VAGUE),
        ("13 часов", Code.MINUTES_OVER_12H),
        ("не помню", Code.MINUTES_UNREADABLE),
    ],
)
def test_minutes_refuses(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        RUSSIAN.minutes(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("три", 3),
        ("3 раза", 3),
        ("раза три", 3),
        ("5 раз", 5),
        ("раз", 1),
        ("один", 1),
        ("дважды", 2),
        ("пару раз", 2),
        ("двадцать два", 22),
        ("ни разу", 0),
        ("не просыпалась", 0),
        ("ноль", 0),
    ],
)
def test_count(text: str, expected: int) -> None:
    assert RUSSIAN.count(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.COUNT_EMPTY),
        ("-1", Code.COUNT_NEGATIVE),
        ("2-3", Code.COUNT_RANGE),
        ("2 или 3", Code.COUNT_RANGE),
        ("2,5", Code.COUNT_NOT_WHOLE),
        ("51", Code.COUNT_TOO_MANY),
        ("несколько", Code.COUNT_VAGUE),
        ("много раз", Code.COUNT_VAGUE),
        ("не знаю", Code.COUNT_UNREADABLE),
    ],
)
def test_count_refuses(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        RUSSIAN.count(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), ("7/10", 7), ("семь", 7), ("7 из 10", 7), ("на 7", 7), ("десять", 10)],
)
def test_number(text: str, expected: int) -> None:
    assert RUSSIAN.number(text) == expected


@pytest.mark.parametrize("text", ["восемь с половиной", "много", "", "7.5"])
def test_number_refuses(text: str) -> None:
    with pytest.raises(Problem) as caught:
        RUSSIAN.number(text)
    assert caught.value.code == Code.NUMBER_UNREADABLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 сентября", date(2025, 9, 1)),
        ("1-го сентября", date(2025, 9, 1)),
        ("первое сентября", date(2025, 9, 1)),
        ("двадцать первое октября", date(2025, 10, 21)),
        ("20 декабря", date(2025, 12, 20)),  # no year: the latest one not in the future
        ("3 января", date(2026, 1, 3)),
        ("5 января", date(2025, 1, 5)),
        ("1 сент. 2025", date(2025, 9, 1)),
        ("12 октября 2025 г.", date(2025, 10, 12)),
        ("1 ноябрь 2025", date(2025, 11, 1)),
        ("2025-09-01", date(2025, 9, 1)),
        ("1.9.2025", date(2025, 9, 1)),
        ("вчера", date(2026, 1, 2)),
        ("позавчера", date(2026, 1, 1)),
        ("Сегодня", date(2026, 1, 3)),
    ],
)
def test_day(text: str, expected: date) -> None:
    assert RUSSIAN.day(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.DAY_EMPTY),
        ("абракадабра", Code.DAY_UNREADABLE),
        ("3/4", Code.DAY_AMBIGUOUS),
        ("31 февраля", Code.DAY_NOT_A_DATE),
        ("12 октября 2026", Code.DAY_IN_FUTURE),
        ("завтра", Code.DAY_IN_FUTURE),
        ("1 января 1999", Code.DAY_TOO_EARLY),
    ],
)
def test_day_refuses(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        RUSSIAN.day(text, TODAY)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Пропустить", True), ("дальше", True), ("-", True), ("пропущу.", True), ("нет", False)],
)
def test_is_skip(text: str, expected: bool) -> None:
    assert RUSSIAN.is_skip(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Да", True),
        ("да, пожалуйста", True),
        ("ага", True),
        ("Конечно!", True),
        ("нет", False),
        ("Нет, спасибо", False),
        ("не надо", False),
        ("может быть", None),
        ("как это работает?", None),
    ],
)
def test_yes_no(text: str, expected: bool | None) -> None:
    assert RUSSIAN.yes_no(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ничего", True),
        ("нет", True),
        ("Никаких лекарств", True),
        ("сегодня ничего не принимала", True),
        ("без лекарств", True),
        ("не знаю", False),
        ("ропинирол", False),
        ("", False),
    ],
)
def test_says_none(text: str, expected: bool) -> None:
    assert RUSSIAN.says_none(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("три", True),
        ("20", True),
        ("ноль", True),
        ("7/10", True),
        ("нет", False),
        ("как долго это длится?", False),
    ],
)
def test_looks_like_number(text: str, expected: bool) -> None:
    assert RUSSIAN.looks_like_number(text) is expected
