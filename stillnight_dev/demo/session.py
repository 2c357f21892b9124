"""The demo's world: the Bot API stand-in, the real bot polling it, a demo clock and database.

The Application is built and run exactly as production does (`build_application` and
`polling`); only the settings differ, and they are constructed here from scratch so that
neither .env nor the environment can point the demo at the real token or database. It is
built as the stand-in's `TrackedApplication`, which tells the stand-in when each update has
been handled, so waiting for the bot's answer ends as soon as it is complete.
"""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from types import TracebackType
from zoneinfo import ZoneInfo

from pydantic import SecretStr

from bot.app import build_application, polling
from bot.clock import ManualClock
from bot.data import deliveries, users
from bot.db import make_engine
from bot.keys.master import new_key, write_file
from bot.migrate import upgrade
from bot.reminders.pacer import Pacer
from bot.settings import Settings
from stillnight_dev.standin import BotApiStandin, TrackedApplication, UserChat

DEMO_TOKEN = "4242:demo-token-not-a-real-one"  # the stand-in reads the bot id from it
DEMO_USER_ID = 424242
DEMO_USER_NAME = "Alex"
REPLY_TIMEOUT = 20.0  # generous: the first typed city builds the place-name index


def demo_home() -> Path:
    """The demo's own folder, whatever the working folder: stillnight-demo in the user's data
    folder ($XDG_DATA_HOME, else ~/.local/share). Never the real bot's ./data."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "stillnight-demo"


def default_database() -> Path:
    return demo_home() / "demo.db"


def files_for(database: Path) -> Path:
    """Where photos and documents from the bot are saved: a folder beside the database."""
    return database.with_name(f"{database.stem}-files")


@dataclass(frozen=True)
class DemoOptions:
    database: Path = field(default_factory=default_database)
    files: Path = field(default_factory=lambda: files_for(default_database()))
    start: datetime | None = None  # demo clock start; None: the real current time
    fresh: bool = False  # delete the demo database first
    language: str = "en"  # the demo user's Telegram app language (the bot's choice follows it)


def database_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path.resolve()}"


def demo_keys(database: Path) -> tuple[Path, str]:
    """The demo's own master key file and key store, beside its database: made on the first
    run, kept with it (a demo database without them could not be read again)."""
    key_file = database.with_name(f"{database.stem}-master.key")
    if not key_file.exists():
        write_file(key_file, [new_key()])
    return key_file, database_url(database.with_name(f"{database.stem}-keys.db"))


class DemoSession:
    """`async with DemoSession(options) as demo:` the bot runs; `demo.user` plays the user."""

    def __init__(self, options: DemoOptions) -> None:
        self.options = options
        start = options.start or datetime.now(UTC).replace(microsecond=0)
        self.clock = ManualClock(start)
        self._start = start
        self.standin = BotApiStandin(
            valid_token=DEMO_TOKEN, bot_username="stillnight_demo_bot", reply_timeout=REPLY_TIMEOUT
        )
        self._stack = AsyncExitStack()

    @property
    def user(self) -> UserChat:
        # started=True: the demo user may already have talked to the bot in an earlier run.
        return self.standin.user(
            DEMO_USER_ID, DEMO_USER_NAME, language_code=self.options.language, started=True
        )

    async def __aenter__(self) -> DemoSession:
        url = await self._prepare_database()
        key_file, keystore_url = demo_keys(self.options.database)
        await self._stack.enter_async_context(self.standin)
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            telegram_bot_token=SecretStr(DEMO_TOKEN),
            telegram_base_url=self.standin.url,
            database_url=url,
            master_key_file=key_file,
            keystore_url=keystore_url,
        )
        self.app = build_application(settings, self.clock, application_class=TrackedApplication)
        try:
            await self._stack.enter_async_context(polling(self.app, poll_timeout=1))
        except BaseException:
            await self._stack.aclose()
            raise
        # Pace in demo time: reminders hours apart need not wait a second for each other
        # when demo time jumps (two due at one moment still do, in real time).
        self.app.bot_data.dispatcher.pacer = Pacer(
            settings.send_rate_per_second, settings.send_per_chat_seconds, self._pacer_clock
        )
        return self

    def _pacer_clock(self) -> float:
        """Real seconds, plus however far the demo clock has moved since the start."""
        return time.monotonic() + (self.clock.now() - self._start).total_seconds()

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self._stack.aclose()

    async def _prepare_database(self) -> str:
        path = self.options.database
        if self.options.fresh:
            keys = path.with_name(f"{path.stem}-keys.db")
            for base in (path, keys):
                for leftover in (base, *(base.with_name(base.name + s) for s in ("-wal", "-shm"))):
                    leftover.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        url = database_url(path)
        engine = make_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()
        return url

    async def zone(self) -> tzinfo:
        """The demo user's time zone as the bot stored it; UTC before they chose one."""
        maker = self.app.bot_data.sessionmaker
        assert maker is not None, "the bot is not running"
        async with maker() as session:
            user = await users.get_user(session, DEMO_USER_ID)
        return ZoneInfo(user.timezone) if user is not None and user.timezone else UTC

    async def pass_time(self, until: datetime) -> AsyncIterator[datetime]:
        """Move the demo clock to `until` as time passes for a running bot: through every
        moment on the way when a reminder (or a snooze) falls due, in order, running the
        reminder job at each. Yields each moment once the bot has acted on it; `until` last."""
        maker = self.app.bot_data.sessionmaker
        assert maker is not None, "the bot is not running"
        dispatcher = self.app.bot_data.dispatcher
        while True:
            async with maker() as session:
                ahead = await deliveries.next_work_after(session, self.clock.now())
            moment = until if ahead is None or ahead > until else ahead
            self.clock.set(moment)
            if (await dispatcher.run_once()).claimed:
                await self.settle()
            yield moment
            if moment == until:
                return

    async def settle(self) -> None:
        """Wait until the bot has made no request (long polls aside) for a moment."""
        with suppress(AssertionError):  # still busy after that long: show what there is
            await self.standin.wait_idle(quiet=0.2, timeout=REPLY_TIMEOUT)
