"""Value types shared by the FAQ engine, its safety layer and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ReplyKind = Literal["answer", "no_match", "decline", "crisis", "smalltalk"]


@dataclass(frozen=True)
class Suggestion:
    """A topic offered as a button: ``topic`` is the callback id, ``title`` the label
    (translated)."""

    topic: str
    title: str


@dataclass(frozen=True)
class Reply:
    """One reply of the bot, in the language asked for; ``text`` is Telegram HTML (only <b>,
    <i>, <a href>)."""

    kind: ReplyKind
    topic: str | None
    text: str
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class Topic:
    """One FAQ topic: the answer itself plus the vocabulary used to find it.

    ``title``, ``body`` (a Telegram-HTML fragment written in our own words) and ``sources``
    are catalog texts, marked with N_ and translated when shown; the matcher reads the
    English title. ``keywords`` is a comma-separated list of words and phrases (weighted
    highest by the matcher); ``examples`` are questions the way people ask them: both are
    English input-matching data, never shown. ``related`` feeds suggestions.
    """

    id: str
    title: str
    body: str
    sources: tuple[str, ...]
    keywords: str
    examples: tuple[str, ...]
    related: tuple[str, ...] = ()
