"""Know when the bot has *finished handling* an update, so waits need no guessing.

Over HTTP alone the stand-in cannot tell "the bot is done" from "the bot is still busy": a
handler that answers a callback query and only then sends a follow-up message looks finished
after the answer, and a quiet period long enough for a slow database would make every test slow.
PTB's ``Application`` routes every update through ``process_update`` (awaited until the
handlers finish), so :class:`TrackedApplication`, an ``Application`` subclass, reports each
finished update id to the running stand-in it talks to (matched by its bot's base URL)
through the stand-in's :meth:`~.waiting.Waiting.mark_handled`. Build the bot with it, by PTB's
public hook for that::

    ApplicationBuilder().application_class(TrackedApplication)...
    build_application(settings, clock, application_class=TrackedApplication)  # bot.app

A stand-in with ``track_handling`` on (the default) waits for these reports, so the
Application handling its updates must be a ``TrackedApplication``; with it off, waits rely
on a quiet period alone and any Application will do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from telegram.ext import Application

if TYPE_CHECKING:
    from .server import BotApiStandin

_running: list[BotApiStandin] = []


def register(standin: BotApiStandin) -> None:
    """A stand-in started listening (at ``standin.url``): it gets the reports for its URL."""
    if standin not in _running:
        _running.append(standin)


def unregister(standin: BotApiStandin) -> None:
    if standin in _running:
        _running.remove(standin)


def standin_for(base_url: str) -> BotApiStandin | None:
    """The running stand-in that serves a bot whose Bot API base URL is ``base_url``."""
    for standin in _running:
        if standin.url and base_url.startswith(f"{standin.url}/"):
            return standin
    return None


class TrackedApplication(Application[Any, Any, Any, Any, Any, Any]):
    """An ``Application`` that tells its stand-in when it has finished handling an update."""

    __slots__ = ()

    async def process_update(self, update: object) -> None:
        try:
            await super().process_update(update)
        finally:
            update_id = getattr(update, "update_id", None)
            standin = standin_for(str(self.bot.base_url))
            if isinstance(update_id, int) and standin is not None:
                standin.mark_handled(update_id)
