"""Injected failures (rate limits, server errors, blocked users, slow answers).

Faults model what a healthy bot must survive in production, so they are never violations.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ApiError, telegram

FAULT_KINDS = ("retry_after", "server_error", "bad_gateway", "blocked", "slow", "timeout")
CONTRACT_NAMES = {
    "server_error": "internal_server_error",
    "bad_gateway": "bad_gateway",
    "blocked": "blocked",
}


@dataclass
class Fault:
    """An injected failure for the next ``times`` calls of ``method`` (``"*"`` = any method)."""

    method: str
    kind: str
    times: int
    retry_after: int
    delay: float
    chat_id: int | None

    def matches(self, method: str, chat_id: int | None) -> bool:
        if self.times <= 0 or self.method not in ("*", method.lower()):
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def error(self) -> ApiError | None:
        if self.kind == "retry_after":
            return telegram("too_many_requests", retry_after=self.retry_after, violation=False)
        if self.kind in CONTRACT_NAMES:
            return telegram(CONTRACT_NAMES[self.kind], violation=False)
        return None
