"""Reading a time of day the way people type it in English on a phone at midnight.

"21:30", "9:30pm", "2130", "21h", "noon", "7ish", "seven", "half past 6", "quarter to 7",
"ten past eleven", "twenty to seven". Every failure is a Problem with a code
(bot/core/problems.py); its values are numbers and times we parsed ourselves, never the raw
input (it may contain markup).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import time

from bot.core.problems import Code, Problem
from bot.parsing.numbers import normalize, words_to_digits

_NAMED = {
    "noon": time(12, 0),
    "midday": time(12, 0),
    "12 noon": time(12, 0),
    "midnight": time(0, 0),
    "12 midnight": time(0, 0),
}

# "at 9pm", "around 21:30", "9 o'clock", "21:30h": words around the time that carry nothing.
_FILLER = re.compile(
    r"^(?:(?:at|around|about|approx\.?|ca\.?)\s+|~\s*)|\s*(?:o['’]?clock|uhr|hrs|hours|h)$"
)
# "9pm", "9 p.m.", "9:30 PM", "9a" — the suffix is cut off before the digits are read.
_MERIDIEM = re.compile(r"^(?P<rest>.*?)\s*(?P<ap>[ap])\.?\s*(?:m\.?)?$")
_HH_MM = re.compile(r"^(?P<h>\d{1,2})\s*[:.,;h ]\s*(?P<m>\d+)(?:\s*:\s*\d{2})?$")
_HH = re.compile(r"^(?P<h>\d{1,2})\s*h?$")
_DIGITS = re.compile(r"^\d{3,}$")
_DATE = re.compile(r"\d\s*[/-]\s*\d|\d{1,4}\s*[.]\s*\d{1,2}\s*[.]\s*\d{2,4}")
_QUARTER = re.compile(r"^(?P<how>half past|quarter past|quarter to|half)\s+(?P<clock>.+)$")
_QUARTER_SHIFT = {"half past": 30, "half": 30, "quarter past": 15, "quarter to": -15}
# "ten past eleven", "twenty-five to 7", "5 minutes past 6": minutes before or after an hour.
_MINUTES_FROM = re.compile(
    r"^(?P<n>\d{1,2})\s+(?:minutes?\s+)?(?P<way>past|after|to|before)\s+(?P<clock>.+)$"
)
_WAY = {"past": 1, "after": 1, "to": -1, "before": -1}


def parse_clock(text: str) -> time:
    """A time of day from free text, number words and "half past 6" included.

    Bare numbers are 24-hour ("7" is 07:00, "930" is 09:30). "24:00" is read as midnight;
    "half 7" is the British 07:30.
    """
    s = normalize(text)
    s = re.sub(r"^(?:at|around|about)\s+", "", s)
    if m := _QUARTER.match(s):
        return _shifted(m["clock"], _QUARTER_SHIFT[m["how"]])
    digits = words_to_digits(s)
    if (m := _MINUTES_FROM.match(digits)) and 0 < int(m["n"]) < 60:
        return _shifted(m["clock"], _WAY[m["way"]] * int(m["n"]))
    return _digits_clock(digits)


def _shifted(hour: str, minutes: int) -> time:
    """`minutes` after (or, negative, before) a whole hour: "quarter to 7" is 06:45."""
    base = _digits_clock(words_to_digits(hour))
    if base.minute:
        raise Problem(Code.CLOCK_QUARTER_WITH_MINUTES)
    total = (base.hour * 60 + minutes) % (24 * 60)
    return time(total // 60, total % 60)


def _digits_clock(text: str) -> time:
    s = unicodedata.normalize("NFKC", text).strip().casefold()
    s = s.replace("\u2212", "-").replace("\u2013", "-")
    if not s:
        raise Problem(Code.CLOCK_EMPTY)
    s = _FILLER.sub("", s).strip()
    if s in _NAMED:
        return _NAMED[s]
    if s.startswith("-"):
        raise Problem(Code.CLOCK_NEGATIVE)
    if _DATE.search(s):
        raise Problem(Code.CLOCK_DATE)

    meridiem = None
    m = _MERIDIEM.match(s)
    if m and m["rest"] and m["rest"][-1].isdigit():
        s, meridiem = m["rest"], m["ap"]

    hour, minute = _split(s)
    if minute > 59:
        raise Problem(Code.CLOCK_MINUTES_OVER_59, given=f"{hour}:{minute:02d}")
    if meridiem is not None:
        hour = _from_12h(hour, minute, meridiem)
    elif hour == 24 and minute == 0:
        hour = 0
    if hour > 23:
        raise Problem(Code.CLOCK_NOT_A_TIME_OF_DAY, given=f"{hour}:{minute:02d}")
    return time(hour, minute)


def _split(s: str) -> tuple[int, int]:
    """Hour and minute from the digits alone (meridiem already removed); not yet range-checked."""
    if m := _HH_MM.match(s):
        if len(m["m"]) != 2:
            raise Problem(Code.CLOCK_TWO_DIGIT_MINUTES, example=f"{int(m['h'])}:05")
        return int(m["h"]), int(m["m"])
    if m := _HH.match(s):
        return int(m["h"]), 0
    if _DIGITS.match(s):
        if len(s) > 4:
            raise Problem(Code.CLOCK_TOO_MANY_DIGITS)
        return int(s[:-2]), int(s[-2:])
    if any(ch.isalpha() for ch in s):
        raise Problem(Code.CLOCK_UNREADABLE)
    raise Problem(Code.CLOCK_NOT_A_TIME)


def _from_12h(hour: int, minute: int, meridiem: str) -> int:
    """12-hour clock to 24-hour: 12am is 00, 12pm is 12."""
    suffix = f"{meridiem}m"
    mm = f":{minute:02d}" if minute else ""
    given = f"{hour}{mm}{suffix}"
    if 12 < hour < 24:
        raise Problem(
            Code.CLOCK_MIXED_12_24,
            given=given,
            as_12h=f"{hour - 12}{mm}pm",
            as_24h=f"{hour}:{minute:02d}",
        )
    if hour >= 24:
        raise Problem(Code.CLOCK_NOT_A_TIME_OF_DAY, given=given)
    if hour == 0:
        other = "00" if meridiem == "a" else "12"
        raise Problem(
            Code.CLOCK_ZERO_WITH_MERIDIEM,
            as_12h=f"12{mm}{suffix}",
            as_24h=f"{other}:{minute:02d}",
        )
    if meridiem == "a":
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12
