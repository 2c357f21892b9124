"""Run the real bot against the Bot API stand-in and a real database, with a test clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import build_application, polling
from bot.clock import ManualClock
from bot.db import make_engine, make_sessionmaker
from bot.i18n import Texts
from bot.reminders.dispatcher import Outcome
from bot.settings import Settings
from models import Base, ProcessedUpdate, SentMessage
from stillnight_dev.standin import TrackedApplication

TOKEN = "123456:TEST-token-never-logged"
NOT_COUNTED = {ProcessedUpdate.__tablename__, SentMessage.__tablename__}


class BotHarness:
    """The bot as production runs it (polling over HTTP), restartable mid-test.

    Built as a :class:`TrackedApplication`, so the stand-in's waits end when it has finished.
    """

    def __init__(
        self,
        api_url: str,
        database_url: str,
        clock: ManualClock,
        texts: Callable[[str], Texts] | None = None,
    ) -> None:
        self.settings = Settings(
            telegram_bot_token=SecretStr(TOKEN),
            telegram_base_url=api_url,
            database_url=database_url,
            reminder_check_seconds=3600,  # tests run the job themselves, at the test clock's time
        )
        self.clock = clock
        self.texts = texts  # a catalog of the test's own (tests/test_catalog_e2e.py)
        self.engine = make_engine(database_url)
        self.sessionmaker = make_sessionmaker(self.engine)
        self._running: AbstractAsyncContextManager[None] | None = None

    async def start(self) -> None:
        self.app = build_application(
            self.settings, self.clock, application_class=TrackedApplication
        )
        if self.texts is not None:
            self.app.bot_data.texts = self.texts
        self._running = polling(self.app, poll_timeout=1)
        await self._running.__aenter__()

    async def dispatch(self) -> Outcome:
        """Run the reminder job once, now, as the JobQueue would."""
        return await self.app.bot_data.dispatcher.run_once()

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

    async def stored_rows(self) -> dict[str, int]:
        """Row counts of the tables that hold anything, to prove what was (not) stored.

        processed_updates is left out: it holds only Telegram's update ids and times (no
        user id, no content), pruned after two days. So is sent_messages: the ids of the
        bot's own messages and when they were sent (no content), pruned after 48 hours and
        deleted with everything else by /delete (tests/test_privacy_e2e.py checks both).
        """
        counts = {}
        async with self.session() as session:
            for table in Base.metadata.sorted_tables:
                if table.name in NOT_COUNTED:
                    continue
                count = await session.scalar(select(func.count()).select_from(table))
                if count:
                    counts[table.name] = count
        return counts

    async def close(self) -> None:
        await self.stop()
        await self.engine.dispose()
