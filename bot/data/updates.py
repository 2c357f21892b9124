"""Updates handled: one transaction per update, which also notes the update as handled, so
one delivered twice (a webhook retry, a poll repeated after a crash) changes nothing.

The update's first transaction claims its id, so what a handler stores and the note that
the update was handled commit together: a second delivery stops at its first transaction,
and an update whose handling failed before anything was stored is handled in full when it
comes again.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from sqlalchemy import delete, select

from bot.data import Sessions, Tx
from bot.data.dialects import insert
from models import ProcessedUpdate


class AlreadyHandled(Exception):
    """The update was handled before."""


@asynccontextmanager
async def transaction(
    maker: Sessions, claim_update: int | None, now: datetime
) -> AsyncIterator[Tx]:
    """Committed when the block ends, rolled back on an error. With `claim_update` (an update
    id), raises AlreadyHandled, having changed nothing, when that update was claimed before."""
    async with maker.begin() as tx:
        if claim_update is not None and not await claim(tx, claim_update, now):
            raise AlreadyHandled
        yield tx


async def claim(tx: Tx, update_id: int, now: datetime) -> bool:
    """Note the update as handled in this transaction; False if it was handled before.

    On PostgreSQL a second process claiming the same update waits for the first one's
    transaction and then sees its row; on SQLite transactions take turns anyway.
    """
    claimed = await tx.scalar(
        insert(tx, ProcessedUpdate)
        .values(update_id=update_id, handled_at=now)
        .on_conflict_do_nothing()
        .returning(ProcessedUpdate.update_id)
    )
    return claimed is not None


async def was_handled(tx: Tx, update_id: int) -> bool:
    """The update's claim has committed: it was handled before."""
    found = await tx.scalar(
        select(ProcessedUpdate.update_id).where(ProcessedUpdate.update_id == update_id)
    )
    return found is not None


async def prune(tx: Tx, before: datetime) -> None:
    """Telegram re-sends an update for at most about a day; older ids can go."""
    await tx.execute(delete(ProcessedUpdate).where(ProcessedUpdate.handled_at < before))
