"""The Spanish input parser: what people type in Spanish on a phone at bedtime.

Times: "21:30", "a las 9", "las 9 de la noche", "9 y media", "las diez menos cuarto",
"9:30 p. m.". Durations: "20 min", "1 h 15", "media hora", "una hora y media", "nada".
Counts: "3", "tres", "dos veces", "una vez", "ninguna". Dates: "1 de septiembre",
"1/9/2026" (always day first, as Spain and Latin America write it), "2026-09-01", "ayer".

Accents are optional everywhere ("dieciseis", "si", "mediodia"). The hard parts are the
English modules' (bot/parsing/clock.py, amounts.py, dates.py): Spanish words are turned
into the digits and units those read, and every failure is the same Problem code.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time, timedelta

from bot.core.problems import Code, Minutes, Problem
from bot.parsing.amounts import MAX_MINUTES, _read_duration, checked_count
from bot.parsing.clock import _digits_clock
from bot.parsing.dates import EARLIEST, _dated, _real, _year

UNITS = [
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
    "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho",
    "diecinueve", "veinte", "veintiuno", "veintidos", "veintitres", "veinticuatro",
    "veinticinco", "veintiseis", "veintisiete", "veintiocho", "veintinueve",
]  # fmt: skip
_UNIT_VALUES = {word: value for value, word in enumerate(UNITS)} | {
    "un": 1, "una": 1, "veintiun": 21, "veintiuna": 21,
}  # fmt: skip
TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
        "ochenta": 80, "noventa": 90}  # fmt: skip
_SMALL = "|".join(sorted(_UNIT_VALUES, key=len, reverse=True))
_WORD_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(TENS)})(?:\s+y\s+(?P<unit>{'|'.join(UNITS[1:10])}|un|una))?"
    rf"|(?P<small>{_SMALL}))\b"
)
_ESTIMATE = re.compile(
    r"^(?:(?:unos|unas|como|casi|aprox\.?|aproximadamente|alrededor de|cerca de|sobre"
    r"|mas o menos|quiza|quizas|tal vez|igual|probablemente|creo que|menos de|mas de"
    r"|al menos|por lo menos|poco mas de|poco menos de|~)\s*)+"
)
_TAIL = re.compile(r"\s*(?:mas o menos|o asi|o por ahi|aprox\.?|mas o menos|\?|!|\.)+$")


def fold_accents(text: str) -> str:
    """Lowercase without accents: "Dieciséis" → "dieciseis", "sí" → "si" (ñ becomes n)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Casefolded, accents off, one space between words, dashes as '-', hedges removed;
    "¿unos veinte?" → "veinte"."""
    s = fold_accents(unicodedata.normalize("NFKC", text or ""))
    s = s.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    s = s.replace("\u2019", "'").replace("¿", " ").replace("¡", " ")
    s = " ".join(s.split())
    s = _TAIL.sub("", s)
    return _ESTIMATE.sub("", s).strip()


def words_to_digits(s: str) -> str:
    """ "veinticinco" → "25", "treinta y cinco" → "35", "una" → "1" (text already normalized)."""

    def number(m: re.Match[str]) -> str:
        if m["small"]:
            return str(_UNIT_VALUES[m["small"]])
        unit = _UNIT_VALUES[m["unit"]] if m["unit"] else 0
        return str(TENS[m["tens"]] + unit)

    return _WORD_NUMBER.sub(number, s)


# Times of day

_NAMED = {"mediodia": time(12, 0), "medianoche": time(0, 0)}
_LEAD = {"a", "las", "la", "eso", "de", "sobre", "hacia", "como", "alrededor", "cerca", "son",
         "era", "eran", "fue", "por", "ahi", "aprox", "aproximadamente"}  # fmt: skip
_PERIOD = re.compile(
    r"\s+(?:(?:de|por|en)\s+la\s+(?P<part>manana|tarde|noche|madrugada)"
    r"|(?:del|al|de)\s+(?P<noon>mediodia))$"
)
_CLOCK_TAIL = re.compile(r"\s*(?:en punto|horas|hora|hrs|hs|h)\.?$")
_Y_MENOS = re.compile(
    r"^(?P<h>\d{1,2})\s+(?P<way>y|menos)\s+(?P<m>media|cuarto|\d{1,2})(?:\s+minutos?)?$"
)


def parse_clock(text: str) -> time:
    """A time of day in Spanish; bare numbers are 24-hour ("9" is 09:00), as in English."""
    s = normalize(text)
    words = s.split()
    while len(words) > 1 and words[0] in _LEAD:
        words.pop(0)
    s = " ".join(words)
    if s in _NAMED:
        return _NAMED[s]
    part = None
    if m := _PERIOD.search(s):
        part = m["part"] or "mediodia"
        s = s[: m.start()].strip()
    s = _CLOCK_TAIL.sub("", s).strip() or s
    digits = words_to_digits(s)
    if m := _Y_MENOS.match(digits):
        return _quarters(int(m["h"]), m["way"], m["m"], part)
    if not digits.strip():
        raise Problem(Code.CLOCK_EMPTY)
    # "9:30 p. m.", "2130", "21h30": the English reader knows these; a bare word is not a time.
    if any(ch.isalpha() for ch in re.sub(r"\s*[ap]\.?\s*m\.?$|h", "", digits)):
        raise Problem(Code.CLOCK_UNREADABLE)
    at = _digits_clock(digits)
    if part is None:
        return at
    return time(_with_part(at.hour, part), at.minute)


def _quarters(hour: int, way: str, amount: str, part: str | None) -> time:
    """ "9 y media" is 09:30, "10 menos cuarto" 09:45, "9 y 10" 09:10."""
    if hour > 24:
        raise Problem(Code.CLOCK_NOT_A_TIME_OF_DAY, given=f"{hour}:00")
    if amount == "media":
        if way == "menos":
            raise Problem(Code.CLOCK_UNREADABLE)
        minutes = 30
    elif amount == "cuarto":
        minutes = 15
    else:
        minutes = int(amount)
        if not 0 < minutes < 60:
            raise Problem(Code.CLOCK_MINUTES_OVER_59, given=f"{hour}:{minutes:02d}")
    hour = 0 if hour == 24 else hour
    base = _with_part(hour, part) if part else hour
    total = (base * 60 + (minutes if way == "y" else -minutes)) % (24 * 60)
    return time(total // 60, total % 60)


def _with_part(hour: int, part: str) -> int:
    """The 24-hour hour of "las 9 de la noche" (21), "las 12 de la noche" (00), "las 3 de la
    tarde" (15), "las 4 de la madrugada" (04)."""
    if hour > 12:
        if part in ("tarde", "noche") and hour < 24:
            return hour
        raise Problem(Code.CLOCK_UNREADABLE)
    if part == "manana":
        return hour
    if part == "madrugada":
        return 0 if hour == 12 else hour
    if part == "tarde":
        return hour if hour in (0, 12) else hour + 12
    if part == "noche":
        if hour == 12:
            return 0
        return hour if hour <= 5 else hour + 12
    return hour if hour == 12 or hour > 5 else hour + 12  # del mediodía


