"""INSERT … ON CONFLICT DO NOTHING on either database: both dialects have it, by their own
insert construct."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CursorResult
from sqlalchemy.dialects import postgresql, sqlite

from bot.data import Tx

Insert = postgresql.Insert | sqlite.Insert


def insert(tx: Tx, table: Any) -> Insert:
    bind = tx.get_bind()
    return (postgresql if bind.dialect.name == "postgresql" else sqlite).insert(table)


def rows_changed(result: object) -> int:
    """How many rows a DML statement touched (its result is a CursorResult)."""
    return result.rowcount if isinstance(result, CursorResult) else 0
