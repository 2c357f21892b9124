"""Messages Telegram refused with RetryAfter (429) are sent again once the wait is over.

Telegram allows a bot about 30 messages a second in all. Many users at once (or one very
quick client) can go past that for a moment; the messages beyond it are refused with the
seconds to wait, and without a retry such a reply would be lost: the handler fails and the
user reads "something went wrong" instead of their answer. PTB's hook for this is a rate
limiter; this one only reacts ("react only if necessary" in PTB's BaseRateLimiter): each
call goes out at once, and one refused is sent again after the wait Telegram named.

The reminder dispatcher sends with retries off (`without_retries`): its pacer handles
RetryAfter itself, holding every send back rather than just the one refused.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)

RETRIES = 2
LONGEST_WAIT_S = 10.0  # a longer wait is not sat out inside a handler: the error stands
_retrying: ContextVar[bool] = ContextVar("retry_after_retrying", default=True)

Result = bool | dict[str, Any] | list[dict[str, Any]]


def retry_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after is an int now and a timedelta in PTB's next major version."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


@contextmanager
def without_retries() -> Iterator[None]:
    """Calls made inside raise RetryAfter at once (for a caller that paces itself)."""
    token = _retrying.set(False)
    try:
        yield
    finally:
        _retrying.reset(token)


class RetryWhenAsked(BaseRateLimiter[None]):
    async def initialize(self) -> None:
        """Nothing to set up: no queue, no throttling."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Result:
        retries = RETRIES
        while True:
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                wait = retry_seconds(error)
                if retries == 0 or wait > LONGEST_WAIT_S or not _retrying.get():
                    raise
                retries -= 1
                log.info("Telegram asked to wait %.0f s before %s: waiting", wait, endpoint)
                await asyncio.sleep(wait)
