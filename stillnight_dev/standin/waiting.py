"""Waiting for the bot, deterministically: state-change notification, quiet periods, and
diagnostics that say *why* a wait failed (update never fetched, dropped, handled silently...).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TypeVar

from .polling import UpdateQueue
from .state import Call, ChatState

T = TypeVar("T")


class Waiting:
    """Mixin of :class:`~.server.BotApiStandin` holding everything about waiting."""

    quiet: float
    handled_quiet: float
    reply_timeout: float
    track_handling: bool
    calls: list[Call]
    violations: list[str]
    _handled: set[int]
    _queue: UpdateQueue
    _changed: asyncio.Event
    _last_poll: float | None
    _last_request: float

    def _notify(self) -> None:
        """Wake everything waiting for a state change (long polls, test waits)."""
        self._changed.set()
        self._changed = asyncio.Event()

    def handled(self, update_id: int) -> bool:
        """Whether the bot finished handling the update (reported by :meth:`mark_handled`).

        Always true when ``track_handling`` is off: waits then rely on the quiet period alone.
        """
        return not self.track_handling or update_id in self._handled

    def quiet_after_update(self) -> float:
        return self.handled_quiet if self.track_handling else self.quiet

    def mark_handled(self, update_id: int) -> None:
        """The bot finished handling ``update_id`` (its handlers returned or raised).

        :class:`~.tracking.TrackedApplication` calls this for every update it processes.
        """
        self._handled.add(update_id)
        self._notify()

    async def wait_for(
        self,
        predicate: Callable[[], T],
        timeout: float | None = None,  # noqa: ASYNC109 — a plain deadline suits tests
        message: str | Callable[[], str] | None = None,
    ) -> T:
        """Wait until ``predicate()`` is truthy (re-checked on every request); return its value.

        Raises AssertionError after ``timeout`` (default ``reply_timeout``) seconds.
        """
        loop = asyncio.get_running_loop()
        limit = self.reply_timeout if timeout is None else timeout
        deadline = loop.time() + limit
        while True:
            event = self._changed
            value = predicate()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                text = message() if callable(message) else message
                raise AssertionError(text or f"condition not met within {limit:.1f}s")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    async def settle(self, chat: ChatState, quiet: float | None = None) -> None:
        """Wait until the bot has made no request for ``chat`` for ``quiet`` seconds."""
        loop = asyncio.get_running_loop()
        quiet = self.quiet if quiet is None else quiet
        deadline = loop.time() + self.reply_timeout
        while (idle := loop.time() - chat.last_activity) < quiet:
            if loop.time() > deadline:
                raise AssertionError(
                    f"bot kept making requests for chat {chat.id} for {self.reply_timeout:.1f}s"
                )
            await asyncio.sleep(quiet - idle)

    async def wait_idle(
        self,
        quiet: float | None = None,
        timeout: float | None = None,  # noqa: ASYNC109
    ) -> None:
        """Wait until the bot made no request at all (getUpdates aside) for ``quiet`` seconds."""
        loop = asyncio.get_running_loop()
        quiet = self.quiet if quiet is None else quiet
        deadline = loop.time() + (self.reply_timeout if timeout is None else timeout)
        while (idle := loop.time() - self._last_request) < quiet:
            if loop.time() > deadline:
                raise AssertionError("bot never went idle")
            await asyncio.sleep(quiet - idle)

    def stall_report(self, chat: ChatState, update_id: int, what: str, waited: str) -> str:
        """Why a wait failed: was the update fetched at all, what did the bot do instead."""
        lines = [f"bot did not {waited} {what} in chat {chat.id} within {self.reply_timeout}s"]
        dropped = self._queue.dropped.get(update_id)
        if dropped:
            lines.append(f"update {update_id} was dropped: {dropped}")
        elif update_id not in self._queue.delivered:
            last = "never" if self._last_poll is None else "earlier"
            lines.append(
                f"update {update_id} was never fetched by getUpdates (last poll: {last}) — "
                "is the Application polling this stand-in?"
            )
        elif update_id in self._handled:
            lines.append(
                f"update {update_id} was handled by the bot (its handlers finished) without "
                "that — did a handler fail, or reply elsewhere?"
            )
        else:
            lines.append(
                f"update {update_id} was fetched but the bot is still handling it (or the "
                "Application is not a TrackedApplication, which tells the stand-in when it is done)"
            )
        recent = [c.method for c in self.calls if c.method != "getUpdates"][-8:]
        lines.append(f"recent calls: {recent}")
        if self.violations:
            lines.append("violations: " + " | ".join(self.violations[-5:]))
        return "\n".join(lines)
