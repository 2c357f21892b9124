"""What every handler gets: settings, the clock and one database transaction per update."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import ApplicationHandlerStop, CallbackContext, ExtBot

from bot.clock import Clock, SystemClock
from bot.core import updates
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
    """One context per update, shared by the handlers of every group.

    The update's first transaction also claims the update id (`updates.claim`), so what a
    handler stores and the note that the update was handled commit together: a second
    delivery of the update stops at its first transaction, and an update whose handling
    failed before anything was stored is handled in full when it comes again.
    """

    unclaimed_update: int | None = None

    @classmethod
    def from_update(cls, update: object, application: Any) -> BotContext:
        context = super().from_update(update, application)
        if isinstance(update, Update):
            context.unclaimed_update = update.update_id
        return context

    def now(self) -> datetime:
        return self.bot_data.clock.now()

    @asynccontextmanager
    async def session(self, *, claims: bool = True) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back on an error.

        Raises ApplicationHandlerStop, having changed nothing, when this is the update's
        first claiming transaction and the update was handled before. `claims=False` is
        for a look that only decides where the update goes: the transaction that then
        stores the answer claims the update with it.
        """
        maker = self.bot_data.sessionmaker
        if maker is None:
            raise RuntimeError("database not ready: the application has not started")
        update_id = self.unclaimed_update if claims else None
        async with maker.begin() as session:
            if update_id is not None and not await updates.claim(session, update_id, self.now()):
                raise ApplicationHandlerStop
            yield session
        if update_id is not None:
            self.unclaimed_update = None
