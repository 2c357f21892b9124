"""Reading a time of day the way people type it on a phone at midnight.

Every failure is a ClockError whose str() is short, kind and safe to show verbatim: it never
echoes the raw input (it may contain markup), only numbers we parsed ourselves.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import time

_TRY = "try 21:30 or 9:30pm"

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


class ClockError(ValueError):
    """str(err) is a short user-facing reason, e.g. "25:00 isn't a time of day — try 21:30"."""


def format_clock(t: time) -> str:
    """24-hour "HH:MM", the form we echo back and store."""
    return f"{t.hour:02d}:{t.minute:02d}"


def parse_clock(text: str) -> time:
    """A time of day from free text: "21:30", "9:30pm", "2130", "21h", "noon", ...

    Bare numbers are 24-hour ("7" is 07:00, "930" is 09:30). "24:00" is read as midnight.
    """
    s = unicodedata.normalize("NFKC", text or "").strip().casefold()
    s = s.replace("\u2212", "-").replace("\u2013", "-")
    if not s:
        raise ClockError("Please send a time, like 21:30 or 9:30pm.")
    s = _FILLER.sub("", s).strip()
    if s in _NAMED:
        return _NAMED[s]
    if s.startswith("-"):
        raise ClockError(f"A time can't be negative — {_TRY}.")
    if _DATE.search(s):
        raise ClockError("That looks like a date — I only need the time, like 21:30.")

    meridiem = None
    m = _MERIDIEM.match(s)
    if m and m["rest"] and m["rest"][-1].isdigit():
        s, meridiem = m["rest"], m["ap"]

    hour, minute = _split(s)
    if minute > 59:
        raise ClockError(f"Minutes only go up to 59, so {hour}:{minute:02d} won't work — {_TRY}.")
    if meridiem is not None:
        hour = _from_12h(hour, minute, meridiem)
    elif hour == 24 and minute == 0:
        hour = 0
    if hour > 23:
        raise ClockError(f"{hour}:{minute:02d} isn't a time of day — {_TRY}.")
    return time(hour, minute)


def _split(s: str) -> tuple[int, int]:
    """Hour and minute from the digits alone (meridiem already removed); not yet range-checked."""
    if m := _HH_MM.match(s):
        if len(m["m"]) != 2:
            raise ClockError(f"Please use two digits for the minutes, like {m['h']}:05.")
        return int(m["h"]), int(m["m"])
    if m := _HH.match(s):
        return int(m["h"]), 0
    if _DIGITS.match(s):
        if len(s) > 4:
            raise ClockError("That has too many digits for a time — try 2130 or 21:30.")
        return int(s[:-2]), int(s[-2:])
    if any(ch.isalpha() for ch in s):
        raise ClockError(f"I couldn't read that as a time — {_TRY}.")
    raise ClockError(f"That doesn't look like a time — {_TRY}.")


def _from_12h(hour: int, minute: int, meridiem: str) -> int:
    """12-hour clock to 24-hour: 12am is 00, 12pm is 12."""
    suffix = f"{meridiem}m"
    mm = f":{minute:02d}" if minute else ""
    if 12 < hour < 24:
        as_24h = f"{hour}:{minute:02d}"
        raise ClockError(
            f"{hour}{mm}{suffix} mixes 24-hour and am/pm — try {hour - 12}{mm}pm or {as_24h}."
        )
    if hour >= 24:
        raise ClockError(f"{hour}{mm}{suffix} isn't a time of day — {_TRY}.")
    if hour == 0:
        other = "00" if meridiem == "a" else "12"
        raise ClockError(
            f"With am/pm the hours run 1 to 12 — try 12{mm}{suffix} or {other}:{minute:02d}."
        )
    if meridiem == "a":
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12
