"""The Spanish input parser (bot/parsing/spanish.py): what it reads, and what it refuses."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.problems import Code, Problem
from bot.parsing.spanish import SPANISH

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:30", time(21, 30)),
        ("21.30", time(21, 30)),
        ("21h30", time(21, 30)),
        ("2130", time(21, 30)),
        ("a las 9", time(9, 0)),
        ("las 9 de la noche", time(21, 0)),
        ("A las 10 de la noche", time(22, 0)),
        ("9 y media", time(9, 30)),
        ("las nueve y media de la noche", time(21, 30)),
        ("las diez menos cuarto", time(9, 45)),
        ("las diez menos cuarto de la noche", time(21, 45)),
        ("las once y cuarto de la noche", time(23, 15)),
        ("las doce menos cuarto de la noche", time(23, 45)),
        ("las 9 y 10", time(9, 10)),
        ("las once menos veinte de la noche", time(22, 40)),
        ("a la una", time(1, 0)),
        ("la una de la madrugada", time(1, 0)),
        ("las doce de la noche", time(0, 0)),
        ("medianoche", time(0, 0)),
        ("mediodía", time(12, 0)),
        ("mediodia", time(12, 0)),
        ("las 3 de la tarde", time(15, 0)),
        ("las 7 de la mañana", time(7, 0)),
        ("las 7 de la manana", time(7, 0)),
        ("sobre las 22 h", time(22, 0)),
        ("como a las 10 y media de la noche", time(22, 30)),
        ("las 9 en punto", time(9, 0)),
        ("9:30 p. m.", time(21, 30)),
        ("6:45 a. m.", time(6, 45)),
        ("9pm", time(21, 0)),
        ("nueve", time(9, 0)),
        ("veintitrés", time(23, 0)),
    ],
)
def test_clock(text: str, expected: time) -> None:
    assert SPANISH.clock(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.CLOCK_EMPTY),
        ("hola", Code.CLOCK_UNREADABLE),
        ("tarde", Code.CLOCK_UNREADABLE),
        ("25:00", Code.CLOCK_NOT_A_TIME_OF_DAY),
        ("21:75", Code.CLOCK_MINUTES_OVER_59),
        ("las 9 y 75", Code.CLOCK_MINUTES_OVER_59),
        ("1/9", Code.CLOCK_DATE),
        ("21:5", Code.CLOCK_TWO_DIGIT_MINUTES),
        ("-21:00", Code.CLOCK_NEGATIVE),
        ("las 21 de la mañana", Code.CLOCK_UNREADABLE),
        ("las 9 menos media", Code.CLOCK_UNREADABLE),
    ],
)
def test_clock_refuses(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        SPANISH.clock(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", 20),
        ("20 min", 20),
        ("20 minutos", 20),
        ("45'", 45),
        ("1 h 15", 75),
        ("1h15", 75),
        ("1:15", 75),
        ("1 hora y 15 minutos", 75),
        ("una hora", 60),
        ("media hora", 30),
        ("un cuarto de hora", 15),
        ("tres cuartos de hora", 45),
        ("una hora y media", 90),
        ("2 horas y media", 150),
        ("1,5 horas", 90),
        ("unos veinte minutos", 20),
        ("¿unos 20?", 20),
        ("treinta y cinco minutos", 35),
        ("veinticinco", 25),
        ("nada", 0),
        ("ninguno", 0),
        ("enseguida", 0),
        ("0", 0),
    ],
)
def test_minutes(text: str, expected: int) -> None:
    assert SPANISH.minutes(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.MINUTES_EMPTY),
        ("-5", Code.MINUTES_NEGATIVE),
        ("un rato", Code.MINUTES_VAGUE),
        ("bastante", Code.MINUTES_VAGUE),
        ("20-30", Code.MINUTES_RANGE),
        ("20 o 30", Code.MINUTES_RANGE),
        ("entre 20 y 30", Code.MINUTES_RANGE),
        ("1,5", Code.MINUTES_BARE_DECIMAL),
        ("13 horas", Code.MINUTES_OVER_12H),
        ("1:75", Code.MINUTES_COLON_OVER_59),
        ("no sé", Code.MINUTES_UNREADABLE),
    ],
)
def test_minutes_refuses(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        SPANISH.minutes(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("tres", 3),
        ("3 veces", 3),
        ("dos veces", 2),
        ("una vez", 1),
        ("un par de veces", 2),
        ("3x", 3),
        ("ninguna", 0),
        ("ninguna vez", 0),
        ("ni una vez", 0),
        ("cero", 0),
        ("dieciséis", 16),
        ("dieciseis", 16),
    ],
)
def test_count(text: str, expected: int) -> None:
    assert SPANISH.count(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.COUNT_EMPTY),
        ("-1", Code.COUNT_NEGATIVE),
        ("muchas", Code.COUNT_VAGUE),
        ("varias veces", Code.COUNT_VAGUE),
        ("2 o 3", Code.COUNT_RANGE),
        ("2-3", Code.COUNT_RANGE),
        ("1,5", Code.COUNT_NOT_WHOLE),
        ("60", Code.COUNT_TOO_MANY),
        ("muchísimas no sé", Code.COUNT_UNREADABLE),
    ],
)
def test_count_refuses(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        SPANISH.count(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), ("7/10", 7), ("siete", 7), ("un 7", 7), ("7 de 10", 7), ("diez", 10), ("0", 0)],
)
def test_number(text: str, expected: int) -> None:
    assert SPANISH.number(text) == expected


@pytest.mark.parametrize("text", ["bien", "fatal", "7,5", ""])
def test_number_refuses(text: str) -> None:
    with pytest.raises(Problem) as caught:
        SPANISH.number(text)
    assert caught.value.code == Code.NUMBER_UNREADABLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 de septiembre", date(2026, 9, 1)),
        ("1 septiembre", date(2026, 9, 1)),
        ("1 de setiembre", date(2026, 9, 1)),
        ("1 de sept.", date(2026, 9, 1)),
        ("primero de septiembre", date(2026, 9, 1)),
        ("1º de septiembre", date(2026, 9, 1)),
        ("el lunes 1 de septiembre", date(2026, 9, 1)),
        ("1 de septiembre de 2025", date(2025, 9, 1)),
        ("1/9/2026", date(2026, 9, 1)),
        ("1/9/26", date(2026, 9, 1)),
        ("1-9-2026", date(2026, 9, 1)),
        ("1.9.2026", date(2026, 9, 1)),
        ("3/4", date(2026, 4, 3)),  # day first, as Spanish is written: no guessing needed
        ("2026-09-01", date(2026, 9, 1)),
        ("20 de diciembre", date(2025, 12, 20)),  # without a year: the latest one not to come
        ("12 de Octubre", date(2026, 10, 12)),
        ("hoy", TODAY),
        ("ayer", date(2026, 12, 3)),
        ("anteayer", date(2026, 12, 2)),
        ("29 de febrero", date(2024, 2, 29)),
    ],
)
def test_day(text: str, expected: date) -> None:
    assert SPANISH.day(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.DAY_EMPTY),
        ("el otro día", Code.DAY_UNREADABLE),
        ("1 de brumario", Code.DAY_UNREADABLE),
        ("31 de febrero de 2026", Code.DAY_NOT_A_DATE),
        ("31/2", Code.DAY_NOT_A_DATE),
        ("1 de septiembre de 2027", Code.DAY_IN_FUTURE),
        ("5/12/2026", Code.DAY_IN_FUTURE),
        ("2 de diciembre de 1999", Code.DAY_TOO_EARLY),
    ],
)
def test_day_refuses(text: str, code: Code) -> None:
    with pytest.raises(Problem) as caught:
        SPANISH.day(text, TODAY)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sí", True),
        ("si", True),
        ("Sí, por favor", True),
        ("vale", True),
        ("claro", True),
        ("no", False),
        ("No, gracias", False),
        ("quizá", None),
        ("no sé", None),
    ],
)
def test_yes_no(text: str, expected: bool | None) -> None:
    assert SPANISH.yes_no(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ninguno", True),
        ("nada", True),
        ("no", True),
        ("No tomé nada", True),
        ("Hoy no tomé ningún medicamento", True),
        ("ninguna pastilla esta noche", True),
        ("ropinirol", False),
        ("una", False),
        ("no me acuerdo del nombre", False),
    ],
)
def test_says_none(text: str, expected: bool) -> None:
    assert SPANISH.says_none(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("omitir", True),
        ("Saltar", True),
        ("paso", True),
        ("siguiente.", True),
        ("-", True),
        ("no", False),
        ("saltar la comida", False),
    ],
)
def test_is_skip(text: str, expected: bool) -> None:
    assert SPANISH.is_skip(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tres", True), ("20 min", True), ("media hora", True), ("¿qué es el SPI?", False)],
)
def test_looks_like_number(text: str, expected: bool) -> None:
    assert SPANISH.looks_like_number(text) is expected


def test_every_method_of_the_protocol_is_there() -> None:
    from bot.parsing import InputParser

    wanted = {name for name in vars(InputParser) if not name.startswith("_")}
    assert wanted <= set(dir(SPANISH))
    assert all(callable(getattr(SPANISH, name)) for name in wanted)
