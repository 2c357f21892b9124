"""Value types shared by the FAQ engine, its safety layer and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ReplyKind = Literal["answer", "no_match", "decline", "crisis"]


@dataclass(frozen=True)
class Suggestion:
    """A topic offered as a button: ``topic`` is the callback id, ``title`` the label."""

    topic: str
    title: str


@dataclass(frozen=True)
class Reply:
    """One reply of the bot; ``text`` is Telegram HTML (only <b>, <i>, <a href>)."""

    kind: ReplyKind
    topic: str | None
    text: str
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class Topic:
    """One FAQ topic: the answer itself plus the vocabulary used to find it.

    ``body`` is a Telegram-HTML fragment written in our own words. ``keywords`` is a
    comma-separated list of words and phrases (weighted highest by the matcher);
    ``examples`` are questions the way people ask them. ``related`` feeds suggestions.
    """

    id: str
    title: str
    body: str
    sources: tuple[str, ...]
    keywords: str
    examples: tuple[str, ...]
    related: tuple[str, ...] = ()
