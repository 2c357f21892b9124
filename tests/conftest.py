"""Fixtures: a database on SQLite and on PostgreSQL, the Bot API stand-in, the running bot.

Every end-to-end test runs twice, once per database. PostgreSQL is expected at
TEST_POSTGRES_URL (default: the server these machines run); without it those tests fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.clock import ManualClock
from bot.db import make_engine
from bot.migrate import upgrade
from stillnight_dev.standin import BotApiStandin
from tests.harness import TOKEN, BotHarness

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
# 21:00 UTC on a Tuesday in November: 22:00 in Berlin, check-in time.
START = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request: pytest.FixtureRequest, tmp_path) -> AsyncIterator[str]:
    """An empty database with the schema applied by the migrations, as production does."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path}/stillnight.db"
        yield await _migrated(url)
        return
    name = f"stillnight_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
        yield await _migrated(url)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture
async def fresh_postgres() -> AsyncIterator[str]:
    """An empty PostgreSQL database, no schema: what a restore starts from."""
    name = f"stillnight_restore_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def _migrated(url: str) -> str:
    engine = make_engine(url)
    await upgrade(engine)
    await engine.dispose()
    return url


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def standin() -> AsyncIterator[BotApiStandin]:
    api = BotApiStandin(valid_token=TOKEN)
    await api.start()
    yield api
    await api.stop()
    assert not api.violations, "the bot broke Telegram's rules:\n" + "\n".join(api.violations)


@pytest.fixture
async def bot(
    standin: BotApiStandin, database_url: str, clock: ManualClock
) -> AsyncIterator[BotHarness]:
    harness = BotHarness(standin.url, database_url, clock)
    await harness.start()
    yield harness
    await harness.close()
