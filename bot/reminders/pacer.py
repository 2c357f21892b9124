"""Spacing sends to stay inside Telegram's limits instead of bouncing off them.

Sends are spaced evenly, 1/rate apart, so no one-second window ever holds more than
`rate` messages (a token bucket would allow bursts of twice that across a window edge),
and each chat waits `per_chat` seconds between its own messages.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class Pacer:
    def __init__(
        self,
        rate: float,
        per_chat: float,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = 1.0 / rate
        self.per_chat = per_chat
        self._monotonic = monotonic
        self._sleep = sleep
        self._next = 0.0
        self._chat_next: dict[int, float] = {}

    def reserve(self, chat_id: int) -> float:
        """Book the next free slot for this chat; returns how long to wait for it."""
        now = self._monotonic()
        slot = max(now, self._next, self._chat_next.get(chat_id, 0.0))
        self._next = slot + self.interval
        self._chat_next[chat_id] = slot + self.per_chat
        if len(self._chat_next) > 10_000:
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        return slot - now

    async def wait_turn(self, chat_id: int) -> None:
        delay = self.reserve(chat_id)
        if delay > 0:
            await self._sleep(delay)

    def hold_off(self, seconds: float) -> None:
        """Telegram said RetryAfter: nobody sends before that time has passed."""
        self._next = max(self._next, self._monotonic() + seconds)