# Durations and counts

ZERO_WORDS = {
    "0", "cero", "no", "nada", "ninguno", "ninguna", "ningun", "nunca", "ni uno", "ni una",
    "ni un minuto", "nada de nada", "ninguna vez", "ni una vez", "no me desperte",
    "no me levante", "enseguida", "en seguida", "al instante", "al momento", "de inmediato",
    "inmediatamente", "en nada", "nada de tiempo", "enseguida me dormi", "me dormi enseguida",
}  # fmt: skip
_MINUTE_PHRASES = {
    "media hora": 30, "una media hora": 30, "un cuarto de hora": 15, "cuarto de hora": 15,
    "tres cuartos de hora": 45, "tres cuartos": 45, "hora y media": 90,
    "una hora y media": 90, "hora y cuarto": 75, "una hora y cuarto": 75, "un minuto": 1,
    "un par de minutos": 2, "una hora": 60, "un par de horas": 120,
}  # fmt: skip
_VAGUE = {
    "un rato", "rato", "un ratito", "un buen rato", "poco", "un poco", "bastante", "bastantes",
    "mucho", "muchos", "muchas", "mucho rato", "varias", "varios", "algunas", "algunos",
    "unas cuantas", "unos cuantos", "un monton", "pocas", "pocos", "muchisimo", "muchisimas",
    "varias veces", "muchas veces", "pocas veces", "algunas veces", "a veces",
}  # fmt: skip
_COUNT_WORDS = {"un par": 2, "par": 2, "un par de": 2}
_RANGE = re.compile(r"\d\s*(?:-|a|o|u|/)\s*\d|\bentre\s+\d+\s+y\s+\d")
_NEGATIVE = re.compile(r"^-\s*\d")
_HOURS = re.compile(r"\b(?:horas|hora|hrs|hr|hs)\b\.?")
_HOURS_AND_A_HALF = re.compile(r"(?P<h>\d+)\s*(?:horas|hora|hrs|hr|hs|h)\.?\s+y\s+media")
_MINS = re.compile(r"\b(?:minutos|minuto|mins|min|mn)\b\.?")


