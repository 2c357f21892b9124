"""Medicine names as users type them: the bot records a name and a time, nothing more."""

from __future__ import annotations

from bot.core.problems import Code, Problem

NAME_MAX_CHARS = 64


def medicine_name(text: str) -> str:
    """The name as it will be stored (spaces tidied); a Problem when empty or too long."""
    name = " ".join(text.split())
    if not name:
        raise Problem(Code.MEDICINE_NAME_EMPTY)
    if len(name) > NAME_MAX_CHARS:
        raise Problem(Code.MEDICINE_NAME_TOO_LONG, length=len(name), most=NAME_MAX_CHARS)
    return name


def looks_like_a_name(text: str) -> bool:
    """At the medicine question a short phrase is a new medicine; a sentence is not."""
    return "?" not in text and len(text.split()) <= 4
