"""Spacing sends to stay inside Telegram's limits instead of bouncing off them.

Sends are started one at a time on a timeline 1/rate apart. A start that comes a little
late keeps the timeline (so small delays do not add up and lower the rate); one that comes
more than a whole interval late, after the event loop stalled, starts a new timeline from
now, so no burst is released (a token bucket would release one). Either way no one-second
window holds more than `rate` starts. Each chat also waits `per_chat` seconds between its
own messages.

Telegram counts arrivals, not starts, and a send can take longer to arrive than the ones
after it: the first sends of a burst each open a connection, later ones reuse one. So no
window of 1 + JITTER_S seconds holds more than `rate` starts (with a little more margin):
sends arriving up to JITTER_S late still fit `rate` in every second, from the first message
of a burst on. (At a 3 % margin, a 150-message burst once met a 429 at 0.81 of the limit.)
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

JITTER_S = 0.1
SAFETY = 0.97 / (1 + JITTER_S)  # the rate kept, as a share of the limit (0.88)


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
