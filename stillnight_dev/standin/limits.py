"""Telegram's sending limits, enforced like the real API: 429 with retry_after beyond them.

On by default, at Telegram's figures (Bots FAQ): about 30 messages a second overall, and at
most 20 a minute in a group. One chat: about one a second, "short bursts" allowed (a bucket
of `per_chat_burst` refilled one per `per_chat_seconds`). Telegram does not say how long a
burst may be, and tests play users who tap and type faster than a person can, so this one
is off unless a test sets `per_chat_seconds` (the reminder tests do, with no bursts:
`per_chat_burst = 1`, what the bot's pacer keeps to).

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
GROUP_WINDOW_S = 60.0


@dataclass
class SendLimits:
    overall_per_second: float | None = 30
    per_chat_seconds: float | None = None
    per_chat_burst: int = 20  # sends in a row one chat may get before the pace applies
    group_per_minute: int | None = 20
    repeat_window: float | None = None
    repeat_applies: Callable[[str], bool] = lambda text: True
    rejected: int = 0
    _recent: deque[float] = field(default_factory=deque)
    _chat_tokens: dict[int, tuple[float, float]] = field(default_factory=dict)  # tokens, at
    _group_sends: dict[int, deque[float]] = field(default_factory=dict)
    _texts: dict[tuple[int, str], float] = field(default_factory=dict)

    def check(
        self, method: str, chat_id: int | None, text: str | None, now: float, *, group: bool
    ) -> None:
        """Raise the error Telegram would give for this send, or record it as accepted."""
        if method.lower() not in SENDING or chat_id is None:
            return
        self._check_repeat(chat_id, text, now)
        wait = self._wait(chat_id, now, group)
        if wait > 0:
            self.rejected += 1
            raise telegram(
                "too_many_requests", retry_after=max(1, math.ceil(wait)), violation=False
            )
        self._recent.append(now)
        if self.per_chat_seconds is not None:
            tokens, _ = self._tokens(chat_id, now)
            self._chat_tokens[chat_id] = (tokens - 1, now)
        if group:
            self._group_sends.setdefault(chat_id, deque()).append(now)
        if text is not None and self.repeat_window is not None:
            self._texts[(chat_id, text)] = now

    def _tokens(self, chat_id: int, now: float) -> tuple[float, float]:
        """Sends this chat may get now, and how long until the next one is allowed."""
        assert self.per_chat_seconds is not None
        burst = float(self.per_chat_burst)
        tokens, at = self._chat_tokens.get(chat_id, (burst, now))
        tokens = min(burst, tokens + (now - at) / self.per_chat_seconds)
        return tokens, max(0.0, (1 - tokens) * self.per_chat_seconds)

    def _wait(self, chat_id: int, now: float, group: bool) -> float:
        wait = 0.0
        if self.overall_per_second is not None:
            while self._recent and self._recent[0] <= now - 1.0:
                self._recent.popleft()
            if len(self._recent) >= self.overall_per_second:
                wait = self._recent[0] + 1.0 - now
        if self.per_chat_seconds is not None:
            wait = max(wait, self._tokens(chat_id, now)[1])
        if group and self.group_per_minute is not None:
            sent = self._group_sends.setdefault(chat_id, deque())
            while sent and sent[0] <= now - GROUP_WINDOW_S:
                sent.popleft()
            if len(sent) >= self.group_per_minute:
                wait = max(wait, sent[0] + GROUP_WINDOW_S - now)
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
