"""Remembering which Telegram updates were handled, so a second delivery is ignored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models import ProcessedUpdate


async def seen(session: AsyncSession, update_id: int) -> bool:
    found = await session.scalar(
        select(ProcessedUpdate.update_id).where(ProcessedUpdate.update_id == update_id)
    )
    return found is not None


async def mark(session: AsyncSession, update_id: int, now: datetime) -> None:
    dialect = postgresql if session.bind.dialect.name == "postgresql" else sqlite
    await session.execute(
        dialect.insert(ProcessedUpdate)
        .values(update_id=update_id, handled_at=now)
        .on_conflict_do_nothing()
    )


async def prune(session: AsyncSession, before: datetime) -> None:
    """Telegram re-sends an update for at most about a day; older ids can go."""
    await session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.handled_at < before))
