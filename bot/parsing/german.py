"""The German input parser: times, durations, counts, numbers, dates, skip and yes/no words.

People type German on a phone at night: "21:30", "21 Uhr", "halb zehn", "9 Uhr abends",
"viertel nach zehn", "20 Min", "1 Std 15", "eine halbe Stunde", "zweimal", "keine",
"1. September", "1.9.2026", "gestern". The German words are turned into digits and the
English parser's forms ("1 h 15", "1 September"), so the checks and Problem codes are the
English modules' own. Umlauts may be typed as ae/oe/ue; ß casefolds to "ss".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, time, timedelta

from bot.core.problems import Code, Problem
from bot.parsing.amounts import parse_count, parse_minutes
from bot.parsing.clock import _digits_clock, _shifted
from bot.parsing.dates import parse_day
from bot.parsing.numbers import normalize as english_normalize

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})

UNITS = {
    "null": 0, "eins": 1, "ein": 1, "eine": 1, "einen": 1, "einer": 1, "einem": 1,
    "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwoelf": 12, "dreizehn": 13,
    "vierzehn": 14, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19,
}  # fmt: skip
TENS = {"zwanzig": 20, "dreissig": 30, "vierzig": 40, "fuenfzig": 50, "sechzig": 60}
_COMPOUND_UNITS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6,
                   "sieben": 7, "acht": 8, "neun": 9}  # fmt: skip


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WORD_NUMBER = re.compile(
    rf"\b(?:(?:(?P<unit>{_alternatives(_COMPOUND_UNITS)})und)?(?P<tens>{_alternatives(TENS)})"
    rf"|(?P<small>{_alternatives(UNITS)}))\b"
)
# "etwa 20", "so gegen 9", "ca. 30", "ungefähr drei", "um 21 Uhr rum": hedges carry nothing.
_HEDGE = re.compile(
    r"^(?:(?:so|etwa|ca\.?|circa|zirka|ungefaehr|gegen|um|am|rund|vielleicht|wohl|eher|fast"
    r"|knapp|ueber|unter|mindestens|hoechstens|maximal|mehr als|weniger als|so um|so gegen"
    r"|punkt|schaetzungsweise|schaetze|ich schaetze|ich glaube|glaube|bestimmt)(?:\s+|$)|~\s*)+"
)
_HEDGE_TAIL = re.compile(
    r"(?:\s+(?:rum|herum|oder so|ungefaehr|circa|ca\.?|etwa|vielleicht|schaetze ich"
    r"|glaube ich)|\s*[?!.,])+$"
)


def fold(text: str) -> str:
    """Casefolded, NFKC, umlauts as ae/oe/ue (ß is "ss"), one space, hedges removed."""
    s = english_normalize(unicodedata.normalize("NFKC", text or "").casefold())
    s = s.translate(_UMLAUTS)
    previous = None
    while previous != s:
        previous = s
        s = _HEDGE_TAIL.sub("", _HEDGE.sub("", s)).strip()
    return s


def words_to_digits(s: str) -> str:
    """ "fuenfundzwanzig" → "25", "drei" → "3" (on folded text)."""

    def number(m: re.Match[str]) -> str:
        if m["small"]:
            return str(UNITS[m["small"]])
        return str(TENS[m["tens"]] + (_COMPOUND_UNITS[m["unit"]] if m["unit"] else 0))

    return _WORD_NUMBER.sub(number, s)


# Times of day

_NAMED = {"mitternacht": time(0, 0), "mittag": time(12, 0), "mittags": time(12, 0)}
_PART_OF_DAY = re.compile(
    r"\s*(?P<part>morgens|frueh|in der frueh|am morgen|vormittags|am vormittag|mittags"
    r"|nachmittags|am nachmittag|abends|am abend|heute abend|nachts|in der nacht|heute nacht)$"
)
_PARTS = {
    "morgens": "morning", "frueh": "morning", "in der frueh": "morning",
    "am morgen": "morning", "vormittags": "morning", "am vormittag": "morning",
    "mittags": "noon", "nachmittags": "evening", "am nachmittag": "evening",
    "abends": "evening", "am abend": "evening", "heute abend": "evening",
    "nachts": "night", "in der nacht": "night", "heute nacht": "night",
}  # fmt: skip
_UHR_MINUTES = re.compile(r"^(?P<h>\d{1,2})\s*uhr\s*(?P<m>\d{1,2})$")
_HOUR = r"(?P<h>\d{1,2}(?:[:.]\d{2})?)"
_QUARTER = re.compile(rf"^(?P<how>halb|viertel|dreiviertel|drei viertel)\s+{_HOUR}$")
_QUARTER_SHIFT = {"halb": -30, "viertel": -45, "dreiviertel": -15, "drei viertel": -15}
_QUARTER_FROM = re.compile(rf"^viertel\s+(?P<way>nach|vor)\s+{_HOUR}$")
_FROM_HALF = re.compile(
    r"^(?P<n>\d{1,2})\s+(?:minuten?\s+)?(?P<way>nach|vor)\s+halb\s+(?P<h>\d{1,2})$"
)
_FROM_HOUR = re.compile(r"^(?P<n>\d{1,2})\s+(?:minuten?\s+)?(?P<way>nach|vor)\s+(?P<h>\d{1,2})$")
_WAY = {"nach": 1, "vor": -1}


def parse_clock(text: str) -> time:
    """A time of day. Bare numbers are 24-hour ("7" is 07:00, "halb zehn" 09:30); "abends",
    "nachmittags" and "nachts" move 1-11 o'clock to the evening, "morgens" keeps it."""
    s = fold(text)
    s = re.sub(r"^(?:so\s+)?(?:um|gegen)\s+", "", s)
    part = None
    if (m := _PART_OF_DAY.search(s)) and m.start() > 0:
        part, s = _PARTS[m["part"]], s[: m.start()].strip()
        s = _HEDGE_TAIL.sub("", s).strip()
    if s in _NAMED:
        return _NAMED[s]
    at = _read_clock(words_to_digits(s))
    return _in_part_of_day(at, part) if part else at


