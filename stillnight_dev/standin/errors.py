"""Errors the stand-in answers with, shaped exactly like Bot API error responses.

Every rule check raises :class:`ApiError`. The server turns it into the JSON body Telegram would
send and, when ``violation`` is true, also records it: a breach means the bot did something the
real API would refuse, which the test suite treats as a failure. Conditions the bot must merely
*cope with* (a user who blocked the bot, injected faults, a wrong token) are not violations.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A Bot API error response (``{"ok": false, ...}``)."""

    def __init__(
        self,
        code: int,
        description: str,
        *,
        detail: str | None = None,
        violation: bool = True,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.detail = detail
        self.violation = violation
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body

    def explain(self) -> str:
        """The description plus the stand-in's own hint about what was wrong."""
        if self.detail:
            return f"{self.code} {self.description} ({self.detail})"
        return f"{self.code} {self.description}"


def bad_request(description: str, detail: str | None = None) -> ApiError:
    """400 with Telegram's ``Bad Request:`` prefix."""
    return ApiError(400, f"Bad Request: {description}", detail=detail)


NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
