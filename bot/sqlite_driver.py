"""SQLite for the async engine, run on the event loop's own thread.

aiosqlite runs every cursor operation on a thread of its own and hands the result back
through the event loop: four round trips per statement, about 23 per check-in tap, and
without them a SQLite process spends about 30% less CPU per update (bench/README.md:
SQLite went from well behind PostgreSQL to level with it). A SQLite statement of ours
takes microseconds and a commit well under a millisecond (the WAL's fsync), so running
them where they are called costs the loop less than handing them over.

What must not run on the loop is waiting for another process (the CLI, a backup) to
release SQLite's write lock. Every transaction starts with ``BEGIN IMMEDIATE``
(bot/db.py), the one statement that waits for that lock, so the connection's own busy
timeout is 0 and :meth:`DriverCursor.execute` retries that statement with ``asyncio.sleep``
until ``LOCK_WAIT_S``; with the lock held, nothing else in the transaction waits.

The classes have the shape of aiosqlite's, which SQLAlchemy's ``sqlite+aiosqlite``
dialect adapts (it still supplies the dialect and the DBAPI names); they are handed to it
through ``create_async_engine(async_creator=...)``.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Awaitable, Callable
from typing import Any

LOCK_WAIT_S = 30.0
BEGIN_IMMEDIATE = "BEGIN IMMEDIATE"
_FIRST_PAUSE_S, _LONGEST_PAUSE_S = 0.002, 0.1


class DriverCursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> DriverCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Any = ()) -> DriverCursor:
        if sql == BEGIN_IMMEDIATE:
            await _begin_when_free(self._cursor)
        else:
            self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, seq_of_parameters: Any) -> DriverCursor:
        self._cursor.executemany(sql, seq_of_parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size or self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class DriverConnection:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection
        # SQLAlchemy's adapter reads this, as on aiosqlite, to skip commit/rollback once closed.
        self._connection: sqlite3.Connection | None = connection

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> DriverCursor:
        return DriverCursor(self._conn.cursor())

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Close at once (SQLAlchemy's terminate)."""
        self._connection = None
        self._conn.close()


def connector(database: str) -> Callable[[], Awaitable[DriverConnection]]:
    """The ``async_creator`` for an engine on `database`: autocommit mode (SQLAlchemy
    issues BEGIN itself) and no busy timeout (see the module docstring)."""

    async def connect() -> DriverConnection:
        return DriverConnection(sqlite3.connect(database, isolation_level=None, timeout=0))

    return connect


async def _begin_when_free(cursor: sqlite3.Cursor) -> None:
    """BEGIN IMMEDIATE, waiting on the event loop (not in SQLite) while another process
    holds the write lock; after LOCK_WAIT_S the "database is locked" error is raised."""
    deadline = time.monotonic() + LOCK_WAIT_S
    pause = _FIRST_PAUSE_S
    while True:
        try:
            cursor.execute(BEGIN_IMMEDIATE)
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                raise
        await asyncio.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE_S)
