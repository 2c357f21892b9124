"""The Brazilian Portuguese input parser: what it reads, and what it refuses (with which code)."""

from datetime import date, time

import pytest

from bot.core.problems import Code, Problem
from bot.i18n import texts_for
from bot.i18n.problems import problem_text
from bot.parsing.portuguese import PORTUGUESE

TODAY = date(2026, 12, 4)
PT = texts_for("pt")


def refused(call: object, *args: object) -> Problem:
    with pytest.raises(Problem) as caught:
        call(*args)  # type: ignore[operator]
    # Every refusal reads as a Portuguese sentence, its fields filled.
    assert problem_text(PT, caught.value)
    return caught.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:30", time(21, 30)),
        ("às 21h", time(21, 0)),
        ("as 21h", time(21, 0)),
        ("21h30", time(21, 30)),
        ("21h", time(21, 0)),
        ("21 horas", time(21, 0)),
        ("21 horas e 30", time(21, 30)),
        ("Às 22h30.", time(22, 30)),
        ("9 da noite", time(21, 0)),
        ("nove da noite", time(21, 0)),
        ("nove e meia", time(9, 30)),  # bare numbers are 24-hour, as in English
        ("nove e meia da noite", time(21, 30)),
        ("9:30 da noite", time(21, 30)),
        ("onze e quinze da noite", time(23, 15)),
        ("3 da tarde", time(15, 0)),
        ("7 da manhã", time(7, 0)),
        ("7 da manha", time(7, 0)),
        ("6h45 da manhã", time(6, 45)),
        ("1 da madrugada", time(1, 0)),
        ("meia-noite", time(0, 0)),
        ("meia noite e meia", time(0, 30)),
        ("meio-dia", time(12, 0)),
        ("quinze para as onze", time(10, 45)),
        ("dez pras sete da noite", time(18, 50)),
        ("quinze pra meia-noite", time(23, 45)),
        ("lá pelas 23h", time(23, 0)),
        ("umas 22h", time(22, 0)),
        ("por volta das 22:15", time(22, 15)),
        ("vinte e uma horas", time(21, 0)),
        ("21h da noite", time(21, 0)),
        ("2130", time(21, 30)),
        ("9pm", time(21, 0)),
    ],
)
def test_clock_reads(text: str, expected: time) -> None:
    assert PORTUGUESE.clock(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.CLOCK_EMPTY),
        ("-3", Code.CLOCK_NEGATIVE),
        ("1/9", Code.CLOCK_DATE),
        ("25:00", Code.CLOCK_NOT_A_TIME_OF_DAY),
        ("21:75", Code.CLOCK_MINUTES_OVER_59),
        ("21:5", Code.CLOCK_TWO_DIGIT_MINUTES),
        ("12345", Code.CLOCK_TOO_MANY_DIGITS),
        ("cedo", Code.CLOCK_UNREADABLE),
        ("15h da manhã", Code.CLOCK_MIXED_12_24),
        ("22h da tarde", Code.CLOCK_MIXED_12_24),
        ("quinze para as 10:30", Code.CLOCK_QUARTER_WITH_MINUTES),
    ],
)
def test_clock_refuses(text: str, code: Code) -> None:
    assert refused(PORTUGUESE.clock, text).code is code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", 20),
        ("20 min", 20),
        ("20min", 20),
        ("vinte minutos", 20),
        ("uns 20 minutos", 20),
        ("1h15", 75),
        ("1 h 15", 75),
        ("1 hora e 15 minutos", 75),
        ("1:15", 75),
        ("1,5 h", 90),
        ("meia hora", 30),
        ("uma hora", 60),
        ("uma hora e meia", 90),
        ("duas horas e meia", 150),
        ("2 horas", 120),
        ("um quarto de hora", 15),
        ("nenhum", 0),
        ("nada", 0),
        ("na hora", 0),
        ("zero", 0),
    ],
)
def test_minutes_reads(text: str, expected: int) -> None:
    assert PORTUGUESE.minutes(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.MINUTES_EMPTY),
        ("-5", Code.MINUTES_NEGATIVE),
        ("alguns minutos", Code.MINUTES_VAGUE),
        ("um tempão", Code.MINUTES_VAGUE),
        ("13 horas", Code.MINUTES_OVER_12H),
        ("20-30", Code.MINUTES_RANGE),
        ("20 a 30", Code.MINUTES_RANGE),
        ("20 ou 30 min", Code.MINUTES_RANGE),
        ("1:75", Code.MINUTES_COLON_OVER_59),
        ("1,5", Code.MINUTES_BARE_DECIMAL),
        ("demorei", Code.MINUTES_UNREADABLE),
    ],
)
def test_minutes_refuses(text: str, code: Code) -> None:
    assert refused(PORTUGUESE.minutes, text).code is code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("três", 3),
        ("tres", 3),
        ("3 vezes", 3),
        ("3x", 3),
        ("duas vezes", 2),
        ("uma vez", 1),
        ("umas três", 3),
        ("vinte e cinco", 25),
        ("nenhuma", 0),
        ("nenhuma vez", 0),
        ("não", 0),
        ("0", 0),
    ],
)
def test_count_reads(text: str, expected: int) -> None:
    assert PORTUGUESE.count(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.COUNT_EMPTY),
        ("-1", Code.COUNT_NEGATIVE),
        ("algumas vezes", Code.COUNT_VAGUE),
        ("várias", Code.COUNT_VAGUE),
        ("2 ou 3", Code.COUNT_RANGE),
        ("2-3", Code.COUNT_RANGE),
        ("2,5", Code.COUNT_NOT_WHOLE),
        ("muitas vezes mesmo", Code.COUNT_UNREADABLE),
        ("51", Code.COUNT_TOO_MANY),
    ],
)
def test_count_refuses(text: str, code: Code) -> None:
    assert refused(PORTUGUESE.count, text).code is code


