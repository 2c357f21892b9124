"""The Bot API client: PTB's ExtBot, answering every tap once and in time, noting what it sent.

Telegram lets a tap (a callback query) be answered for about 15 s; after that
answerCallbackQuery fails ("query is too old and response timeout expired or query ID is
invalid") and the user's button spun the whole time. Handlers answer a tap after their
transaction, so the toast can say how it went; while the database is slow that would be too
late. So every tap is answered with no text `tap_answer_seconds` after it arrived, unless its
handler answered first (`answer_later`); the handler's answer after that is not sent again
(Telegram refuses a second one) and returns False, so a caller with something to say
can say it in a message instead. An answer that still comes too late is logged, not an error:
what the tap changed was stored before it.

Each message sent to a private chat has its id noted (StillnightBot), for "delete my
messages here" (handlers/privacy.py): Telegram lets a bot delete only its own recent ones.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Message
from telegram.error import BadRequest, TelegramError
from telegram.ext import ExtBot

log = logging.getLogger(__name__)
TOO_OLD = "query is too old"
REMEMBER_S = 60.0  # longer than Telegram keeps a tap answerable


class TapAnsweringBot(ExtBot[None]):
    __slots__ = ("_answered", "_late", "_timers")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._answered: dict[str, float] = {}  # query id -> when answered (monotonic)
        self._timers: set[asyncio.TimerHandle] = set()
        self._late: set[asyncio.Task[None]] = set()  # early answers under way

    async def answer_callback_query(
        self, callback_query_id: str, *args: Any, **kwargs: Any
    ) -> bool:
        """Answer the tap, unless it was answered before (then False, nothing sent)."""
        if not self._first_answer(callback_query_id):
            return False
        try:
            return await super().answer_callback_query(callback_query_id, *args, **kwargs)
        except BadRequest as error:
            if TOO_OLD not in error.message:
                raise
            log.warning("a tap was answered too late for Telegram (a slow database?)")
            return False

    def answer_later(self, callback_query_id: str, delay: float) -> None:
        """Answer the tap with no text after `delay` seconds if nothing answered it by then."""
        loop = asyncio.get_running_loop()

        def fire() -> None:
            self._timers.discard(handle)
            if callback_query_id not in self._answered:
                task = loop.create_task(self._answer_quietly(callback_query_id))
                self._late.add(task)
                task.add_done_callback(self._late.discard)

        handle = loop.call_later(delay, fire)
        self._timers.add(handle)

    def never_answer(self, callback_query_id: str) -> None:
        """The tap was handled before (a delivery again): nothing more is sent for it."""
        self._first_answer(callback_query_id)

    async def shutdown(self) -> None:
        for handle in self._timers:
            handle.cancel()
        self._timers.clear()
        await super().shutdown()

    async def _answer_quietly(self, callback_query_id: str) -> None:
        try:
            await self.answer_callback_query(callback_query_id)
        except TelegramError:
            log.warning("a slow tap could not be answered early")

    def _first_answer(self, callback_query_id: str) -> bool:
        now = time.monotonic()
        while self._answered:
            oldest = next(iter(self._answered))
            if self._answered[oldest] > now - REMEMBER_S:
                break
            del self._answered[oldest]
        if callback_query_id in self._answered:
            return False
        self._answered[callback_query_id] = now
        return True


NoteSent = Callable[[int, int], Awaitable[object]]


class StillnightBot(TapAnsweringBot):
    """Also notes the id of every message it sends to a private chat (with what
    `note_sent_with` was given when the database opened), so the bot can delete its own
    messages there on request."""

    __slots__ = ("_note_sent",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._note_sent: NoteSent | None = None

    def note_sent_with(self, note: NoteSent) -> None:
        self._note_sent = note

    async def send_message(self, *args: Any, **kwargs: Any) -> Message:
        return await self._noted(await super().send_message(*args, **kwargs))

    async def send_document(self, *args: Any, **kwargs: Any) -> Message:
        return await self._noted(await super().send_document(*args, **kwargs))

    async def send_photo(self, *args: Any, **kwargs: Any) -> Message:
        return await self._noted(await super().send_photo(*args, **kwargs))

    async def _noted(self, message: Message) -> Message:
        if self._note_sent is not None and message.chat.type == message.chat.PRIVATE:
            await self._note_sent(message.chat.id, message.message_id)
        return message
