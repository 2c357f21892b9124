"""Everything stored about a user, deleted to the last row (the export: bot/data/archive.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.data import Sessions
from models import Base, User


def owner_column(table: Table) -> ColumnElement[Any] | None:
    """The column that says whose a row is: users.id, else a user_id column, else the chat's
    id (the bot's messages in a private chat: the chat's id is the user's)."""
    if table.name == User.__tablename__:
        return table.c.id
    return table.c.get("user_id", table.c.get("chat_id"))


async def delete_everything(session: AsyncSession, user_id: int) -> None:
    """Remove every row of the user in every table (children first, not trusting cascades)."""
    for table in reversed(Base.metadata.sorted_tables):
        owner = owner_column(table)
        if owner is not None:
            await session.execute(delete(table).where(owner == user_id))


CHUNK = 500


async def delete_again(sessions: Sessions, deleted: dict[int, list[datetime]]) -> int:
    """Delete the users of `deleted` (id → when they were deleted) whose row was made before
    one of those times; how many. Each chunk of users is its own transaction."""
    ids, purged = list(deleted), 0
    for start in range(0, len(ids), CHUNK):
        async with sessions.begin() as tx:
            query = select(User.id, User.created_at).where(User.id.in_(ids[start : start + CHUNK]))
            for user_id, created_at in (await tx.execute(query)).all():
                if any(created_at <= at for at in deleted[user_id]):
                    await delete_everything(tx, user_id)
                    purged += 1
    return purged
