"""Run the real bot against the Bot API stand-in and a real database, with a test clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime, timedelta

from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import build_application, polling
from bot.db import make_engine, make_sessionmaker
from bot.settings import Settings
from models import Base

TOKEN = "123456:TEST-token-never-logged"


class FakeClock:
    """Time moves only when the test says so."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class BotHarness:
    """The bot as production runs it (polling over HTTP), restartable mid-test."""

    def __init__(self, api_url: str, database_url: str, clock: FakeClock) -> None:
        self.settings = Settings(
            telegram_bot_token=SecretStr(TOKEN),
            telegram_base_url=api_url,
            database_url=database_url,
        )
        self.clock = clock
        self.engine = make_engine(database_url)
        self.sessionmaker = make_sessionmaker(self.engine)
        self._running: AbstractAsyncContextManager[None] | None = None

    async def start(self) -> None:
        app = build_application(self.settings, self.clock)
        self._running = polling(app, poll_timeout=1)
        await self._running.__aenter__()

    async def stop(self) -> None:
        if self._running is not None:
            running, self._running = self._running, None
            await running.__aexit__(None, None, None)

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessionmaker() as session:
            yield session

    async def count_rows(self) -> dict[str, int]:
        """Rows per table, to prove that something changed nothing."""
        counts = {}
        async with self.session() as session:
            for table in Base.metadata.sorted_tables:
                counts[table.name] = await session.scalar(select(func.count()).select_from(table))
        return counts

    async def close(self) -> None:
        await self.stop()
        await self.engine.dispose()
