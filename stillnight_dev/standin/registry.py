"""Method registry: maps a Bot API method name to its implementation.

Method names are case-insensitive in the Bot API, so lookups use the lower-cased name; the
canonical spelling is kept for ``calls`` and messages.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiohttp import web

    from .server import BotApiStandin


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str | None
    data: bytes
    content_type: str | None


@dataclass
class Ctx:
    """One decoded request."""

    method: str
    params: dict[str, Any]
    request: web.Request
    files: dict[str, Upload] = field(default_factory=dict)


Handler = Callable[["BotApiStandin", Ctx], Awaitable[Any]]


@dataclass(frozen=True)
class MethodSpec:
    name: str
    handler: Handler
    visible: bool  # changes what the user sees in a chat (counts as "the bot replied")


METHODS: dict[str, MethodSpec] = {}


def api_method(name: str, *, visible: bool = False) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        METHODS[name.lower()] = MethodSpec(name, fn, visible)
        return fn

    return register
