"""Long polling that confirms an update to Telegram only once it was handled.

getUpdates confirms every update below the ``offset`` it is given. PTB's Updater asks for the
next batch, passing that offset, while the handlers of the last one are still running, so a
process killed then has confirmed an update whose answer was never stored: Telegram does not
send it again and the answer is lost. Here a batch is handled in full (its transactions
committed, its replies sent) before the getUpdates that confirms it. A crash in between makes
Telegram send the batch again; what was stored already is recognised by the update's claim
(bot/data/updates.py) and not applied twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Update
from telegram.error import Conflict, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application

from bot.telegram_limits import retry_seconds

log = logging.getLogger(__name__)
BATCH = 100  # Telegram's maximum per getUpdates
BACKOFF_S = (0.5, 1.0, 2.0, 5.0, 10.0)  # after a failed getUpdates, growing, then steady


class Poller:
    """Fetch a batch, handle it, confirm it with the next fetch; stop between batches."""

    def __init__(self, app: Application, allowed_updates: list[str], timeout: int) -> None:
        self.app, self.allowed_updates, self.timeout = app, allowed_updates, timeout
        self.offset: int | None = None
        self._stopping = False
        self._fetching = False
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.app.bot.delete_webhook(drop_pending_updates=False)
        self._task = asyncio.create_task(self._run(), name="stillnight-polling")

    async def stop(self) -> None:
        """Let the batch being handled finish, then confirm it; a pending fetch is dropped."""
        self._stopping = True
        if self._task is None:
            return
        if self._fetching:
            self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        if self.offset is not None:
            with contextlib.suppress(TimedOut, NetworkError):
                await self.app.bot.get_updates(offset=self.offset, limit=1, timeout=0)

    async def _run(self) -> None:
        failures = 0
        while not self._stopping:
            try:
                batch = await self._fetch()
            except RetryAfter as error:
                await asyncio.sleep(retry_seconds(error))
                continue
            except (Conflict, TimedOut, NetworkError) as error:
                delay = BACKOFF_S[min(failures, len(BACKOFF_S) - 1)]
                failures += 1
                log.warning("getUpdates failed (%s); again in %.1f s", type(error).__name__, delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            await self._handle(batch)

    async def _fetch(self) -> tuple[Update, ...]:
        self._fetching = True
        try:
            return await self.app.bot.get_updates(
                offset=self.offset,
                limit=BATCH,
                timeout=self.timeout,
                allowed_updates=self.allowed_updates,
            )
        finally:
            self._fetching = False

    async def _handle(self, batch: tuple[Update, ...]) -> None:
        """Every update of the batch, at once across users (bot/update_order.py)."""
        if not batch:
            return
        processor = self.app.update_processor
        await asyncio.gather(
            *(processor.process_update(u, self.app.process_update(u)) for u in batch),
            return_exceptions=True,  # the error handler has seen each one already
        )
        self.offset = batch[-1].update_id + 1
