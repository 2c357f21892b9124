"""Everything stored about a user, deleted to the last row (the export: bot/data/archive.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Table, delete
from sqlalchemy.ext.asyncio import AsyncSession

from models import Base, User


def owner_column(table: Table) -> ColumnElement[Any] | None:
    """The column that says whose a row is: users.id, else a user_id column."""
    return table.c.id if table.name == User.__tablename__ else table.c.get("user_id")


async def delete_everything(session: AsyncSession, user_id: int) -> None:
    """Remove every row of the user in every table (children first, not trusting cascades)."""
    for table in reversed(Base.metadata.sorted_tables):
        owner = owner_column(table)
        if owner is not None:
            await session.execute(delete(table).where(owner == user_id))
