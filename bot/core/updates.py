"""Remembering which Telegram updates were handled, so a second delivery is ignored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models import ProcessedUpdate


async def claim(session: AsyncSession, update_id: int, now: datetime) -> bool:
    """Note the update as handled in this transaction; False if it was handled before.

    On PostgreSQL a second process claiming the same update waits for the first one's
    transaction and then sees its row; on SQLite transactions take turns anyway.
    """
    dialect = postgresql if session.bind.dialect.name == "postgresql" else sqlite
    claimed = await session.scalar(
        dialect.insert(ProcessedUpdate)
        .values(update_id=update_id, handled_at=now)
        .on_conflict_do_nothing()
        .returning(ProcessedUpdate.update_id)
    )
    return claimed is not None


async def prune(session: AsyncSession, before: datetime) -> None:
    """Telegram re-sends an update for at most about a day; older ids can go."""
    await session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.handled_at < before))
