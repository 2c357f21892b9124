"""The periodic job: claim what is due, send it paced, record the outcome.

Every outcome is stored: sent, skipped (no longer useful or no longer wanted), blocked
(the user blocked the bot: marked inactive until /start), failed (Telegram refused it) or,
after network trouble, still pending with a lease that expires later, so this or another
process tries again. Each send is recorded the moment it succeeds, which keeps the window
in which a crash leaves a send's outcome unknown as small as the sends in flight (usually
one; more while the disk is slow to commit, at most IN_FLIGHT). Such a send
(marked "sending" just before it went out) is never repeated: a reminder is never sent
twice, even after kill -9.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.clock import Clock
from bot.data import Sessions, deliveries
from bot.data.deliveries import Claimed, Status
from bot.data.wanted import still_wanted
from bot.reminders.pacer import Pacer
from bot.telegram_limits import retry_seconds, without_retries

log = logging.getLogger(__name__)

BATCH = 500
MAX_RETRY_AFTER = 3  # RetryAfter answers for one message before it waits for a later round
IN_FLIGHT = 64

Send = Callable[[Claimed], Awaitable[int]]


@dataclass
class Outcome:
    sent: int = 0
    skipped: int = 0
    blocked: int = 0
    failed: int = 0
    retry_later: int = 0
    retry_after: int = 0
    claimed: list[int] = field(default_factory=list)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(15 * 2 ** max(attempts - 1, 0), 600))


class Dispatcher:
    """One per process; `run_once` is what the periodic job calls (and tests, directly)."""

    def __init__(
        self,
        sessionmaker: Sessions,
        clock: Clock,
        pacer: Pacer,
        send: Send,
        lease: timedelta = timedelta(minutes=5),
    ) -> None:
        self.sessionmaker = sessionmaker
        self.lease = lease
        self.clock = clock
        self.pacer = pacer
        self.send = send
        self._lock = asyncio.Lock()

    async def run_once(self) -> Outcome:
        """Send everything that is due now; returns what happened."""
        outcome = Outcome()
        async with self._lock:
            while True:
                batch = await self._claim(outcome)
                if batch is None:
                    return outcome
                await self._send_batch(batch, outcome)

    async def _claim(self, outcome: Outcome) -> list[Claimed] | None:
        """Due reminders into deliveries, then lease a batch; None when nothing is left."""
        now = self.clock.now()
        async with self.sessionmaker.begin() as session:
            materialized = await deliveries.materialize(session, now, BATCH)
        async with self.sessionmaker.begin() as session:
            batch = await deliveries.lease(session, now, BATCH, self.lease)
            wanted = await still_wanted(session, batch, now)
            unwanted = [c.delivery_id for c in batch if c.delivery_id not in wanted]
            await deliveries.settle(session, unwanted, Status.SKIPPED)
        if not batch and not materialized:
            return None
        outcome.claimed += [c.delivery_id for c in batch]
        outcome.skipped += len(unwanted)
        return [c for c in batch if c.delivery_id in wanted]

    async def _send_batch(self, batch: list[Claimed], outcome: Outcome) -> None:
        """Start each send at its paced moment; they run concurrently, at most IN_FLIGHT."""
        gate = asyncio.Semaphore(IN_FLIGHT)

        async def one(item: Claimed) -> None:
            try:
                await self._deliver(item, outcome)
            finally:
                gate.release()

        tasks = []
        for item in batch:
            await gate.acquire()
            await self.pacer.wait_turn(item.chat_id)
            tasks.append(asyncio.create_task(one(item)))
        await asyncio.gather(*tasks)

    async def _deliver(self, item: Claimed, outcome: Outcome) -> None:
        for attempt in range(MAX_RETRY_AFTER):
            if attempt:
                await self.pacer.wait_turn(item.chat_id)
            await self._mark_sending(item)
            try:
                with without_retries():  # the pacer waits out a RetryAfter for every send
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
                log.warning("reminder %s refused: %s", item.delivery_id, type(error).__name__)
                await self._settle(item, Status.FAILED)
                outcome.failed += 1
                return
            except NetworkError as error:  # timeouts included; not lost, tried again later
                log.warning("reminder %s: %s, will retry", item.delivery_id, type(error).__name__)
                break
            await self._settle(item, Status.SENT, sent_at=self.clock.now(), message_id=message_id)
            outcome.sent += 1
            return
        await self._retry_later(item)
        outcome.retry_later += 1

    async def _mark_sending(self, item: Claimed) -> None:
        async with self.sessionmaker.begin() as session:
            await deliveries.mark_sending(session, item.delivery_id)

    async def _settle(self, item: Claimed, status: Status, **values: object) -> None:
        async with self.sessionmaker.begin() as session:
            await deliveries.settle(session, [item.delivery_id], status, **values)

    async def _blocked(self, item: Claimed) -> None:
        async with self.sessionmaker.begin() as session:
            await deliveries.blocked(session, item.delivery_id, item.chat_id)

    async def _retry_later(self, item: Claimed) -> None:
        """Telegram surely did not take it (or timed out): pending again, after a backoff."""
        after = self.clock.now() + backoff(item.attempts)
        async with self.sessionmaker.begin() as session:
            await deliveries.retry_later(session, item.delivery_id, after)
