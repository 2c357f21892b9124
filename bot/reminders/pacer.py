"""Spacing sends to stay inside Telegram's limits instead of bouncing off them.

Sends are started one at a time on a timeline 1/rate apart. A start that comes a little
late keeps the timeline (so small delays do not add up and lower the rate); one that comes
more than a whole interval late, after the event loop stalled, starts a new timeline from
now, so no burst is released (a token bucket would release one). Either way no one-second
window holds more than `rate` starts. Each chat also waits `per_chat` seconds between its
own messages. The rate is kept a little under the configured limit (SAFETY) to absorb
network jitter between here and Telegram.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

SAFETY = 0.97


class Pacer:
    def __init__(
        self,
        rate: float,
        per_chat: float,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = 1.0 / (rate * SAFETY)
        self.per_chat = per_chat
        self._monotonic = monotonic
        self._sleep = sleep
        self._next = 0.0
        self._chat_next: dict[int, float] = {}

    async def wait_turn(self, chat_id: int) -> None:
        """Return when a message to this chat may start now, and count it as started."""
        while True:
            now = self._monotonic()
            ready = max(self._next, self._chat_next.get(chat_id, 0.0))
            if ready <= now:
                break
            await self._sleep(ready - now)
        on_time = now - self._next < self.interval
        self._next = (self._next if on_time else now) + self.interval
        self._chat_next[chat_id] = now + self.per_chat
        if len(self._chat_next) > 10_000:
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}

    def hold_off(self, seconds: float) -> None:
        """Telegram said RetryAfter: nobody sends before that time has passed."""
        self._next = max(self._next, self._monotonic() + seconds)