def parse_minutes(text: str) -> int:
    """Minutes from "20", "20 min", "1 h 15", "1:15", "1,5 h", "media hora", "nada", ...

    Like the English reader it refuses negatives, ranges ("20 o 30"), a bare decimal
    ("1,5": hours or minutes?) and anything over 12 hours.
    """
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
    s = words_to_digits(s)
    if _RANGE.search(s):
        raise Problem(Code.MINUTES_RANGE)
    if m := _HOURS_AND_A_HALF.fullmatch(s):
        minutes = int(m["h"]) * 60 + 30
    else:
        minutes = _read_duration(_as_english_units(s))
    if minutes > MAX_MINUTES:
        raise Problem(Code.MINUTES_OVER_12H, duration=Minutes(minutes))
    return minutes


def _as_english_units(s: str) -> str:
    """Into the English reader's units: "1 hora y 15 minutos" → "1 h and 15 min"."""
    s = _MINS.sub("min", _HOURS.sub("h", s))
    return re.sub(r"\s+y\s+", " and ", s).strip()


def parse_count(text: str) -> int:
    """A count from 0 to 50: "3", "tres", "3 veces", "dos veces", "una vez", "ninguna"."""
    s = normalize(text)
    if not s:
        raise Problem(Code.COUNT_EMPTY)
    if s in ZERO_WORDS:
        return 0
    if _NEGATIVE.match(s):
        raise Problem(Code.COUNT_NEGATIVE)
    if s in _VAGUE:
        raise Problem(Code.COUNT_VAGUE)
    s = re.sub(r"\s*(?:veces|vez|x)$|^x\s*", "", s).strip()
    if s in _COUNT_WORDS:
        return _COUNT_WORDS[s]
    if s in ZERO_WORDS:
        return 0
    if s in _VAGUE:
        raise Problem(Code.COUNT_VAGUE)
    s = words_to_digits(s)
    return checked_count(s, _RANGE)


# Dates

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("enero", "ene"),
            ("febrero", "feb"),
            ("marzo", "mar"),
            ("abril", "abr"),
            ("mayo", "may"),
            ("junio", "jun"),
            ("julio", "jul"),
            ("agosto", "ago"),
            ("septiembre", "setiembre", "sep", "sept", "set"),
            ("octubre", "oct"),
            ("noviembre", "nov"),
            ("diciembre", "dic"),
        ),
        start=1,
    )
    for name in names
}
RELATIVE = {"hoy": 0, "ayer": 1, "anteayer": 2, "antes de ayer": 2, "antier": 2}
_WEEKDAYS = r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DIGITS = re.compile(r"(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:º|ª|o|ro)?(?: de)? ([a-z]+)\.?(?:(?: de)? (\d{4}))?")
_MONTH_DAY = re.compile(r"([a-z]+)\.? (\d{1,2})(?: (\d{4}))?")


