"""What every handler gets: settings, the clock and one database transaction per update."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import CallbackContext, ExtBot

from bot.clock import Clock, SystemClock
from bot.reminders.dispatcher import Dispatcher
from bot.settings import Settings


@dataclass
class Resources:
    """Held in bot_data; the engine is made when the bot starts, inside its event loop."""

    settings: Settings = field(default_factory=Settings)
    clock: Clock = field(default_factory=SystemClock)
    engine: AsyncEngine | None = None
    sessionmaker: async_sessionmaker[AsyncSession] | None = None
    dispatcher: Dispatcher | None = None


class BotContext(CallbackContext[ExtBot[None], dict, dict, Resources]):  # type: ignore[type-var]
    def now(self) -> datetime:
        return self.bot_data.clock.now()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back on an error."""
        maker = self.bot_data.sessionmaker
        if maker is None:
            raise RuntimeError("database not ready: the application has not started")
        async with maker.begin() as session:
            yield session
