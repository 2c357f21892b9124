"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from bot.db import make_engine
from bot.migrate import alembic_config
from models import Base


def _diff(connection: Connection) -> list:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, Base.metadata)


async def test_models_and_migrations_do_not_drift(database_url: str) -> None:
    engine = make_engine(database_url)
    async with engine.connect() as connection:
        assert await connection.run_sync(_diff) == []
    await engine.dispose()


async def test_downgrade_to_nothing_and_up_again(database_url: str) -> None:
    engine = make_engine(database_url)

    def cycle(connection: Connection) -> set[str]:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        command.upgrade(config, "head")
        return set(inspect(connection).get_table_names())

    async with engine.begin() as connection:
        tables = await connection.run_sync(cycle)
    await engine.dispose()
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
