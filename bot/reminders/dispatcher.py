"""The periodic job: claim what is due, send it paced, record the outcome.

Every outcome is stored: sent, skipped (no longer useful or no longer wanted), blocked
(the user blocked the bot: marked inactive until /start) or, after network trouble, still
pending with a lease that expires later, so this or another process tries again.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.clock import Clock
from bot.reminders import claim
from bot.reminders.claim import Claimed
from bot.reminders.pacer import Pacer
from models import Delivery, User

log = logging.getLogger(__name__)

BATCH = 500
LEASE = timedelta(minutes=5)
MAX_RETRY_AFTER = 3  # RetryAfter answers for one message before it waits for a later round
IN_FLIGHT = 64

Send = Callable[[Claimed], Awaitable[int | None]]
Wanted = Callable[[AsyncSession, Claimed, datetime], Awaitable[bool]]


@dataclass
class Outcome:
    sent: int = 0
    skipped: int = 0
    blocked: int = 0
    retry_later: int = 0
    retry_after: int = 0
    claimed: list[int] = field(default_factory=list)


def retry_seconds(error: RetryAfter) -> float:
    """RetryAfter.retry_after is an int now and a timedelta in PTB's next major version."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(15 * 2 ** max(attempts - 1, 0), 600))


class Dispatcher:
    """One per process; `run_once` is what the periodic job calls (and tests, directly)."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        clock: Clock,
        pacer: Pacer,
        send: Send,
        wanted: Wanted,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.clock = clock
        self.pacer = pacer
        self.send = send
        self.wanted = wanted
        self._lock = asyncio.Lock()

    async def run_once(self) -> Outcome:
        """Send everything that is due now; returns what happened."""
        outcome = Outcome()
        async with self._lock:
            while True:
                now = self.clock.now()
                async with self.sessionmaker.begin() as session:
                    materialized = await claim.materialize(session, now, BATCH)
                async with self.sessionmaker.begin() as session:
                    batch = await claim.lease(session, now, BATCH, LEASE)
                if not batch and not materialized:
                    return outcome
                outcome.claimed += [c.delivery_id for c in batch]
                await self._send_batch(batch, outcome)

    async def _send_batch(self, batch: list[Claimed], outcome: Outcome) -> None:
        gate = asyncio.Semaphore(IN_FLIGHT)

        async def one(item: Claimed) -> None:
            async with gate:
                await self._deliver(item, outcome)

        await asyncio.gather(*(one(item) for item in batch))

    async def _deliver(self, item: Claimed, outcome: Outcome) -> None:
        async with self.sessionmaker.begin() as session:
            if not await self.wanted(session, item, self.clock.now()):
                await self._finish(session, item, claim.SKIPPED)
                outcome.skipped += 1
                return
        for _ in range(MAX_RETRY_AFTER):
            await self.pacer.wait_turn(item.chat_id)
            try:
                message_id = await self.send(item)
            except RetryAfter as error:
                outcome.retry_after += 1
                self.pacer.hold_off(retry_seconds(error))
                continue
            except Forbidden:
                await self._blocked(item)
                outcome.blocked += 1
                return
            except BadRequest as error:
                log.warning("reminder %s rejected: %s", item.delivery_id, type(error).__name__)
                async with self.sessionmaker.begin() as session:
                    await self._finish(session, item, claim.FAILED)
                return
            except NetworkError as error:  # timeouts included; not lost, tried again later
                log.warning("reminder %s: %s, will retry", item.delivery_id, type(error).__name__)
                break
            async with self.sessionmaker.begin() as session:
                await self._finish(session, item, claim.SENT, message_id)
            outcome.sent += 1
            return
        await self._retry_later(item)
        outcome.retry_later += 1

    async def _finish(
        self, session: AsyncSession, item: Claimed, status: str, message_id: int | None = None
    ) -> None:
        delivery = await session.get(Delivery, item.delivery_id)
        if delivery is None:  # the user deleted their data meanwhile
            return
        delivery.status, delivery.lease_until = status, None
        if status == claim.SENT:
            delivery.sent_at, delivery.message_id = self.clock.now(), message_id

    async def _blocked(self, item: Claimed) -> None:
        async with self.sessionmaker.begin() as session:
            await self._finish(session, item, claim.BLOCKED)
            user = await session.get(User, item.chat_id)
            if user is not None:
                user.active = False

    async def _retry_later(self, item: Claimed) -> None:
        async with self.sessionmaker.begin() as session:
            delivery = await session.get(Delivery, item.delivery_id)
            if delivery is not None:
                delivery.lease_until = self.clock.now() + backoff(delivery.attempts)