def parse_day(text: str, today: date) -> date:
    """The day meant, never after `today` nor before 2000 (bot/parsing/dates.py's rules)."""
    said = re.sub(r"[,\s]+", " ", normalize(text).rstrip(".")).strip()
    said = re.sub(rf"^(?:el )?(?:{_WEEKDAYS} )?(?:el )?", "", said).strip()
    said = re.sub(r"^(?:dia )", "", said).replace("primero", "1")
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
        # Day first: "3/4" is 3 April wherever Spanish is written, so there is no guessing.
        return _dated(_year(match[4]), int(match[3]), int(match[1]), today)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if (match := pattern.fullmatch(said)) and match[month_group] in MONTHS:
            month = MONTHS[match[month_group]]
            return _dated(_year(match[3]), month, int(match[day_group]), today)
    raise Problem(Code.DAY_UNREADABLE)


# Skip, yes/no and "nothing" words

SKIP_WORDS = {"omitir", "omite", "omito", "saltar", "salta", "saltalo", "saltar pregunta",
              "paso", "pasar", "pasa", "siguiente", "sigue", "skip", "-"}  # fmt: skip
YES_WORDS = {"si", "s", "sip", "claro", "claro que si", "vale", "ok", "okay", "okey",
             "de acuerdo", "por supuesto", "si por favor", "si, por favor", "si gracias",
             "si, gracias", "bueno", "dale", "va", "venga", "afirmativo", "yes"}  # fmt: skip
NO_WORDS = {"no", "n", "nop", "no gracias", "no, gracias", "para nada", "nel", "negativo",
            "no quiero", "mejor no", "ahora no"}  # fmt: skip
# "Nothing" answers, word by word: "ninguno", "no, nada", "hoy no tomé ningún medicamento".
NONE_WORDS = {"no", "ninguno", "ninguna", "ningun", "nada", "cero", "nunca", "ni", "uno",
              "una", "tome", "he", "tomado", "tomo", "hoy", "esta", "noche", "medicamento",
              "medicamentos", "medicina", "medicinas", "pastilla", "pastillas", "de", "me",
              "n/a", "na", "gracias", "por", "ahora"}  # fmt: skip
NONE_MARKERS = {"no", "ninguno", "ninguna", "ningun", "nada", "cero", "nunca", "n/a", "na"}


def _plain(text: str) -> str:
    return " ".join(fold_accents(unicodedata.normalize("NFKC", text)).strip(" .!¡¿?").split())


class SpanishInput:
    def clock(self, text: str) -> time:
        return parse_clock(text)

    def minutes(self, text: str) -> int:
        return parse_minutes(text)

    def count(self, text: str) -> int:
        return parse_count(text)

    def number(self, text: str) -> int:
        s = normalize(text)
        s = re.sub(r"\s*(?:/|de|sobre)\s*10$", "", s).strip()
        s = re.sub(r"^(?:un|una|el|la)\s+(?=\S)", "", s)
        cleaned = words_to_digits(s).strip()
        if not (cleaned.isascii() and cleaned.isdigit()):
            raise Problem(Code.NUMBER_UNREADABLE)
        return int(cleaned)

    def day(self, text: str, today: date) -> date:
        return parse_day(text, today)

    def looks_like_number(self, text: str) -> bool:
        said = normalize(text)
        return said in _MINUTE_PHRASES or any(ch.isdigit() for ch in words_to_digits(said))

    def is_skip(self, text: str) -> bool:
        return _plain(text) in SKIP_WORDS

    def says_none(self, text: str) -> bool:
        words = re.sub(r"[,.!¡¿?]", " ", _plain(text)).split()
        return bool(words) and set(words) <= NONE_WORDS and bool(set(words) & NONE_MARKERS)

    def yes_no(self, text: str) -> bool | None:
        said = _plain(text).strip(",")
        if said in YES_WORDS:
            return True
        if said in NO_WORDS:
            return False
        return None


SPANISH = SpanishInput()
