"""Names users give their medicines and their own factors: recorded as typed, nothing more."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.problems import Code, Problem

NAME_MAX_CHARS = 64
MIN_LETTERS = 2  # "x", "-", "1" are no medicine; "B12" and "Iron" are
FACTOR_MAX_CHARS = 40
MAX_FACTORS = 8  # own factors asked beside the built-in ones: more would crowd the screen
CHANGE_MAX_CHARS = 200


@dataclass(frozen=True)
class Words:
    """What typed words must be: not empty, at most `most` characters, and (for a name)
    with at least MIN_LETTERS letters; the Problem codes that say which rule failed."""

    most: int
    empty: Code
    too_long: Code
    unlikely: Code | None = None

    def read(self, text: str) -> str:
        """The words as they will be stored (spaces tidied), or the Problem."""
        words = " ".join(text.split())
        if not words:
            raise Problem(self.empty)
        if len(words) > self.most:
            raise Problem(self.too_long, length=len(words), most=self.most)
        if self.unlikely is not None and sum(ch.isalpha() for ch in words) < MIN_LETTERS:
            raise Problem(self.unlikely)
        return words


MEDICINE_NAME_RULES = Words(
    NAME_MAX_CHARS,
    Code.MEDICINE_NAME_EMPTY,
    Code.MEDICINE_NAME_TOO_LONG,
    Code.MEDICINE_NAME_UNLIKELY,
)
FACTOR_NAME_RULES = Words(
    FACTOR_MAX_CHARS, Code.FACTOR_NAME_EMPTY, Code.FACTOR_NAME_TOO_LONG, Code.FACTOR_NAME_UNLIKELY
)
# What changed about a medicine, in the user's words ("dose changed to 0.5 mg").
CHANGE_NOTE_RULES = Words(CHANGE_MAX_CHARS, Code.CHANGE_NOTE_EMPTY, Code.CHANGE_NOTE_TOO_LONG)


def looks_like_a_name(text: str) -> bool:
    """At the medicine question a short phrase is a new medicine; a sentence is not."""
    return "?" not in text and len(text.split()) <= 4
