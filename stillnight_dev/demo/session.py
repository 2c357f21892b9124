"""The demo's world: the Bot API stand-in, the real bot polling it, a demo clock and database.

The Application is built and run exactly as production does (`build_application` and
`polling`); only the settings differ, and they are constructed here from scratch so that
neither .env nor the environment can point the demo at the real token or database. It is
built as the stand-in's `TrackedApplication`, which tells the stand-in when each update has
been handled, so waiting for the bot's answer ends as soon as it is complete.
"""

from __future__ import annotations

from contextlib import AsyncExitStack, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from types import TracebackType
from zoneinfo import ZoneInfo

from pydantic import SecretStr

from bot.app import build_application, polling
from bot.clock import ManualClock
from bot.data import users
from bot.db import make_engine
from bot.migrate import upgrade
from bot.settings import Settings
from stillnight_dev.standin import BotApiStandin, TrackedApplication, UserChat

DEMO_TOKEN = "4242:demo-token-not-a-real-one"  # the stand-in reads the bot id from it
DEMO_USER_ID = 424242
DEMO_USER_NAME = "Alex"
DEFAULT_DATABASE = Path("data/demo.db")
DEFAULT_FILES = Path("data/demo-files")
REPLY_TIMEOUT = 20.0  # generous: the first typed city builds the place-name index


@dataclass(frozen=True)
class DemoOptions:
    database: Path = DEFAULT_DATABASE
    files: Path = DEFAULT_FILES
    start: datetime | None = None  # demo clock start; None: the real current time
    fresh: bool = False  # delete the demo database first


def database_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path.resolve()}"


class DemoSession:
    """`async with DemoSession(options) as demo:` the bot runs; `demo.user` plays the user."""

    def __init__(self, options: DemoOptions) -> None:
        self.options = options
        start = options.start or datetime.now(UTC).replace(microsecond=0)
        self.clock = ManualClock(start)
        self.standin = BotApiStandin(
            valid_token=DEMO_TOKEN, bot_username="stillnight_demo_bot", reply_timeout=REPLY_TIMEOUT
        )
        self._stack = AsyncExitStack()

    @property
    def user(self) -> UserChat:
        # started=True: the demo user may already have talked to the bot in an earlier run.
        return self.standin.user(DEMO_USER_ID, DEMO_USER_NAME, started=True)

    async def __aenter__(self) -> DemoSession:
        url = await self._prepare_database()
        await self._stack.enter_async_context(self.standin)
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            telegram_bot_token=SecretStr(DEMO_TOKEN),
            telegram_base_url=self.standin.url,
            database_url=url,
        )
        self.app = build_application(settings, self.clock, application_class=TrackedApplication)
        try:
            await self._stack.enter_async_context(polling(self.app, poll_timeout=1))
        except BaseException:
            await self._stack.aclose()
            raise
        return self

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
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
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

    async def move_clock(self, instant: datetime) -> None:
        """Jump the demo clock, send whatever reminders fell due, and let the bot finish."""
        self.clock.set(instant)
        await self.app.bot_data.dispatcher.run_once()
        await self.settle()

    async def settle(self) -> None:
        """Wait until the bot has made no request (long polls aside) for a moment."""
        with suppress(AssertionError):  # still busy after that long: show what there is
            await self.standin.wait_idle(quiet=0.2, timeout=REPLY_TIMEOUT)
