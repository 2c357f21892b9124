"""Guards for bot/sqlite_driver.py, which SQLAlchemy's aiosqlite adapter drives as if it
were aiosqlite: they fail the day the adapter uses a name our classes lack, or stops using
one they have, and show that bot.db.make_engine really connects through it.

A real engine runs a workload like the bot's (and a little more of what the dialect offers)
through our connector, with a proxy between SQLAlchemy and each connection and cursor that
records every attribute SQLAlchemy reads or sets on them.
"""

from __future__ import annotations

import gc
import inspect
import re
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import Integer, String, event, exc, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot import db, sqlite_driver
from bot.migrate import upgrade
from bot.sqlite_driver import DriverConnection, DriverCursor

#: Attributes of ours that SQLAlchemy must not see: what the classes wrap.
INTERNAL = {"connection": {"_conn"}, "cursor": {"_cursor"}}
ASYNC_PROTOCOL = {"__aenter__", "__aexit__", "__aiter__", "__anext__"}


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "upstream_guard_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(String(20), unique=True)


NOTES = Note.__table__


class Recorder:
    """Stands in for one of our objects, noting each name SQLAlchemy uses on it ("name=" for
    a name it sets). What our methods return is wrapped too: the cursor from ``cursor()``,
    and the object itself from ``__aenter__`` and ``execute``."""

    __slots__ = ("_target", "_touched")

    def __init__(self, target: Any, touched: set[str]) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_touched", touched)

    def __getattr__(self, name: str) -> Any:
        target, touched = self._target, self._touched
        touched.add(name)
        value = getattr(target, name)
        if not inspect.ismethod(value):
            return value
        if inspect.iscoroutinefunction(value):

            async def call_async(*args: Any, **kwargs: Any) -> Any:
                return self._wrap(await value(*args, **kwargs))

            return call_async
        return lambda *args, **kwargs: self._wrap(value(*args, **kwargs))

    def __setattr__(self, name: str, value: Any) -> None:
        self._touched.add(f"{name}=")
        setattr(self._target, name, value)

    def _wrap(self, result: Any) -> Any:
        if result is self._target:
            return self
        if isinstance(result, DriverCursor):
            return Recorder(result, TOUCHED["cursor"])
        return result


TOUCHED: dict[str, set[str]] = {"connection": set(), "cursor": set()}


def recording_connector(database: str) -> Callable[[], Awaitable[Any]]:
    connect = sqlite_driver.connector(database)

    async def recorded() -> Any:
        return Recorder(await connect(), TOUCHED["connection"])

    return recorded


def provided(cls: type, instance: Any, kind: str) -> set[str]:
    """The names our class offers SQLAlchemy: its methods and properties ("name=" for one
    it lets be set), the async protocol methods it has, its instance attributes."""
    names = set()
    for name, value in vars(cls).items():
        if name.startswith("__") and name not in ASYNC_PROTOCOL:
            continue
        names.add(name)
        if isinstance(value, property) and value.fset is not None:
            names.add(f"{name}=")
    return names | (set(vars(instance)) - INTERNAL[kind])


def what_we_provide() -> dict[str, set[str]]:
    connection = sqlite3.connect(":memory:")
    try:
        ours = DriverConnection(connection)
        return {
            "connection": provided(DriverConnection, ours, "connection"),
            "cursor": provided(DriverCursor, ours.cursor(), "cursor"),
        }
    finally:
        connection.close()


