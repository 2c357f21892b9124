"""What English answers share before they are read: spacing, hedges, number words.

"about twenty-five", "7ish", "maybe three?" → "25", "7", "3".
"""

from __future__ import annotations

import re
import unicodedata

UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(TENS)})(?:[\s-]+(?P<unit>{'|'.join(UNITS[1:10])}))?"
    rf"|(?P<small>{'|'.join(UNITS)}))\b"
)
_ESTIMATE = re.compile(
    r"^(?:(?:about|around|approx\.?|approximately|roughly|maybe|perhaps|probably|almost|nearly"
    r"|just over|just under|over|under|less than|more than|at least|at most|ca\.?|c\.|~)\s*)+"
)
_TAIL = re.compile(r"\s*(?:-?ish|or so|\?|!|\.)+$")


def normalize(text: str) -> str:
    """Casefolded, NFKC, one space between words, minus/dash signs as '-', hedges removed."""
    s = unicodedata.normalize("NFKC", text or "").casefold()
    s = s.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    s = s.replace("\u2019", "'")
    s = " ".join(s.split())
    s = _TAIL.sub("", s)
    return _ESTIMATE.sub("", s).strip()


def words_to_digits(s: str) -> str:
    """ "twenty-five" → "25", "three" → "3"; "a"/"an" before a unit → "1" ("an hour")."""

    def number(m: re.Match[str]) -> str:
        if m["small"]:
            return str(UNITS.index(m["small"]))
        unit = UNITS.index(m["unit"]) if m["unit"] else 0
        return str(TENS[m["tens"]] + unit)

    s = re.sub(r"\ban?\s+(?=(?:hour|hr|minute|min)\b)", "1 ", s)
    return _WORD_NUMBER.sub(number, s)
