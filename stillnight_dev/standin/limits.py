"""Telegram's sending limits, enforced like the real API: 429 with retry_after beyond them.

Also a guard for tests of exactly-once delivery: a second message with the same text to the
same chat within a window is refused and recorded as a violation, so a double send shows up.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import ApiError, telegram

SENDING = {"sendmessage", "sendphoto", "senddocument"}


@dataclass
class SendLimits:
    overall_per_second: float | None = None
    per_chat_seconds: float | None = None
    repeat_window: float | None = None
    repeat_applies: Callable[[str], bool] = lambda text: True
    rejected: int = 0
    _recent: deque[float] = field(default_factory=deque)
    _chat_last: dict[int, float] = field(default_factory=dict)
    _texts: dict[tuple[int, str], float] = field(default_factory=dict)

    def check(self, method: str, chat_id: int | None, text: str | None, now: float) -> None:
        """Raise the error Telegram would give for this send, or record it as accepted."""
        if method.lower() not in SENDING or chat_id is None:
            return
        self._check_repeat(chat_id, text, now)
        wait = self._wait(chat_id, now)
        if wait > 0:
            self.rejected += 1
            seconds = max(1, math.ceil(wait))
            raise telegram("too_many_requests", retry_after=seconds, violation=False)
        self._recent.append(now)
        self._chat_last[chat_id] = now
        if text is not None and self.repeat_window is not None:
            self._texts[(chat_id, text)] = now

    def _wait(self, chat_id: int, now: float) -> float:
        wait = 0.0
        if self.overall_per_second is not None:
            while self._recent and self._recent[0] <= now - 1.0:
                self._recent.popleft()
            if len(self._recent) >= self.overall_per_second:
                wait = self._recent[0] + 1.0 - now
        if self.per_chat_seconds is not None and chat_id in self._chat_last:
            wait = max(wait, self._chat_last[chat_id] + self.per_chat_seconds - now)
        return wait

    def _check_repeat(self, chat_id: int, text: str | None, now: float) -> None:
        if self.repeat_window is None or text is None or not self.repeat_applies(text):
            return
        last = self._texts.get((chat_id, text))
        if last is not None and now - last < self.repeat_window:
            raise ApiError(
                400,
                "Bad Request: duplicate message",
                detail=f"the same text was sent to chat {chat_id} {now - last:.1f} s ago",
            )
