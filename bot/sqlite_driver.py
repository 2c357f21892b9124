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
through ``create_async_engine(async_creator=...)``. That argument is public; the shape is
not: SQLAlchemy's asyncio extension accepts only an asyncio driver (a plain ``sqlite://``
AsyncEngine raises AwaitRequired, https://github.com/sqlalchemy/sqlalchemy/issues/5920),
and what its adapter (sqlalchemy/dialects/sqlite/aiosqlite.py on the classes of
sqlalchemy/connectors/asyncio.py) uses of aiosqlite's objects is not a documented interface.
As of SQLAlchemy 2.1.9 and aiosqlite 0.22.1 it uses exactly this, and this is all the
classes provide (tests/test_upstream_sqlite_driver.py fails when the two lists differ):

On the connection (``DriverConnection``):
    ``cursor()``: for every cursor, a plain call.
    ``await commit()``, ``await rollback()``: only while ``_connection`` is set.
    ``_connection``: read; aiosqlite's attribute for its sqlite3 connection, None once
    closed.
    ``await create_function(name, n, fn, deterministic=True)``: the pysqlite dialect's
    on-connect hook registers ``regexp`` and ``floor``.
    ``await close()``: the pool closing a connection (``dispose()``, invalidation).
    ``stop()``: terminating one outside a greenlet (the garbage collector found it never
    returned to the pool). The dialect terminates only if the installed aiosqlite has
    ``Connection.stop`` (0.22.1 on), hence pyproject's ``aiosqlite>=0.22.1``.

On the cursor (``DriverCursor``):
    ``await __aenter__()``: once, after ``cursor()``; what it returns is used from then on.
    ``await execute(sql[, parameters])``, ``await executemany(sql, seq_of_parameters)``.
    ``description``, ``rowcount``, ``lastrowid``; ``arraysize``, read by a ``fetchmany()``
    without a size.
    ``await fetchall()``: after every statement that returns rows (the adapter buffers
    them) and for a server-side cursor's ``all()``.
    ``await fetchmany(size=n)``: server-side cursors (``stream()``, ``yield_per``).
    ``await close()``.

Left out because the adapter does not use them here: the connection's ``isolation_level``
(read only under ``create_engine(skip_autocommit_rollback=True)``; setting it, as the
``isolation_level`` option does, reaches into aiosqlite's private ``_conn`` and ``_tx``, so
that option is not supported on this driver), and the cursor's ``fetchone``, ``nextset``,
``setinputsizes``, ``__aexit__`` and ``__aiter__``. From the aiosqlite module itself the
dialect takes its exception classes, which are sqlite3's own, so the sqlite3 errors raised
here become SQLAlchemy's ``OperationalError``, ``IntegrityError`` and so on.

Remove this module, and the ``async_creator`` in bot/db.py (letting SQLite's own busy
timeout wait for the lock, on aiosqlite's thread), when SQLAlchemy documents a way to run
a synchronous DBAPI such as sqlite3 on the event loop of an AsyncEngine, or when
aiosqlite's hop to its thread is no longer measurable: ``python -m bench load`` on SQLite
spending no more CPU per update with plain aiosqlite than with this driver.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Awaitable, Callable
from typing import Any

LOCK_WAIT_S = 30.0
BEGIN_IMMEDIATE = "BEGIN IMMEDIATE"
# Switching a new file to WAL takes the lock too: processes opening one file for the first
# time at once (several bots, or `migrate` run beside them) wait for it the same way.
JOURNAL_WAL = "PRAGMA journal_mode=WAL"
WAITS_FOR_LOCK = (BEGIN_IMMEDIATE, JOURNAL_WAL)
_FIRST_PAUSE_S, _LONGEST_PAUSE_S = 0.002, 0.1


class DriverCursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> DriverCursor:
        return self

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

    async def execute(self, sql: str, parameters: Any = ()) -> DriverCursor:
        if sql in WAITS_FOR_LOCK:
            await _when_free(self._cursor, sql)
        else:
            self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, seq_of_parameters: Any) -> DriverCursor:
        self._cursor.executemany(sql, seq_of_parameters)
        return self

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


async def _when_free(cursor: sqlite3.Cursor, sql: str) -> None:
    """Run a statement that takes the write lock, waiting on the event loop (not in SQLite)
    while another process holds it; after LOCK_WAIT_S the "database is locked" error is
    raised."""
    deadline = time.monotonic() + LOCK_WAIT_S
    pause = _FIRST_PAUSE_S
    while True:
        try:
            cursor.execute(sql)
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                raise
        await asyncio.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE_S)
