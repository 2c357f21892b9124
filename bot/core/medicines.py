"""Names users give their medicines and their own factors: recorded as typed, nothing more."""

from __future__ import annotations

from bot.core.problems import Code, Problem

NAME_MAX_CHARS = 64
MIN_LETTERS = 2  # "x", "-", "1" are no medicine; "B12" and "Iron" are
FACTOR_MAX_CHARS = 40
MAX_FACTORS = 8  # own factors asked beside the built-in ones: more would crowd the screen
CHANGE_MAX_CHARS = 200


def medicine_name(text: str) -> str:
    """The name as it will be stored (spaces tidied); a Problem when empty or too long."""
    name = " ".join(text.split())
    if not name:
        raise Problem(Code.MEDICINE_NAME_EMPTY)
    if len(name) > NAME_MAX_CHARS:
        raise Problem(Code.MEDICINE_NAME_TOO_LONG, length=len(name), most=NAME_MAX_CHARS)
    if sum(ch.isalpha() for ch in name) < MIN_LETTERS:
        raise Problem(Code.MEDICINE_NAME_UNLIKELY)
    return name


def factor_name(text: str) -> str:
    """A factor of the user's own, as it will be stored; a Problem for an unlikely one."""
    name = " ".join(text.split())
    if not name:
        raise Problem(Code.FACTOR_NAME_EMPTY)
    if len(name) > FACTOR_MAX_CHARS:
        raise Problem(Code.FACTOR_NAME_TOO_LONG, length=len(name), most=FACTOR_MAX_CHARS)
    if sum(ch.isalpha() for ch in name) < MIN_LETTERS:
        raise Problem(Code.FACTOR_NAME_UNLIKELY)
    return name


def change_note(text: str) -> str:
    """What changed about a medicine, in the user's words ("dose changed to 0.5 mg")."""
    note = " ".join(text.split())
    if not note:
        raise Problem(Code.CHANGE_NOTE_EMPTY)
    if len(note) > CHANGE_MAX_CHARS:
        raise Problem(Code.CHANGE_NOTE_TOO_LONG, length=len(note), most=CHANGE_MAX_CHARS)
    return note


def looks_like_a_name(text: str) -> bool:
    """At the medicine question a short phrase is a new medicine; a sentence is not."""
    return "?" not in text and len(text.split()) <= 4
