"""Errors the stand-in answers with, shaped exactly like Bot API error responses.

Every rule check raises :class:`ApiError`. The server turns it into the JSON body Telegram would
send and, when ``violation`` is true, also records it: a breach means the bot did something the
real API would refuse, which the test suite treats as a failure. Conditions the bot must merely
*cope with* (a user who blocked the bot, injected faults, a wrong token) are not violations.

The errors Telegram documents come from one file, ``bot_api_contract.json``: :func:`telegram`
builds them by name, so what the stand-in answers and what the contract test compares with
(tests/test_standin.py) cannot drift apart.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

CONTRACT: dict[str, dict[str, Any]] = json.loads(
    resources.files(__package__).joinpath("bot_api_contract.json").read_text(encoding="utf-8")
)["errors"]


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


def telegram(
    name: str, *, detail: str | None = None, violation: bool = True, **fields: Any
) -> ApiError:
    """The contract's error `name`, its {placeholders} filled from `fields`."""
    entry = CONTRACT[name]
    retry_after = fields.get("retry_after") if "parameters" in entry else None
    return ApiError(
        entry["error_code"],
        entry["description"].format(**fields),
        detail=detail,
        violation=violation,
        retry_after=retry_after,
    )


def bad_request(description: str, detail: str | None = None) -> ApiError:
    """400 with Telegram's ``Bad Request:`` prefix, for the stand-in's finer rule checks (a
    keyboard's or an HTML text's exact fault) that the contract does not list one by one."""
    return ApiError(400, f"Bad Request: {description}", detail=detail)
