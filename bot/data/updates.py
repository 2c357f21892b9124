"""Updates claimed: each is handled once, whether Telegram delivers it twice (a webhook
retry, a poll repeated after a crash) or two processes get it at the same instant.

Before any handler runs, the update is claimed by an atomic insert, committed at once, with
a lease (`take`): a second delivery finds the claim and does not run the handlers. The
update's first transaction that stores something ends the lease (`finish`) together with
what it stores, so what a handler stores and the note that it was handled commit together.
A handler that stores nothing has the claim finished after it. An update whose handling
failed has its claim given back (`release`), so it is handled in full when it comes again;
the claim of a process that died runs out with its lease and is taken over.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import SQLAlchemyError

from bot.data import Sessions, Tx
from bot.data.dialects import insert
from models import ProcessedUpdate

# Longer than any update takes to handle (a report made in a worker process: seconds), short
# enough that an update whose process died is handled soon after another gets it again.
LEASE = timedelta(seconds=15)


class AlreadyHandled(Exception):
    """The update was handled before."""


class Claim(enum.Enum):
    TAKEN = "taken"  # this process handles it now
    HANDLED = "handled"  # handled before: nothing to do
    BUSY = "busy"  # another process handles it right now


def _wall() -> datetime:
    """Leases measure how long a process has been at an update: real time, not the bot's
    clock (which tests and the demo move at will)."""
    return datetime.now(UTC)


@asynccontextmanager
async def transaction(maker: Sessions, finish_claim: int | None) -> AsyncIterator[Tx]:
    """Committed when the block ends, rolled back on an error. With `finish_claim` (the id of
    an update this process claimed), the update counts as handled when this commits; raises
    AlreadyHandled, having changed nothing, when another process handled it meanwhile."""
    async with maker.begin() as tx:
        if finish_claim is not None and not await finish(tx, finish_claim):
            raise AlreadyHandled
        yield tx


async def take(tx: Tx, update_id: int, now: datetime) -> Claim:
    """Claim the update for this process, before any handler runs.

    The insert is atomic: of two processes inserting the same id at once, on PostgreSQL the
    second waits for the first one's commit and then inserts nothing; on SQLite transactions
    take turns. A claim whose lease ran out is taken over the same way (one update wins).
    """
    wall = _wall()
    until = wall + LEASE
    taken = await tx.scalar(
        insert(tx, ProcessedUpdate)
        .values(update_id=update_id, handled_at=now, lease_until=until)
        .on_conflict_do_nothing()
        .returning(ProcessedUpdate.update_id)
    )
    if taken is not None:
        return Claim.TAKEN
    taken_over = await tx.scalar(
        update(ProcessedUpdate)
        .where(
            ProcessedUpdate.update_id == update_id,
            ProcessedUpdate.lease_until.is_not(None),
            ProcessedUpdate.lease_until < wall,
        )
        .values(lease_until=until)
        .returning(ProcessedUpdate.update_id)
    )
    if taken_over is not None:
        return Claim.TAKEN
    row = (
        await tx.execute(
            select(ProcessedUpdate.lease_until).where(ProcessedUpdate.update_id == update_id)
        )
    ).first()
    if row is not None and row.lease_until is None:
        return Claim.HANDLED
    return Claim.BUSY  # a lease running, or a claim given back just now: look again


async def finish(tx: Tx, update_id: int) -> bool:
    """The claimed update counts as handled when `tx` commits; False if it was already.

    Of two processes finishing one update (one took over a lease the other outlived), on
    PostgreSQL the second waits for the first one's commit and then finds nothing to finish.
    """
    finished = await tx.scalar(
        update(ProcessedUpdate)
        .where(ProcessedUpdate.update_id == update_id, ProcessedUpdate.lease_until.is_not(None))
        .values(lease_until=None)
        .returning(ProcessedUpdate.update_id)
    )
    return finished is not None


async def release(maker: Sessions, update_id: int) -> bool:
    """Give back the claim of an update whose handling failed, so it is handled in full if
    it comes again. False when the database did not answer: then the lease runs out."""
    try:
        async with maker.begin() as tx:
            await tx.execute(
                delete(ProcessedUpdate).where(
                    ProcessedUpdate.update_id == update_id,
                    ProcessedUpdate.lease_until.is_not(None),
                )
            )
    except (SQLAlchemyError, OSError):
        return False
    return True


async def prune(tx: Tx, before: datetime) -> None:
    """Telegram re-sends an update for at most about a day; older ids can go."""
    await tx.execute(delete(ProcessedUpdate).where(ProcessedUpdate.handled_at < before))