def _read_clock(s: str) -> time:
    if s.endswith(" uhr") and not s[:-4].strip().isdigit():
        s = s[:-4].strip()  # "halb 10 uhr", "viertel nach 10 uhr"
    if m := _QUARTER.match(s):
        return _shifted(m["h"], _QUARTER_SHIFT[m["how"]])
    if m := _QUARTER_FROM.match(s):
        return _shifted(m["h"], _WAY[m["way"]] * 15)
    if (m := _FROM_HALF.match(s)) and 0 < int(m["n"]) < 30:
        return _shifted(m["h"], -30 + _WAY[m["way"]] * int(m["n"]))
    if (m := _FROM_HOUR.match(s)) and 0 < int(m["n"]) < 60:
        return _shifted(m["h"], _WAY[m["way"]] * int(m["n"]))
    if m := _UHR_MINUTES.match(s):
        s = f"{m['h']}:{m['m']}"
    return _digits_clock(s)


def _in_part_of_day(at: time, part: str) -> time:
    hour = at.hour
    if part == "evening" and 1 <= hour <= 11:
        hour += 12
    elif part == "night" and (hour == 12 or 7 <= hour <= 11):
        hour = (hour + 12) % 24
    elif part == "noon" and 1 <= hour <= 4:
        hour += 12
    elif part == "morning" and hour > 12:
        raise Problem(Code.CLOCK_UNREADABLE)
    return time(hour, at.minute)


# Durations and counts

