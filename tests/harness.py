"""Run the real bot against the Bot API stand-in and a real database, with a test clock."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import build_application, polling
from bot.clock import ManualClock
from bot.db import make_engine, make_sessionmaker
from bot.i18n import Texts
from bot.keys import Keyring, open_keyring
from bot.keys.master import new_key
from bot.reminders.dispatcher import Outcome
from bot.settings import Settings, keystore_beside
from models import Base, ProcessedUpdate, SentMessage
from models.sealed import attach
from stillnight_dev.standin import TrackedApplication

TOKEN = "123456:TEST-token-never-logged"
NOT_COUNTED = {ProcessedUpdate.__tablename__, SentMessage.__tablename__}
# The tests' own master key, made for this test run (the key store beside each database).
MASTER_KEY = new_key().text()


def keystore_for(database_url: str) -> str:
    """A key store of the database's own: beside a SQLite file (as in production), in a
    folder of this test run for a PostgreSQL database (named after it), so every harness and
    process of one database finds the same one."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return keystore_beside(database_url)
    return f"sqlite+aiosqlite:///{_RUN_FOLDER / f'{url.database}-keys.db'}"


_RUN_FOLDER = Path(tempfile.mkdtemp(prefix="stillnight-keys-"))


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
        keystore_url: str | None = None,
        master_key: str = MASTER_KEY,
        master_key_file: Path | None = None,
    ) -> None:
        self.settings = Settings(
            telegram_bot_token=SecretStr(TOKEN),
            telegram_base_url=api_url,
            database_url=database_url,
            master_key=None if master_key_file else SecretStr(master_key),
            master_key_file=master_key_file,
            keystore_url=keystore_url or keystore_for(database_url),
            reminder_check_seconds=3600,  # tests run the job themselves, at the test clock's time
        )
        self.clock = clock
        self.texts = texts  # a catalog of the test's own (tests/test_catalog_e2e.py)
        self.engine = make_engine(database_url)
        self.sessionmaker = make_sessionmaker(self.engine)
        self._running: AbstractAsyncContextManager[None] | None = None
        self.keyring: Keyring | None = None

    async def _keys(self) -> None:
        """The test's own reads open sealed values too: the same keys as the bot's."""
        if self.keyring is None:
            self.keyring = await open_keyring(self.settings)
            attach(self.engine, self.keyring)

    async def start(self) -> None:
        await self._keys()
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
        await self._keys()
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
        if self.keyring is not None:
            await self.keyring.close()


@asynccontextmanager
async def sessions_with_keys(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on a database that a bot process wrote, with the tests' keys to read it."""
    engine = make_engine(database_url)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        master_key=SecretStr(MASTER_KEY),
        keystore_url=keystore_for(database_url),
    )
    keyring = await open_keyring(settings)
    attach(engine, keyring)
    try:
        yield make_sessionmaker(engine)
    finally:
        await engine.dispose()
        await keyring.close()
