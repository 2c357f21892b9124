"""Injected failures (rate limits, server errors, blocked users, slow answers).

Faults model what a healthy bot must survive in production, so they are never violations.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ApiError

FAULT_KINDS = ("retry_after", "server_error", "bad_gateway", "blocked", "slow", "timeout")


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
            return ApiError(
                429,
                f"Too Many Requests: retry after {self.retry_after}",
                retry_after=self.retry_after,
                violation=False,
            )
        if self.kind == "server_error":
            return ApiError(500, "Internal Server Error", violation=False)
        if self.kind == "bad_gateway":
            return ApiError(502, "Bad Gateway", violation=False)
        if self.kind == "blocked":
            return ApiError(403, "Forbidden: bot was blocked by the user", violation=False)
        return None
