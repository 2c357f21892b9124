"""Everything stored about a user: exported as JSON, or deleted to the last row."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Table, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Base, User

EXPORT_VERSION = 1


def _owner_column(table: Table) -> ColumnElement[Any] | None:
    """The column that says whose a row is: users.id, else a user_id column."""
    return table.c.id if table.name == User.__tablename__ else table.c.get("user_id")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


async def export_everything(session: AsyncSession, user_id: int) -> dict[str, Any]:
    """Every row of every table that belongs to the user, table by table."""
    data: dict[str, Any] = {"stillnight_export_version": EXPORT_VERSION, "user_id": user_id}
    for table in Base.metadata.sorted_tables:
        owner = _owner_column(table)
        if owner is None:
            continue
        rows = (await session.execute(select(table).where(owner == user_id))).mappings()
        data[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return data


def export_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False).encode()


async def delete_everything(session: AsyncSession, user_id: int) -> None:
    """Remove every row of the user in every table (children first, not trusting cascades)."""
    for table in reversed(Base.metadata.sorted_tables):
        owner = _owner_column(table)
        if owner is not None:
            await session.execute(delete(table).where(owner == user_id))