async def the_bots_kind_of_workload(engine: AsyncEngine, database: Path) -> None:
    """Migrations, ORM and Core writes, reads, a rollback, a constraint error, the write
    lock taken at BEGIN, streamed results, and the pool closing, invalidating and
    terminating connections."""
    await upgrade(engine)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncSession(engine) as session:
        session.add(Note(body="orm"))
        await session.commit()
    async with engine.begin() as conn:
        inserted = await conn.execute(insert(NOTES).values(body="core"))
        assert inserted.inserted_primary_key == (2,)
        await conn.execute(insert(NOTES), [{"body": "many 1"}, {"body": "many 2"}])
    async with engine.connect() as conn:
        result = await conn.execute(select(NOTES).order_by(NOTES.c.id))
        rows = result.fetchmany() + result.all()  # fetchmany(): as many as the cursor's arraysize
        assert [row.body for row in rows] == ["orm", "core", "many 1", "many 2"]
        changed = await conn.execute(update(NOTES).values(body=func.upper(NOTES.c.body)))
        assert changed.rowcount == 4
        await conn.rollback()
        assert await conn.scalar(select(NOTES.c.body).where(NOTES.c.id == 1)) == "orm"
        await conn.rollback()
    with pytest.raises(exc.IntegrityError) as duplicate:
        async with engine.begin() as conn:
            await conn.execute(insert(NOTES).values(body="orm"))
    assert isinstance(duplicate.value.orig, sqlite3.IntegrityError)
    async with engine.connect() as conn:
        await conn.execute(select(1))  # a read; make_engine began with BEGIN IMMEDIATE
        other = sqlite3.connect(database, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
        await conn.rollback()
    async with engine.connect() as conn:
        streamed = await conn.stream(select(NOTES.c.id).order_by(NOTES.c.id))
        assert [row.id async for row in streamed] == [1, 2, 3, 4]
        query = select(NOTES.c.id).execution_options(yield_per=1)
        assert [i async for i in await conn.stream_scalars(query)] == [1, 2, 3, 4]
        await conn.rollback()
    # A session dropped without closing (say, its task cancelled by a shutdown): the
    # garbage collector finds its connection, and the pool terminates it.
    abandoned = AsyncSession(engine)
    await abandoned.execute(select(1))
    del abandoned
    with pytest.warns(exc.SAWarning, match="garbage collector"):
        gc.collect()
    async with engine.connect() as conn:
        await conn.execute(select(1))
        await conn.invalidate()
    await engine.dispose()


async def test_sqlalchemy_uses_exactly_what_our_driver_provides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for touched in TOUCHED.values():
        touched.clear()
    monkeypatch.setattr(db, "connector", recording_connector)
    database = tmp_path / "guard.db"
    engine = db.make_engine(f"sqlite+aiosqlite:///{database}")
    try:
        await the_bots_kind_of_workload(engine, database)
    except Exception as error:
        failed: Exception | None = error  # a name we lack fails it: say which one first
    else:
        failed = None

    ours = what_we_provide()
    for kind, cls in (("connection", DriverConnection), ("cursor", DriverCursor)):
        used, offered = TOUCHED[kind], ours[kind]
        assert not used - offered, (
            f"SQLAlchemy's aiosqlite adapter now uses {sorted(used - offered)} on the {kind}, "
            f"which {cls.__name__} lacks: add it to bot/sqlite_driver.py and its docstring's "
            "list (or remove the module, see its docstring)"
        )
    if failed is not None:
        raise failed
    for kind, cls in (("connection", DriverConnection), ("cursor", DriverCursor)):
        used, offered = TOUCHED[kind], ours[kind]
        assert not offered - used, (
            f"SQLAlchemy's aiosqlite adapter no longer uses {sorted(offered - used)} on the "
            f"{kind}: remove it from {cls.__name__} and from bot/sqlite_driver.py's docstring"
        )
        for name in offered:
            listed = rf"``(await )?{re.escape(name.rstrip('='))}\b"
            assert re.search(listed, sqlite_driver.__doc__ or ""), (
                f"bot/sqlite_driver.py's docstring does not list {cls.__name__}.{name}"
            )


async def test_make_engine_runs_sqlite_through_our_driver_on_the_loops_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_aiosqlite(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("make_engine connected through aiosqlite, not bot/sqlite_driver.py")

    monkeypatch.setattr(aiosqlite, "connect", no_aiosqlite)
    engine = db.make_engine(f"sqlite+aiosqlite:///{tmp_path}/driver.db")

    @event.listens_for(engine.sync_engine, "connect")
    def thread_id_function(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.create_function("thread_id", 0, threading.get_ident)

    threads = set(threading.enumerate())
    try:
        async with engine.connect() as conn:
            raw = await conn.get_raw_connection()
            assert isinstance(raw.driver_connection, DriverConnection)
            # SQLite runs where the statement is executed: the event loop's own thread.
            assert await conn.scalar(text("select thread_id()")) == threading.get_ident()
            await conn.execute(text("select 1"))
        assert set(threading.enumerate()) <= threads, "a thread was started for SQLite"
    finally:
        await engine.dispose()
