"""The data half of migration 0012: rows stored in clear before it are sealed in place.

Migration 0012 turned every sealed column into bytes holding the value's text as it was
stored (the schema change, one transaction), and listed the tables in `sealing_todo`. This
pass seals those values in batches, each batch its own transaction, and strikes a table off
when none is left: stopped at any point, it goes on where it was at the next start (or the
next `python -m bot migrate`). A sealed value starts with MARK; a plain one never does (its
text is JSON, digits or a clock time).
"""

from __future__ import annotations

import json
import logging
from datetime import date, time
from typing import Any

from sqlalchemy import LargeBinary, Table, delete, func, literal, or_, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.keys.keyring import Keyring
from models import Base
from models.sealed import MARK, Sealed, encode
from models.sealing import SealingTodo

log = logging.getLogger(__name__)

BATCH = 500


def sealed_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if any(isinstance(c.type, Sealed) for c in t.c)]


def _plain(text: str, kind: str) -> Any:
    """A value from its text as SQLite or PostgreSQL stored it before 0012."""
    if kind == "int":
        return int(text)
    if kind == "bool":
        return text.lower() in ("1", "true", "t")
    if kind == "time":
        return time.fromisoformat(text)
    if kind == "date":
        return date.fromisoformat(text)
    if kind == "str":
        return text
    return json.loads(text)


def _raw(table: Table, name: str) -> Any:
    return type_coerce(table.c[name], LargeBinary)


def _unsealed(table: Table, names: list[str]) -> Any:
    mark = literal(MARK, LargeBinary)
    return or_(*(func.substr(_raw(table, n), 1, 1) != mark for n in names))


async def _seal_batch(engine: AsyncEngine, keyring: Keyring, table: Table) -> int:
    columns = [c for c in table.c if isinstance(c.type, Sealed)]
    names = [c.name for c in columns]
    keys = list(table.primary_key.columns)
    query = (
        select(*keys, table.c.user_id, *(_raw(table, n).label(n) for n in names))
        .where(_unsealed(table, names))
        .limit(BATCH)
    )
    async with engine.begin() as connection:
        rows = (await connection.execute(query)).all()
        for row in rows:
            await keyring.prepare(row.user_id)
            values = {}
            for column in columns:
                stored: bytes | None = getattr(row, column.name)
                if stored is None or bytes(stored).startswith(MARK):
                    continue
                assert isinstance(column.type, Sealed)
                plain = _plain(bytes(stored).decode(), column.type.kind)
                encoded = encode(plain, column.type.kind)
                values[column.name] = keyring.seal(row.user_id, column.type.label, encoded)
            where = [key == getattr(row, key.name) for key in keys]
            raw = {type_coerce(table.c[n], LargeBinary): v for n, v in values.items()}
            await connection.execute(update(table).where(*where).values(raw))
    return len(rows)


async def seal_plain_rows(engine: AsyncEngine, keyring: Keyring) -> int:
    """Seal every value still in clear; how many rows were sealed."""
    async with engine.connect() as connection:
        todo = set((await connection.execute(select(SealingTodo.table_name))).scalars())
    total = 0
    for table in sealed_tables():
        if table.name not in todo:
            continue
        while (count := await _seal_batch(engine, keyring, table)) > 0:
            total += count
            log.info("Sealed %d more rows of %s", count, table.name)
        async with engine.begin() as connection:
            await connection.execute(
                delete(SealingTodo).where(SealingTodo.table_name == table.name)
            )
    return total


async def has_sealed_values(engine: AsyncEngine) -> bool:
    """Whether any value in the database was sealed (with some data key)."""
    mark = literal(MARK, LargeBinary)
    async with engine.connect() as connection:
        for table in sealed_tables():
            names = [c.name for c in table.c if isinstance(c.type, Sealed)]
            marked = or_(*(func.substr(_raw(table, n), 1, 1) == mark for n in names))
            if await connection.scalar(
                select(literal(1)).select_from(table).where(marked).limit(1)
            ):
                return True
    return False
