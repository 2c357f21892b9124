"""The safety checks in the bot's other languages, run after the English ones.

Each language brings a module ``bot/faq/safety_<code>.py`` with four compiled patterns,
searched in :func:`fold`-ed text (NFKC, case folded, single spaces, accents kept):
``CRISIS``, ``OVERDOSE`` (taken already), ``RED_FLAG`` and ``DOSING``. Every language's
patterns run on every message, whatever the user's language (a question typed in another
of them is still caught), kind by kind in that order: a crisis phrase in any language wins
over a dosing question in another. The reply is in the user's language, with the help lines
of their country.

A language is registered by one line in :data:`PATTERNS` (docs/LANGUAGES.md).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Protocol

from bot.faq import safety_de, safety_es, safety_pt, safety_ru


class Patterns(Protocol):
    """What a language's safety module exports (module attributes)."""

    @property
    def CRISIS(self) -> re.Pattern[str]: ...

    @property
    def OVERDOSE(self) -> re.Pattern[str]: ...

    @property
    def RED_FLAG(self) -> re.Pattern[str]: ...

    @property
    def DOSING(self) -> re.Pattern[str]: ...


class Alarm(StrEnum):
    """What a language's patterns found, in the order they are looked for."""

    CRISIS = "crisis"
    OVERDOSE = "overdose"
    RED_FLAG = "red_flag"
    DOSING = "dosing"


#: The languages with safety patterns of their own (English's are bot/faq/safety.py).
PATTERNS: dict[str, Patterns] = {"ru": safety_ru, "de": safety_de, "es": safety_es, "pt": safety_pt}


def fold(text: str) -> str:
    """The text the patterns read: NFKC, case folded, whitespace made single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def alarm(text: str) -> Alarm | None:
    """The first kind that any language's patterns find in `text`, or None."""
    folded = fold(text)
    for kind in Alarm:
        if any(_pattern(patterns, kind).search(folded) for patterns in PATTERNS.values()):
            return kind
    return None


def _pattern(patterns: Patterns, kind: Alarm) -> re.Pattern[str]:
    match kind:
        case Alarm.CRISIS:
            return patterns.CRISIS
        case Alarm.OVERDOSE:
            return patterns.OVERDOSE
        case Alarm.RED_FLAG:
            return patterns.RED_FLAG
    return patterns.DOSING
