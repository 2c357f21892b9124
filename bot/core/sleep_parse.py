"""Reading the morning diary's typed answers: durations, counts and clock times.

People answer on a phone, half awake: "20", "1 h 15", "1:15", "half an hour", "none",
"three", "twice", "7ish", "quarter to 7". Every failure is a ValueError whose str() is short,
kind and safe to show verbatim: like clock_parse, it never echoes the raw input (it may
contain markup), only numbers we parsed ourselves.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import time
from decimal import ROUND_HALF_UP, Decimal

from bot.core.clock_parse import ClockError, parse_clock

MAX_MINUTES = 720  # 12 h: more to fall asleep, or awake in one night, is a typo
MAX_COUNT = 50  # awakenings or times up in one night

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[\s-]+(?P<unit>{'|'.join(_UNITS[1:10])}))?"
    rf"|(?P<small>{'|'.join(_UNITS)}))\b"
)
_ESTIMATE = re.compile(
    r"^(?:(?:about|around|approx\.?|approximately|roughly|maybe|perhaps|probably|almost|nearly"
    r"|just over|just under|over|under|less than|more than|at least|at most|ca\.?|c\.|~)\s*)+"
)
_TAIL = re.compile(r"\s*(?:-?ish|or so|\?|!|\.)+$")
_RANGE = re.compile(r"\d\s*(?:-|to|or|/)\s*\d")
_NEGATIVE = re.compile(r"^-\s*\d")

_HOUR = r"(?:h|hr|hrs|hour|hours|std)\.?"
_MIN = r"(?:m|min|mins|minute|minutes|mn|')\.?"
_H_COLON_M = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})$")
_H_AND_M = re.compile(
    rf"^(?P<h>\d+(?:[.,]\d+)?)\s*{_HOUR}\s*(?:and\s*)?(?:(?P<m>\d+)\s*(?:{_MIN})?)?$"
)
_HALF_HOURS = re.compile(
    rf"^(?P<h>\d+)\s*(?:and a half\s*{_HOUR}|{_HOUR}\s*and a half)$"
)  # "1 and a half hours", "1 hour and a half"
_M_ONLY = re.compile(rf"^(?P<m>\d+(?:[.,]\d+)?)\s*(?:{_MIN})?$")
_BARE_DECIMAL = re.compile(r"^\d+[.,]\d+$")

_ZERO_WORDS = {
    "none", "no", "nope", "zero", "nil", "nothing", "not at all", "none at all", "no time",
    "never", "not once", "didn't", "did not", "i didn't",
    "straight away", "right away", "immediately", "instantly", "at once",
}  # fmt: skip
_MINUTE_PHRASES = {
    "half an hour": 30, "half a hour": 30, "a half hour": 30, "half hour": 30,
    "quarter of an hour": 15, "a quarter of an hour": 15, "a quarter hour": 15,
    "quarter hour": 15, "three quarters of an hour": 45, "three quarter hour": 45,
    "an hour and a half": 90, "hour and a half": 90, "a hour and a half": 90,
    "a minute": 1, "a couple of minutes": 2, "a couple minutes": 2,
}  # fmt: skip
_COUNT_WORDS = {"once": 1, "twice": 2, "thrice": 3, "a couple": 2, "couple": 2, "a couple of": 2}
_VAGUE = {"a few", "few", "several", "some", "many", "lots", "a lot", "loads", "a bit", "a while"}

_MINUTES_HINT = "try 20, 1 h 15 or none"
_COUNT_HINT = "try 2, or none"


def _normalize(text: str) -> str:
    """Casefolded, NFKC, one space between words, minus/dash signs as '-', fillers removed."""
    s = unicodedata.normalize("NFKC", text or "").casefold()
    s = s.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    s = s.replace("\u2019", "'")
    s = " ".join(s.split())
    s = _TAIL.sub("", s)
    return _ESTIMATE.sub("", s).strip()


def _words_to_digits(s: str) -> str:
    """ "twenty-five" → "25", "three" → "3"; "a"/"an" before a unit → "1" ("an hour")."""

    def number(m: re.Match[str]) -> str:
        if m["small"]:
            return str(_UNITS.index(m["small"]))
        unit = _UNITS.index(m["unit"]) if m["unit"] else 0
        return str(_TENS[m["tens"]] + unit)

    s = re.sub(r"\ban?\s+(?=(?:hour|hr|minute|min)\b)", "1 ", s)
    return _WORD_NUMBER.sub(number, s)


def _round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _to_decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", "."))


def format_minutes(minutes: int) -> str:
    """A duration the way we show it: "45 min", "7 h 05 min", "0 min"."""
    if minutes < 0:
        raise ValueError("a duration can't be negative")
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def parse_minutes(text: str) -> int:
    """Minutes from "20", "20 min", "1h", "1 h 15", "1:15", "1.5 h", "an hour", "none", ...

    Rejects negatives, ranges ("20-30": we ask for one best guess rather than pick for them),
    a bare decimal ("1.5": hours or minutes?) and anything over 12 hours.
    """
    s = _normalize(text)
    if not s:
        raise ValueError(f"Please send a number of minutes — {_MINUTES_HINT}.")
    if s in _ZERO_WORDS:
        return 0
    if _NEGATIVE.match(s):
        raise ValueError("Minutes can't be negative — send 0 if there were none.")
    if s in _MINUTE_PHRASES:
        return _MINUTE_PHRASES[s]
    if s in _VAGUE:
        raise ValueError("Please send a number — your best guess is fine, like 20.")
    minutes = _read_duration(_words_to_digits(s))
    if minutes > MAX_MINUTES:
        raise ValueError(
            f"{format_minutes(minutes)} is more than 12 hours — could you check it? "
            "Your best guess in minutes is fine, like 45."
        )
    return minutes


def _read_duration(s: str) -> int:
    """Minutes from a normalized answer whose number words are already digits."""
    if _RANGE.search(s):
        raise ValueError("Please send one number — your best guess is fine, like 25.")
    if m := _H_COLON_M.match(s):
        hours, mins = int(m["h"]), int(m["m"])
        if mins > 59:
            total = hours * 60 + mins
            raise ValueError(f"Minutes after the colon stop at 59 — try just minutes: {total}.")
        return hours * 60 + mins
    if m := _HALF_HOURS.match(s):
        return int(m["h"]) * 60 + 30
    if m := _H_AND_M.match(s):
        return _round_half_up(_to_decimal(m["h"]) * 60) + int(m["m"] or 0)
    if _BARE_DECIMAL.match(s):
        raise ValueError("Is that hours? Please send it like 1 h 30, or in minutes, like 90.")
    if m := _M_ONLY.match(s):
        return _round_half_up(_to_decimal(m["m"]))
    raise ValueError(f"I couldn't read that as minutes — {_MINUTES_HINT}.")


def parse_count(text: str) -> int:
    """A count from 0 to 50: "3", "three", "3 times", "3x", "twice", "none", "0"."""
    s = _normalize(text)
    if not s:
        raise ValueError(f"Please send a number — {_COUNT_HINT}.")
    if s in _ZERO_WORDS:
        return 0
    if _NEGATIVE.match(s):
        raise ValueError("That can't be below zero — send 0 if there were none.")
    s = re.sub(r"\s*(?:times?|x)$|^x\s*", "", s)
    if s in _COUNT_WORDS:
        return _COUNT_WORDS[s]
    if s in _VAGUE:
        raise ValueError("Please send a number — your best guess is fine, like 3.")
    s = _words_to_digits(s)
    if _RANGE.search(s):
        raise ValueError("Please send one number — your best guess is fine, like 3.")
    if re.fullmatch(r"\d+[.,]\d+", s):
        raise ValueError("Please send a whole number, like 2.")
    if not s.isdigit():
        raise ValueError(f"I couldn't read that as a number — {_COUNT_HINT}.")
    count = int(s)
    if count > MAX_COUNT:
        raise ValueError(f"That's more than {MAX_COUNT} — could you check the number?")
    return count


_QUARTER = re.compile(r"^(?P<how>half past|quarter past|quarter to|half)\s+(?P<clock>.+)$")
_QUARTER_SHIFT = {"half past": 30, "half": 30, "quarter past": 15, "quarter to": -15}


def parse_diary_clock(text: str) -> time:
    """A time of day as parse_clock reads it, plus "7ish", "seven", "half past 6", "quarter to 7".

    A bare hour is 24-hour ("7" → 07:00, "11" → 11:00). "half 7" is the British 07:30.
    Raises ClockError (a ValueError) with a short, kind reason.
    """
    s = _normalize(text)
    s = re.sub(r"^(?:at|around|about)\s+", "", s)
    if m := _QUARTER.match(s):
        base = parse_clock(_words_to_digits(m["clock"]))
        if base.minute:
            raise ClockError("Try it as 7:30 or 23:15.")
        total = (base.hour * 60 + _QUARTER_SHIFT[m["how"]]) % (24 * 60)
        return time(total // 60, total % 60)
    return parse_clock(_words_to_digits(s))