ZERO_WORDS = {
    "keine", "kein", "keins", "keinen", "nichts", "nix", "null", "gar nicht", "gar keine",
    "gar keins", "ueberhaupt nicht", "ueberhaupt keine", "nie", "niemals", "nicht",
    "keinmal", "kein mal", "kein einziges mal", "nicht einmal", "0 mal",
    "sofort", "gleich", "direkt", "sofort eingeschlafen", "keine zeit", "keine minute",
    "nein", "ne", "nee",
}  # fmt: skip
_MINUTE_PHRASES = {
    "eine halbe stunde": 30, "halbe stunde": 30, "ne halbe stunde": 30, "1/2 stunde": 30,
    "1/2 std": 30, "eine viertelstunde": 15, "viertelstunde": 15, "eine viertel stunde": 15,
    "viertel stunde": 15, "ne viertelstunde": 15, "eine dreiviertelstunde": 45,
    "dreiviertelstunde": 45, "dreiviertel stunde": 45, "eine dreiviertel stunde": 45,
    "drei viertel stunde": 45, "anderthalb stunden": 90, "eineinhalb stunden": 90,
    "einundeinhalb stunden": 90, "anderthalb std": 90, "eineinhalb std": 90,
    "eine stunde": 60, "ne stunde": 60, "eine minute": 1, "zwei minuten": 2,
}  # fmt: skip
_VAGUE = {
    "ein paar", "paar", "ein paar minuten", "ein paar mal", "paar mal", "ein paarmal",
    "paarmal", "einige", "einige male", "mehrere", "mehrmals", "mehrere male", "viele",
    "viel", "oft", "haeufig", "staendig", "dauernd", "lange", "ewig", "ewigkeiten",
    "eine weile", "eine ganze weile", "ein bisschen", "bisschen", "kurz", "etwas", "ein wenig",
    "wenig", "manchmal", "ab und zu", "keine ahnung", "weiss nicht",
}  # fmt: skip
_HALVES = re.compile(r"\b(?P<n>\d+)einhalb\b|\b(?P<w>\w+?)einhalb\b")
# The English parser's word for each German pattern, in the order they are replaced.
_UNIT_WORDS = {
    "h": r"(?<![a-z])(?:stunden|stunde|std\.?|stdn?\.?)(?=\s|$|\d)",
    "min": r"(?<![a-z])(?:minuten|minute|min\.?|mins?)(?=\s|$)",
    "and a half": r"\bund eine halbe\b",
    "and": r"\bund\b",
    "to": r"\bbis\b",
    "or": r"\boder\b",
}
_UNIT_PATTERNS = tuple((re.compile(german), english) for english, german in _UNIT_WORDS.items())


def _english_amount(s: str) -> str:
    """German units and joining words in the English parser's forms: "1 std und 15 min"
    → "1 h and 15 min", "zweieinhalb stunden" → "2,5 h", "20 bis 30" → "20 to 30"."""

    def half(m: re.Match[str]) -> str:
        if m["n"]:
            return f"{m['n']},5"
        whole = words_to_digits(m["w"])
        return f"{whole},5" if whole.isdigit() else m[0]

    s = _HALVES.sub(half, s.replace("anderthalb", "1,5"))
    s = words_to_digits(s)
    for pattern, english in _UNIT_PATTERNS:
        s = pattern.sub(english, s)
    return " ".join(s.split())


def parse_minutes_de(text: str) -> int:
    s = fold(text)
    if not s:
        raise Problem(Code.MINUTES_EMPTY)
    if s in ZERO_WORDS:
        return 0
    if s in _MINUTE_PHRASES:
        return _MINUTE_PHRASES[s]
    if s in _VAGUE:
        raise Problem(Code.MINUTES_VAGUE)
    return parse_minutes(_english_amount(s))


def parse_count_de(text: str) -> int:
    s = fold(text)
    if not s:
        raise Problem(Code.COUNT_EMPTY)
    if s in ZERO_WORDS:
        return 0
    if s in _VAGUE:
        raise Problem(Code.COUNT_VAGUE)
    s = re.sub(r"\s*-?\s*(?:mal|male|x)$|^x\s*", "", s).strip()
    if s in ZERO_WORDS:
        return 0
    if s in _VAGUE:
        raise Problem(Code.COUNT_VAGUE)
    return parse_count(_english_amount(s))


# Dates

MONTHS = {
    name: english
    for english, names in (
        ("january", ("januar", "jaenner", "jan", "jaen")),
        ("february", ("februar", "feber", "feb", "febr")),
        ("march", ("maerz", "marz", "mrz", "maer", "mar")),
        ("april", ("april", "apr")),
        ("may", ("mai",)),
        ("june", ("juni", "jun", "juno")),
        ("july", ("juli", "jul")),
        ("august", ("august", "aug")),
        ("september", ("september", "sep", "sept")),
        ("october", ("oktober", "okt")),
        ("november", ("november", "nov")),
        ("december", ("dezember", "dez")),
    )
    for name in names
}
_WEEKDAY = re.compile(
    r"^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    r"|mo|di|mi|do|fr|sa|so)\.?,?\s+"
)
_MONTH_WORD = re.compile(r"\b(?P<month>[a-z]+)\.?(?=\s|$)")
_RELATIVE = {"heute": 0, "gestern": 1, "vorgestern": 2, "heute nacht": 0, "letzte nacht": 1}


