"""Alembic environment: async engines, or a connection handed in by bot.migrate."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from bot.db import make_engine
from models import Base

config = context.config
target_metadata = Base.metadata


MIGRATION_LOCK = 7_284_431  # any fixed number: one migration at a time per database


def _run(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # Several processes starting at once: the others wait, then find nothing to do.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_with_new_engine(url: str) -> None:
    engine = make_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
elif (connection := config.attributes.get("connection")) is not None:
    _run(connection)
elif (url := config.get_main_option("sqlalchemy.url")) is not None:
    asyncio.run(_run_with_new_engine(url))
else:
    raise RuntimeError("no database: set sqlalchemy.url, or pass a connection")
