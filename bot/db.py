"""The database engine: SQLite by default (no server to start), PostgreSQL at scale."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.sqlite_driver import BEGIN_IMMEDIATE, JOURNAL_WAL, connector


def _prepare_sqlite(url: str) -> str:
    """The database's path (the file and its folder made owner-only), or ":memory:"."""
    database = make_url(url).database or ":memory:"
    if database != ":memory:":
        owner_only(Path(database))
    return database


def owner_only(path: Path) -> None:
    """Health data: readable by the bot's own user only, whatever the umask.

    The folder is made 0700 when it is made here (an existing one is the operator's); the
    file is created 0600 before SQLite opens it and set so at every start. SQLite gives its
    -wal and -shm files the database file's mode.
    """
    if not path.parent.exists():
        path.parent.mkdir(parents=True)
        path.parent.chmod(0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for file in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        if file.exists():
            file.chmod(0o600)


def shown(url: str) -> str:
    """Where the database is, for people: a SQLite file's path, or the URL without password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(JOURNAL_WAL)
    # Deleted rows (a /delete) are overwritten with zeros, not left in free pages of the file.
    # Set here, not left to how this system's SQLite was compiled.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    """Take SQLite's write lock at the start of every transaction.

    A transaction that reads first and writes later fails at once (SQLITE_BUSY_SNAPSHOT) if
    another connection wrote in between, as when the reminder job and a handler overlap.
    Taking the lock up front makes the second one wait instead (bot/sqlite_driver.py).
    """
    connection.exec_driver_sql(BEGIN_IMMEDIATE)


POSTGRES_POOL = 20


def make_engine(url: str, *, postgres_pool: int = POSTGRES_POOL, **kwargs: Any) -> AsyncEngine:
    """Create an engine; for SQLite make its folder, connect through bot/sqlite_driver.py,
    turn on foreign keys and WAL, and begin every transaction as BEGIN IMMEDIATE.

    On PostgreSQL a process holds up to 2 x `postgres_pool` connections (the pool and as
    many again at peaks): every process together must stay below the server's
    max_connections (100 by default), or connecting fails with "too many clients".
    """
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
    options = {
        "pool_pre_ping": True,
        "pool_size": postgres_pool,
        "max_overflow": postgres_pool,
    } | kwargs
    return create_async_engine(url, **options)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def close_engine(engine: AsyncEngine) -> None:
    """Close the engine's connections; a SQLite file's WAL is emptied first.

    The WAL holds page images of recent writes, among them rows deleted since (a finished
    dialog, a destroyed data key) that secure_delete has already zeroed in the file itself.
    Checkpointing with TRUNCATE at a clean stop leaves the files at rest without them.
    """
    if engine.dialect.name == "sqlite":
        async with engine.connect() as connection:
            await connection.run_sync(_truncate_wal)
    await engine.dispose()


def _truncate_wal(connection: Connection) -> None:
    """On the driver's connection itself: a checkpoint cannot run inside BEGIN IMMEDIATE."""
    cursor = connection.connection.cursor()
    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cursor.close()