@pytest.mark.parametrize(
    ("text", "expected"), [("7", 7), ("7/10", 7), ("7 de 10", 7), ("sete", 7), ("dez", 10)]
)
def test_number_reads(text: str, expected: int) -> None:
    assert PORTUGUESE.number(text) == expected


@pytest.mark.parametrize("text", ["muito", "7,5", "mais ou menos"])
def test_number_refuses(text: str) -> None:
    assert refused(PORTUGUESE.number, text).code is Code.NUMBER_UNREADABLE


def test_looks_like_number() -> None:
    assert PORTUGUESE.looks_like_number("sete")
    assert PORTUGUESE.looks_like_number("uns 7")
    assert not PORTUGUESE.looks_like_number("o que é ferritina?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1º de setembro", date(2026, 9, 1)),
        ("1° de setembro", date(2026, 9, 1)),
        ("1o de setembro", date(2026, 9, 1)),
        ("primeiro de setembro", date(2026, 9, 1)),
        ("1 de setembro de 2025", date(2025, 9, 1)),
        ("1/9/2026", date(2026, 9, 1)),
        ("01/09/26", date(2026, 9, 1)),
        ("3/4", date(2026, 4, 3)),  # day first, always, as in Brazil
        ("1.9.2026", date(2026, 9, 1)),
        ("2026-09-01", date(2026, 9, 1)),
        ("25 de dezembro", date(2025, 12, 25)),  # no year: the latest not in the future
        ("vinte e cinco de dezembro", date(2025, 12, 25)),
        ("1 dez", date(2026, 12, 1)),
        ("dez de dezembro", date(2025, 12, 10)),
        ("1 de março", date(2026, 3, 1)),
        ("1 de marco", date(2026, 3, 1)),
        ("12 out.", date(2026, 10, 12)),
        ("dia 3 de novembro", date(2026, 11, 3)),
        ("terça, 1 de dezembro", date(2026, 12, 1)),
        ("hoje", TODAY),
        ("ontem", date(2026, 12, 3)),
        ("anteontem", date(2026, 12, 2)),
    ],
)
def test_day_reads(text: str, expected: date) -> None:
    assert PORTUGUESE.day(text, TODAY) == expected


def test_29_february_without_a_year_is_the_last_leap_years() -> None:
    assert PORTUGUESE.day("29 de fevereiro", TODAY) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.DAY_EMPTY),
        ("semana passada", Code.DAY_UNREADABLE),
        ("1 de setembrino", Code.DAY_UNREADABLE),
        ("31/02", Code.DAY_NOT_A_DATE),
        ("31 de abril de 2026", Code.DAY_NOT_A_DATE),
        ("5/1/2027", Code.DAY_IN_FUTURE),
        ("1/1/1999", Code.DAY_TOO_EARLY),
    ],
)
def test_day_refuses(text: str, code: Code) -> None:
    assert refused(PORTUGUESE.day, text, TODAY).code is code


@pytest.mark.parametrize("text", ["pular", "Pular", "pula", "próxima", "proximo", "passo", "-"])
def test_skip_words(text: str) -> None:
    assert PORTUGUESE.is_skip(text)


@pytest.mark.parametrize("text", ["pular o café", "não", "21h"])
def test_not_skip(text: str) -> None:
    assert not PORTUGUESE.is_skip(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sim", True),
        ("Sim!", True),
        ("Sim, por favor", True),
        ("pode ser", True),
        ("tá bom", True),
        ("ok", True),
        ("não", False),
        ("nao", False),
        ("Não, obrigado", False),
        ("agora não", False),
        ("talvez", None),
        ("o que é isso?", None),
    ],
)
def test_yes_no(text: str, expected: bool | None) -> None:
    assert PORTUGUESE.yes_no(text) is expected


@pytest.mark.parametrize(
    "text", ["nenhum", "Nenhum hoje", "nada", "não tomei nada hoje", "sem remédio hoje", "nenhum."]
)
def test_says_none(text: str) -> None:
    assert PORTUGUESE.says_none(text)


@pytest.mark.parametrize("text", ["ropinirol", "não tomei ropinirol", "tomei", "hoje", ""])
def test_does_not_say_none(text: str) -> None:
    assert not PORTUGUESE.says_none(text)
