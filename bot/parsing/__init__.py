"""Reading what people type, per language, behind one interface.

Everything else in the bot is language-neutral: it gets times, minutes, counts and yes/no
from an :class:`InputParser` and words from the catalog (bot/i18n). A new language brings its
own parser (its number words, skip words, how it writes times) and registers it here.
"""

from __future__ import annotations

from datetime import date, time
from typing import Protocol

from bot.parsing.english import ENGLISH
from bot.parsing.german import GERMAN
from bot.parsing.portuguese import PORTUGUESE
from bot.parsing.russian import RUSSIAN
from bot.parsing.spanish import SPANISH


class InputParser(Protocol):
    """Each method raises bot.core.problems.Problem for text it cannot read as asked."""

    def clock(self, text: str) -> time:
        """A time of day: "21:30", "9:30pm", "seven", "half past 6"."""
        ...

    def minutes(self, text: str) -> int:
        """A duration in minutes: "20", "1 h 15", "half an hour", "none"."""
        ...

    def count(self, text: str) -> int:
        """How many times: "3", "three", "twice", "none"."""
        ...

    def number(self, text: str) -> int:
        """A whole number on a scale: "7", "7/10", "seven"."""
        ...

    def day(self, text: str, today: date) -> date:
        """A day that is over or today: "1 September", "2026-09-01", "yesterday"."""
        ...

    def looks_like_number(self, text: str) -> bool:
        """Whether the text is meant as a number at all (else it may be a question)."""
        ...

    def is_skip(self, text: str) -> bool:
        """ "skip", "pass", "next": the same as tapping Skip."""
        ...

    def says_none(self, text: str) -> bool:
        """ "none", "nothing", "no medicine tonight": nothing to add at a list question."""
        ...

    def yes_no(self, text: str) -> bool | None:
        """True for yes, False for no, None when it is neither."""
        ...


PARSERS: dict[str, InputParser] = {
    "en": ENGLISH,
    "ru": RUSSIAN,
    "de": GERMAN,
    "es": SPANISH,
    "pt": PORTUGUESE,
}


def parser_for(language: str) -> InputParser:
    return PARSERS.get(language, ENGLISH)
