"""Know when the bot has *finished handling* an update, so waits need no guessing.

Over HTTP alone the stand-in cannot tell "the bot is done" from "the bot is still busy": a
handler that answers a callback query and only then sends a follow-up message looks finished
after the answer, and a quiet period long enough for a slow database would make every test slow.
PTB's ``Application`` routes every update through ``process_update`` (awaited until the
handlers finish), so while a stand-in runs we wrap that method on the class and report each
finished update id to the stand-in the Application talks to (matched by its base URL).
``Application`` has ``__slots__``, so wrapping a single instance is not possible.

The wrapper is installed by the first running stand-in and removed when the last one stops.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from telegram.ext import Application

if TYPE_CHECKING:
    from .server import BotApiStandin

ProcessUpdate = Callable[[Any, object], Coroutine[Any, Any, None]]

_active: list[BotApiStandin] = []
_original: ProcessUpdate | None = None


def install(standin: BotApiStandin) -> None:
    global _original
    if not _active:
        original: ProcessUpdate = Application.process_update
        _original = original

        async def process_update(app: Any, update: object) -> None:
            try:
                await original(app, update)
            finally:
                _report(app, update)

        Application.process_update = process_update  # type: ignore[method-assign]
    _active.append(standin)


def uninstall(standin: BotApiStandin) -> None:
    global _original
    if standin in _active:
        _active.remove(standin)
    if not _active and _original is not None:
        Application.process_update = _original  # type: ignore[method-assign]
        _original = None


def _report(app: Any, update: object) -> None:
    update_id = getattr(update, "update_id", None)
    if not isinstance(update_id, int):
        return
    base = str(getattr(app.bot, "base_url", ""))
    for standin in _active:
        if standin.url and base.startswith(f"{standin.url}/"):
            standin._on_handled(update_id)
