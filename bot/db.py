"""The database engine: SQLite by default (no server to start), PostgreSQL at scale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.sqlite_driver import BEGIN_IMMEDIATE, connector


def _prepare_sqlite(url: str) -> str:
    """The database's path (its folder made), or ":memory:"."""
    database = make_url(url).database or ":memory:"
    if database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    return database


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    """Take SQLite's write lock at the start of every transaction.

    A transaction that reads first and writes later fails at once (SQLITE_BUSY_SNAPSHOT) if
    another connection wrote in between, as when the reminder job and a handler overlap.
    Taking the lock up front makes the second one wait instead (bot/sqlite_driver.py).
    """
    connection.exec_driver_sql(BEGIN_IMMEDIATE)


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Create an engine; for SQLite make its folder, connect through bot/sqlite_driver.py,
    turn on foreign keys and WAL, and begin every transaction as BEGIN IMMEDIATE."""
    if make_url(url).get_backend_name() == "sqlite":
        database = _prepare_sqlite(url)
        # One connection: SQLite has one writer at a time anyway, and updates handled at once
        # then wait their turn in the pool, in order, instead of retrying the write lock.
        options = {"pool_size": 1, "max_overflow": 0} | kwargs
        engine = create_async_engine(url, async_creator=connector(database), **options)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _begin_immediate)
        return engine
    # Eight updates at once (bot/update_order.py) plus reminder sends (up to 64 in flight,
    # each with short transactions): a pool that size keeps a process from opening and
    # closing overflow connections (each a new PostgreSQL backend) all the time.
    options = {"pool_pre_ping": True, "pool_size": 20, "max_overflow": 20} | kwargs
    return create_async_engine(url, **options)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
