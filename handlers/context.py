"""What every handler gets: settings, the clock, the user's language and one database
transaction per update (the first one also finishes the update's claim: bot/data/updates.py).

The language is the one stored for the user (read before any handler runs, by
handlers/dedupe.py), else their Telegram app's (bot/i18n/languages.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from telegram import Update
from telegram.ext import ApplicationHandlerStop, CallbackContext, ExtBot

from bot.data import Tx
from bot.data.updates import AlreadyHandled, transaction
from bot.i18n import Texts
from bot.i18n.languages import from_telegram, spoken
from bot.keys import Keyring
from bot.parsing import InputParser, parser_for
from bot.resources import Resources


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], Resources]):
    """One context per update, shared by the handlers of every group."""

    # The update this process claimed (handlers/dedupe.py) and has not yet finished.
    held_claim: int | None = None
    stored_language: str | None = None  # the user's, as stored (None: not chosen yet)
    telegram_language: str | None = None  # the language_code of the user's Telegram app

    @classmethod
    def from_update(cls, update: object, application: Any) -> BotContext:
        context: BotContext = super().from_update(update, application)
        if isinstance(update, Update):
            user = update.effective_user
            context.telegram_language = user.language_code if user else None
        return context

    def now(self) -> datetime:
        return self.bot_data.clock.now()

    @property
    def language(self) -> str:
        """The user's language: the stored one, else the one their Telegram app is set to."""
        return spoken(self.stored_language) or from_telegram(self.telegram_language)

    @property
    def texts(self) -> Texts:
        return self.bot_data.texts(self.language)

    @property
    def keyring(self) -> Keyring:
        keyring = self.bot_data.keyring
        if keyring is None:
            raise RuntimeError("keys not ready: the application has not started")
        return keyring

    @property
    def parser(self) -> InputParser:
        return parser_for(self.language)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """One transaction: committed when the block ends, rolled back on an error.

        The update's first transaction finishes its claim; when another process handled it
        meanwhile, this raises ApplicationHandlerStop having changed nothing.
        """
        maker = self.bot_data.sessionmaker
        if maker is None:
            raise RuntimeError("database not ready: the application has not started")
        try:
            async with transaction(maker, self.held_claim) as tx:
                yield tx
        except AlreadyHandled:
            self.held_claim = None
            raise ApplicationHandlerStop from None
        self.held_claim = None