def parse_day_de(text: str, today: date) -> date:
    """ "1. September", "1.9.2026", "2026-09-01", "gestern"; the rules of bot/parsing/dates.py
    (no year = the latest such day not in the future)."""
    s = unicodedata.normalize("NFKC", text or "").casefold().translate(_UMLAUTS)
    s = " ".join(s.split()).strip(" ,!?")
    s = re.sub(r"^(?:am|den|dem|vom|ab|seit)\s+", "", s)
    s = _WEEKDAY.sub("", s)
    if s.rstrip(".") in _RELATIVE:
        return today - timedelta(days=_RELATIVE[s.rstrip(".")])
    s = re.sub(r"^(\d{1,2})\.\s*(?=[a-z])", r"\1 ", s)  # "1. september" → "1 september"
    s = _MONTH_WORD.sub(lambda m: MONTHS.get(m["month"], m["month"]), s)
    s = re.sub(r"^(\d{1,2}\.\d{1,2})\.$", r"\1", s)  # "1.9." → "1.9"
    return parse_day(s, today)


# Skip, none, yes and no

SKIP_WORDS = {
    "ueberspringen", "uberspringen", "skip", "weiter", "naechste", "naechste frage",
    "auslassen", "weglassen", "passe", "pass", "-", "keine angabe", "k.a.", "k. a.", "ka",
}  # fmt: skip
YES_WORDS = {
    "ja", "j", "jo", "joa", "jap", "jep", "jup", "jawohl", "klar", "na klar", "gern", "gerne",
    "ja gern", "ja gerne", "ja bitte", "bitte", "ok", "okay", "oki", "genau", "sicher", "doch",
    "jaa", "jaja", "yes", "y", "passt", "in ordnung", "einverstanden", "ja klar",
}  # fmt: skip
NO_WORDS = {
    "nein", "n", "noe", "nee", "ne", "neh", "nein danke", "danke nein", "nee danke",
    "lieber nicht", "no", "nicht", "auf keinen fall", "eher nicht", "nein, danke",
}  # fmt: skip
NONE_WORDS = {
    "nein", "keine", "kein", "keins", "keines", "keinen", "nichts", "nix", "null", "gar",
    "nicht", "heute", "abend", "heut", "medikament", "medikamente", "medis", "meds",
    "tabletten", "tablette", "pillen", "genommen", "eingenommen", "ich", "habe", "hab",
    "noch", "danke", "n/a", "mehr", "diesmal", "ueberhaupt", "nee", "noe", "davon",
}  # fmt: skip
NONE_MARKERS = {"nein", "keine", "kein", "keins", "keines", "keinen", "nichts", "nix", "null",
                "nicht", "n/a", "nee", "noe"}  # fmt: skip


class GermanInput:
    def clock(self, text: str) -> time:
        return parse_clock(text)

    def minutes(self, text: str) -> int:
        return parse_minutes_de(text)

    def count(self, text: str) -> int:
        return parse_count_de(text)

    def number(self, text: str) -> int:
        s = fold(text)
        s = re.sub(r"\s*(?:/\s*10|von 10|von zehn|aus 10)$", "", s).strip()
        cleaned = words_to_digits(s)
        if not (cleaned.isascii() and cleaned.isdigit()):
            raise Problem(Code.NUMBER_UNREADABLE)
        return int(cleaned)

    def day(self, text: str, today: date) -> date:
        return parse_day_de(text, today)

    def looks_like_number(self, text: str) -> bool:
        return any(ch.isdigit() for ch in words_to_digits(fold(text)))

    def is_skip(self, text: str) -> bool:
        return fold(text).strip(".!") in SKIP_WORDS or text.strip() == "-"

    def says_none(self, text: str) -> bool:
        s = unicodedata.normalize("NFKC", text or "").casefold().translate(_UMLAUTS)
        words = re.sub(r"[,.!]", " ", s).split()
        return bool(words) and set(words) <= NONE_WORDS and bool(set(words) & NONE_MARKERS)

    def yes_no(self, text: str) -> bool | None:
        s = unicodedata.normalize("NFKC", text or "").casefold().translate(_UMLAUTS)
        said = " ".join(s.replace(",", " ").split()).strip(" .!")
        if said in YES_WORDS:
            return True
        if said in NO_WORDS:
            return False
        return None


GERMAN = GermanInput()
