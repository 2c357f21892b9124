"""The Brazilian Portuguese input parser: times, durations, counts, numbers, days, skip and
yes/no words, as people type them on a phone in Brazil.

"21:30", "às 21h", "21h30", "9 da noite", "nove e meia", "quinze para as onze"; "20 min",
"1h15", "meia hora", "uma hora e meia"; "duas vezes", "três", "nenhuma"; "1º de setembro",
"1/9/2026", "ontem". Accents are optional ("tres", "nao", "marco"). The text is first put into
the digit forms the English machinery reads ("nove e meia" → 9:30), so the rules and the
Problem codes are the same as in English; every failure is a Problem whose values are
numbers and times we built ourselves, never the raw input.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time, timedelta

from bot.core.problems import Code, Minutes, Problem
from bot.parsing.amounts import MAX_MINUTES, checked_count
from bot.parsing.clock import parse_clock
from bot.parsing.dates import EARLIEST, _dated, _real, _year

UNITS = {
    "zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "três": 3, "quatro": 4,
    "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11,
    "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15, "dezesseis": 16,
    "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19,
    "dezanove": 19,
}  # fmt: skip
TENS = {"vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "cinqüenta": 50}
_UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
_SMALL_ALT = "|".join(w for w in sorted(UNITS, key=len, reverse=True) if 0 < UNITS[w] < 10)
_WORD_NUMBER = re.compile(
    rf"(?<!\w)(?:(?P<tens>{'|'.join(TENS)})(?:\s+e\s+(?P<unit>{_SMALL_ALT}))?"
    rf"|(?P<small>{_UNIT_ALT}))(?!\w)"
)
# Hedges before the answer ("umas", "mais ou menos", "por volta das") and after it
# ("e pouco", "mais ou menos", "?").
_ESTIMATE = re.compile(
    r"^(?:(?:cerca de|mais ou menos|aproximadamente|aprox\.?|uns|umas|tipo|talvez|quase"
    r"|acho que|eu acho que|uns bons|umas boas|por volta d[eoa]s?|l[aá] pel[ao]s?|perto d[ao]s?"
    r"|pelo menos|no m[aá]ximo|menos de|mais de|ca\.?|~)\s*)+"
)
_TAIL = re.compile(r"\s*(?:e pouco|mais ou menos|por a[ií]|n[eé]|acho|\?|!|\.)+$")
_NEGATIVE = re.compile(r"^-\s*\d")


def normalize(text: str) -> str:
    """Casefolded, NFKC, one space between words, dashes as '-', hedges removed."""
    s = unicodedata.normalize("NFKC", text or "").casefold()
    s = s.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    s = s.replace("\u2019", "'")
    s = " ".join(s.split())
    s = _TAIL.sub("", s)
    return _ESTIMATE.sub("", s).strip()


def words_to_digits(s: str) -> str:
    """ "vinte e cinco" → "25", "três" → "3", "uma hora" → "1 hora"."""

    def number(m: re.Match[str]) -> str:
        if m["small"]:
            return str(UNITS[m["small"]])
        return str(TENS[m["tens"]] + (UNITS[m["unit"]] if m["unit"] else 0))

    return _WORD_NUMBER.sub(number, s)


# Times of day

_NAMED_HOURS = (
    (re.compile(r"\bmeia[\s-]?noite\b"), "0h"),
    (re.compile(r"\bmeio[\s-]?dia\b"), "12h"),
)
_AT = re.compile(r"^(?:(?:[àa]s?|@|l[aá] pelas|pelas|perto das|umas|hoje|ontem)\s+)+")
_PERIOD = re.compile(r"\s*\b(?:da|de|à|a|na|pela)\s+(manh[ãa]|tarde|noite|madrugada)$")
_HOURS_WORD = re.compile(r"\s*(?:horas?|hrs?|hs)\.?$")
_AND = re.compile(
    r"^(?P<h>\d{1,2})\s*(?:h|horas?|hrs?|hs)?\s+e\s+(?P<m>meia|\d{1,2})\s*(?:min(?:utos?)?)?$"
)
_TO = re.compile(
    r"^(?P<n>\d{1,2})\s*(?:min(?:utos?)?\s+)?(?:para|pra|pras|p/)\s+(?:[àa]s?\s+|o\s+)?"
    r"(?P<clock>.+)$"
)
# The hours each period takes as they are on the 24-hour clock; others are moved into it.
_PERIOD_HOURS = {"manha": range(0, 13), "tarde": range(12, 19), "noite": range(18, 24)}


def parse_clock_pt(text: str) -> time:
    """A time of day. Bare numbers are 24-hour, as in English ("nove e meia" is 09:30);
    "da noite" / "da tarde" move it into the evening / afternoon ("9 da noite" is 21:00)."""
    s = normalize(text)
    if not s:
        raise Problem(Code.CLOCK_EMPTY)
    s = _AT.sub("", s).strip()
    for pattern, hours in _NAMED_HOURS:
        s = pattern.sub(hours, s)
    period = None
    if m := _PERIOD.search(s):
        period = m[1].replace("ã", "a")
        s = s[: m.start()].strip()
    s = words_to_digits(s)
    if m := _TO.match(s):
        base = _plain_clock(m["clock"], period)
        if base.minute:
            raise Problem(Code.CLOCK_QUARTER_WITH_MINUTES)
        if not 0 < int(m["n"]) < 60:
            raise Problem(Code.CLOCK_UNREADABLE)
        total = (base.hour * 60 - int(m["n"])) % (24 * 60)
        return time(total // 60, total % 60)
    return _plain_clock(s, period)


def _plain_clock(s: str, period: str | None) -> time:
    s = s.strip()
    if m := _AND.match(s):
        minute = 30 if m["m"] == "meia" else int(m["m"])
        if minute > 59:
            raise Problem(Code.CLOCK_MINUTES_OVER_59, given=f"{int(m['h'])}:{minute:02d}")
        s = f"{int(m['h'])}:{minute:02d}"
    else:
        s = _HOURS_WORD.sub("", s)
    at = parse_clock(s)
    return at if period is None else _in_period(at, period)


def _in_period(at: time, period: str) -> time:
    """ "9 da noite" → 21:00, "3 da tarde" → 15:00, "1 da madrugada" → 01:00; "21h da noite"
    stays 21:00; "15h da manhã" contradicts itself."""
    hour = at.hour
    if period == "madrugada":
        if hour == 12:
            hour = 0
        elif hour > 6:
            raise _mixed(at, hour)
    elif period == "manha":
        if hour > 12:
            raise _mixed(at, hour)
    elif hour not in _PERIOD_HOURS[period]:
        if period == "noite" and hour == 12:
            hour = 0
        elif period == "noite" and hour <= 5:
            pass  # "1 da noite": one in the night
        elif hour < 12:
            hour += 12
        else:
            raise _mixed(at, hour)
    return time(hour, at.minute)


def _mixed(at: time, hour: int) -> Problem:
    """ "15h da manhã": both ways of writing the 24-hour time it may mean are offered."""
    return Problem(
        Code.CLOCK_MIXED_12_24,
        given=f"{hour}:{at.minute:02d}",
        as_12h=f"{hour}h{at.minute:02d}",
        as_24h=f"{hour}:{at.minute:02d}",
    )


# Durations and counts

ZERO_WORDS = {
    "nenhum", "nenhuma", "nada", "zero", "não", "nao", "n", "nunca", "nem um", "nem uma",
    "nenhum minuto", "nenhuma vez", "nem uma vez", "não acordei", "nao acordei",
    "não levantei", "nao levantei", "na hora", "logo", "de imediato", "imediatamente",
    "na mesma hora", "em seguida", "dormi logo", "dormi na hora", "apaguei", "nadinha",
}  # fmt: skip
_MINUTE_PHRASES = {
    "meia hora": 30, "meia horinha": 30, "uma meia hora": 30, "1 meia hora": 30,
    "um quarto de hora": 15, "quarto de hora": 15, "três quartos de hora": 45,
    "tres quartos de hora": 45, "uma hora e meia": 90, "hora e meia": 90,
    "1 hora e meia": 90, "um minuto": 1, "1 minutinho": 1, "um minutinho": 1,
    "uma horinha": 60, "uma hora": 60, "1 hora": 60, "uma hora só": 60,
}  # fmt: skip
_VAGUE = {
    "alguns", "algumas", "alguns minutos", "uns minutos", "uns minutinhos", "vários",
    "varios", "várias", "varias", "muitos", "muitas", "poucos", "poucas", "um pouco",
    "pouco", "bastante", "um monte", "muito", "muito tempo", "um tempo", "um tempinho",
    "um tempão", "um tempao", "demorou", "uma eternidade", "algumas vezes", "várias vezes",
    "varias vezes", "muitas vezes", "poucas vezes", "umas vezes", "sei lá", "sei la",
}  # fmt: skip
_COUNT_WORDS = {"uma vez": 1, "umas duas": 2, "um par": 2, "duas": 2}
_RANGE = re.compile(r"\d\s*(?:-|a|à|ou|/|até|ate)\s*\d")
_HOUR = r"(?:h|hr|hrs|hs|hora|horas|horinha)\.?"
_MIN = r"(?:m|min|mins|minuto|minutos|minutinhos|')\.?"
_H_COLON_M = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})$")
_H_AND_M = re.compile(
    rf"^(?P<h>\d+(?:[.,]\d+)?)\s*{_HOUR}\s*(?:e\s*)?(?:(?P<m>\d+)\s*(?:{_MIN})?)?$"
)
_HALF_HOURS = re.compile(rf"^(?P<h>\d+)\s*(?:{_HOUR}\s*)?e\s*meia(?:\s*{_HOUR})?$")
_M_ONLY = re.compile(rf"^(?P<m>\d+(?:[.,]\d+)?)\s*(?:{_MIN})?$")
_BARE_DECIMAL = re.compile(r"^\d+[.,]\d+$")


def _round_half_up(value: float) -> int:
    return int(value + 0.5)


def parse_minutes_pt(text: str) -> int:
    """Minutes from "20", "20 min", "1h", "1h15", "1 hora e 15", "1:15", "meia hora", ..."""
    s = normalize(text)
    if not s:
        raise Problem(Code.MINUTES_EMPTY)
    if s in ZERO_WORDS:
        return 0
    if _NEGATIVE.match(s):
        raise Problem(Code.MINUTES_NEGATIVE)
    if s in _MINUTE_PHRASES:
        return _MINUTE_PHRASES[s]
    if s in _VAGUE:
        raise Problem(Code.MINUTES_VAGUE)
    minutes = _read_duration(words_to_digits(s))
    if minutes > MAX_MINUTES:
        raise Problem(Code.MINUTES_OVER_12H, duration=Minutes(minutes))
    return minutes


def _read_duration(s: str) -> int:
    if _RANGE.search(s):
        raise Problem(Code.MINUTES_RANGE)
    if m := _H_COLON_M.match(s):
        hours, mins = int(m["h"]), int(m["m"])
        if mins > 59:
            raise Problem(Code.MINUTES_COLON_OVER_59, total=hours * 60 + mins)
        return hours * 60 + mins
    if m := _HALF_HOURS.match(s):
        return int(m["h"]) * 60 + 30
    if m := _H_AND_M.match(s):
        return _round_half_up(float(m["h"].replace(",", ".")) * 60) + int(m["m"] or 0)
    if _BARE_DECIMAL.match(s):
        raise Problem(Code.MINUTES_BARE_DECIMAL)
    if m := _M_ONLY.match(s):
        return _round_half_up(float(m["m"].replace(",", ".")))
    raise Problem(Code.MINUTES_UNREADABLE)


def parse_count_pt(text: str) -> int:
    """A count from 0 to 50: "3", "três", "3 vezes", "3x", "duas vezes", "nenhuma"."""
    s = normalize(text)
    if not s:
        raise Problem(Code.COUNT_EMPTY)
    if s in ZERO_WORDS:
        return 0
    if _NEGATIVE.match(s):
        raise Problem(Code.COUNT_NEGATIVE)
    if s in _VAGUE:
        raise Problem(Code.COUNT_VAGUE)
    s = re.sub(r"\s*(?:vezes|vez|x)$|^x\s*", "", s)
    if s in _COUNT_WORDS:
        return _COUNT_WORDS[s]
    if s in _VAGUE:
        raise Problem(Code.COUNT_VAGUE)
    s = words_to_digits(s)
    return checked_count(s, _RANGE)


# Days

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janeiro", "jan"),
            ("fevereiro", "fev"),
            ("março", "marco", "mar"),
            ("abril", "abr"),
            ("maio", "mai"),
            ("junho", "jun"),
            ("julho", "jul"),
            ("agosto", "ago"),
            ("setembro", "set"),
            ("outubro", "out"),
            ("novembro", "nov"),
            ("dezembro", "dez"),
        ),
        start=1,
    )
    for name in names
}
RELATIVE = {"hoje": 0, "ontem": 1, "anteontem": 2, "antes de ontem": 2}
_DAY_WORDS = {"primeiro": 1, "1o": 1, **UNITS}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DIGITS = re.compile(r"(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?")
_DAY_MONTH = re.compile(
    r"(?:(?P<d>\d{1,2})\s*[oaº°ª.]?|(?P<w>[a-zçãáéêíóôõú]+))(?: de)? (?P<m>[a-zç]+)\.?"
    r"(?:(?: de)? (?P<y>\d{4}))?"
)
_WEEKDAY = re.compile(
    r"^(?:(?:segunda|ter[cç]a|quarta|quinta|sexta)(?:-feira| feira)?|s[aá]bado|domingo),? "
)


def parse_day_pt(text: str, today: date) -> date:
    """The day meant, never after `today` nor before 2000; without a year, the latest such
    day not in the future. Digits are always day first, as in Brazil ("1/9" is 1 September)."""
    said = re.sub(r"[,\s]+", " ", normalize(text).rstrip(".")).strip()
    said = re.sub(r"^(?:no |em )?dia ", "", _WEEKDAY.sub("", said)).strip()
    if not said:
        raise Problem(Code.DAY_EMPTY)
    if said in RELATIVE:
        return today - timedelta(days=RELATIVE[said])
    day = _read_day(said, today)
    if day > today:
        raise Problem(Code.DAY_IN_FUTURE, day=day)
    if day < EARLIEST:
        raise Problem(Code.DAY_TOO_EARLY)
    return day


def _read_day(said: str, today: date) -> date:
    if match := _ISO.fullmatch(said):
        return _real(int(match[1]), int(match[2]), int(match[3]))
    if match := _DIGITS.fullmatch(said):
        return _dated(_year(match[4]), int(match[3]), int(match[1]), today)
    for form in (said, words_to_digits(said)):  # "vinte e cinco de dezembro", "1 dez"
        if (match := _DAY_MONTH.fullmatch(form)) and match["m"] in MONTHS:
            number = int(match["d"]) if match["d"] else _DAY_WORDS.get(match["w"])
            if number is not None:
                return _dated(_year(match["y"]), MONTHS[match["m"]], number, today)
    raise Problem(Code.DAY_UNREADABLE)


# Words

SKIP_WORDS = {
    "pular", "pula", "pule", "pulo", "pulei", "próxima", "proxima", "próximo", "proximo",
    "passar", "passa", "passo", "seguinte", "skip", "-", "deixa pra lá", "deixa pra la",
}  # fmt: skip
YES_WORDS = {
    "sim", "s", "ss", "claro", "claro que sim", "pode", "pode ser", "pode sim", "ok", "okay",
    "tá", "ta", "tá bom", "ta bom", "tudo bem", "beleza", "blz", "isso", "com certeza",
    "sim por favor", "quero", "sim quero", "uhum", "aham", "certo", "bora", "vamos", "yes",
}  # fmt: skip
NO_WORDS = {
    "não", "nao", "n", "nã", "naum", "nope", "não obrigado", "não obrigada", "nao obrigado",
    "nao obrigada", "não quero", "nao quero", "agora não", "agora nao", "negativo",
    "de jeito nenhum", "nem", "no",
}  # fmt: skip
# "Nothing" answers, word by word: "nenhum", "não tomei nada", "sem remédio hoje".
NONE_WORDS = {
    "não", "nao", "nenhum", "nenhuma", "nada", "zero", "nem", "sem", "tomei", "tomo",
    "remédio", "remedio", "remédios", "remedios", "medicamento", "medicamentos", "hoje",
    "à", "a", "noite", "de", "um", "uma", "eu", "foi", "mesmo", "nadinha", "n/a", "dessa",
    "desta", "vez", "hj",
}  # fmt: skip
NONE_MARKERS = {"não", "nao", "nenhum", "nenhuma", "nada", "zero", "nem", "sem", "nadinha"}


class PortugueseInput:
    def clock(self, text: str) -> time:
        return parse_clock_pt(text)

    def minutes(self, text: str) -> int:
        return parse_minutes_pt(text)

    def count(self, text: str) -> int:
        return parse_count_pt(text)

    def number(self, text: str) -> int:
        s = normalize(text)
        s = re.sub(r"^(?:nota|dou|daria|uns|umas)\s+", "", s)
        s = re.sub(r"\s*(?:/\s*10|de 10|de dez)$", "", s).strip()
        cleaned = words_to_digits(s)
        if not (cleaned.isascii() and cleaned.isdigit()):
            raise Problem(Code.NUMBER_UNREADABLE)
        return int(cleaned)

    def day(self, text: str, today: date) -> date:
        return parse_day_pt(text, today)

    def looks_like_number(self, text: str) -> bool:
        return any(ch.isdigit() for ch in words_to_digits(normalize(text)))

    def is_skip(self, text: str) -> bool:
        return text.strip().strip(".!").casefold() in SKIP_WORDS

    def says_none(self, text: str) -> bool:
        words = normalize(text)
        for mark in ",.!;":
            words = words.replace(mark, " ")
        found = words.split()
        return bool(found) and set(found) <= NONE_WORDS and bool(set(found) & NONE_MARKERS)

    def yes_no(self, text: str) -> bool | None:
        said = " ".join(normalize(text).replace(",", " ").replace("!", " ").split())
        if said in YES_WORDS:
            return True
        if said in NO_WORDS:
            return False
        return None


PORTUGUESE = PortugueseInput()
