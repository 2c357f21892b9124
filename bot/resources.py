"""What the running bot holds in PTB's bot_data: settings, clock, database, keys, dispatcher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock, SystemClock
from bot.i18n import Texts, texts_for
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.keys import Keyring
    from bot.reminders.dispatcher import Dispatcher


@dataclass
class Resources:
    """Held in bot_data; the engine is made when the bot starts, inside its event loop."""

    settings: Settings = field(default_factory=Settings)
    clock: Clock = field(default_factory=SystemClock)
    engine: AsyncEngine | None = None
    sessionmaker: async_sessionmaker[AsyncSession] | None = None
    dispatcher: Dispatcher | None = None
    keyring: Keyring | None = None  # the data keys (bot/keys), opened with the engine
    # A language's texts; tests hand in a catalog of their own (tests/test_catalog_e2e.py).
    texts: Callable[[str], Texts] = texts_for
    # Groups this process answered, and when it left them (datetime.max while leaving): a
    # burst of messages sent there before the bot left gets one reply, not one each
    # (handlers/misc.private_only); a message after that (the bot added again) gets its own.
    groups_left: dict[int, datetime] = field(default_factory=dict)
