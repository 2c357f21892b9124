"""Reading English durations and counts: the morning diary's typed answers.

People answer on a phone, half awake: "20", "1 h 15", "1:15", "half an hour", "none",
"three", "twice". Every failure is a Problem with a code; like the clock parser, its values
never echo the raw input.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from bot.core.problems import Code, Minutes, Problem
from bot.parsing.numbers import normalize, words_to_digits

MAX_MINUTES = 720  # 12 h: more to fall asleep, or awake in one night, is a typo
MAX_COUNT = 50  # awakenings or times up in one night

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

ZERO_WORDS = {
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


def _round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _to_decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", "."))


def parse_minutes(text: str) -> int:
    """Minutes from "20", "20 min", "1h", "1 h 15", "1:15", "1.5 h", "an hour", "none", ...

    Rejects negatives, ranges ("20-30": we ask for one best guess rather than pick for them),
    a bare decimal ("1.5": hours or minutes?) and anything over 12 hours.
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
    minutes = _read_duration(words_to_digits(s))
    if minutes > MAX_MINUTES:
        raise Problem(Code.MINUTES_OVER_12H, duration=Minutes(minutes))
    return minutes


def _read_duration(s: str) -> int:
    """Minutes from a normalized answer whose number words are already digits."""
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
        return _round_half_up(_to_decimal(m["h"]) * 60) + int(m["m"] or 0)
    if _BARE_DECIMAL.match(s):
        raise Problem(Code.MINUTES_BARE_DECIMAL)
    if m := _M_ONLY.match(s):
        return _round_half_up(_to_decimal(m["m"]))
    raise Problem(Code.MINUTES_UNREADABLE)


def parse_count(text: str) -> int:
    """A count from 0 to 50: "3", "three", "3 times", "3x", "twice", "none", "0"."""
    s = normalize(text)
    if not s:
        raise Problem(Code.COUNT_EMPTY)
    if s in ZERO_WORDS:
        return 0
    if _NEGATIVE.match(s):
        raise Problem(Code.COUNT_NEGATIVE)
    s = re.sub(r"\s*(?:times?|x)$|^x\s*", "", s)
    if s in _COUNT_WORDS:
        return _COUNT_WORDS[s]
    if s in _VAGUE:
        raise Problem(Code.COUNT_VAGUE)
    s = words_to_digits(s)
    return checked_count(s, _RANGE)


def checked_count(digits: str, ranges: re.Pattern[str]) -> int:
    """A count written in digits (a language's words already turned into them), or the
    Problem: a range (by the language's `ranges`), a fraction, no number, too many."""
    if ranges.search(digits):
        raise Problem(Code.COUNT_RANGE)
    if re.fullmatch(r"\d+[.,]\d+", digits):
        raise Problem(Code.COUNT_NOT_WHOLE)
    if not (digits.isascii() and digits.isdigit()):
        raise Problem(Code.COUNT_UNREADABLE)
    count = int(digits)
    if count > MAX_COUNT:
        raise Problem(Code.COUNT_TOO_MANY, most=MAX_COUNT)
    return count
