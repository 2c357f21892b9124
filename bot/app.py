"""Build the Application: the same one for production, tests and the demo."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults

import handlers
from bot import faq
from bot.clock import Clock, SystemClock
from bot.core import zones
from bot.data import sent
from bot.db import close_engine, make_engine, make_sessionmaker, shown
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES
from bot.keys import open_keyring, startup
from bot.polling import Poller
from bot.reports import workers
from bot.resources import Resources
from bot.settings import Settings
from bot.telegram_bot import StillnightBot
from bot.telegram_http import telegram_request
from bot.telegram_limits import RetryWhenAsked
from bot.update_order import PerUserOrder
from handlers.context import BotContext
from handlers.misc import command_menu
from handlers.reminders import make_dispatcher
from models.sealed import attach

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]


def _warm_up() -> None:
    zones.warm_up()
    faq.warm_up()


async def open_resources(app: Application) -> None:
    resources: Resources = app.bot_data
    settings = resources.settings
    resources.keyring = await open_keyring(settings)  # KeyProblem: stop before anything else
    resources.engine = make_engine(settings.database_url, postgres_pool=settings.database_pool_size)
    attach(resources.engine, resources.keyring)
    await startup.start(resources.engine, resources.keyring, shown(settings.key_store))
    resources.sessionmaker = make_sessionmaker(resources.engine)
    resources.dispatcher = make_dispatcher(app)
    if isinstance(app.bot, StillnightBot):
        app.bot.note_sent_with(partial(_note_sent, resources))
    # The place index takes about two seconds to build, much of it in C calls that hold the
    # GIL: built in a thread while the bot answers, it still held up other users' replies by
    # 1-2 s. So it is built (with the FAQ's, a third of a second) before the first update is
    # fetched, off the loop all the same.
    await asyncio.to_thread(_warm_up)
    for language in LANGUAGES:  # the menu in each language, for apps set to it
        code = None if language == DEFAULT_LANGUAGE else language
        await app.bot.set_my_commands(command_menu(resources.texts(language)), language_code=code)


async def _note_sent(resources: Resources, chat_id: int, message_id: int) -> None:
    if resources.sessionmaker is not None:
        await sent.note(resources.sessionmaker, chat_id, message_id, resources.clock.now())


async def close_resources(app: Application) -> None:
    resources: Resources = app.bot_data
    await asyncio.to_thread(workers.shutdown)  # the report workers, if any were started
    if resources.engine is not None:
        await close_engine(resources.engine)
        resources.engine = resources.sessionmaker = None
    if resources.keyring is not None:
        await resources.keyring.close()
        resources.keyring = None


@asynccontextmanager
async def polling(app: Application, poll_timeout: int = 10) -> AsyncIterator[None]:
    """Run the bot by long polling until the block ends, then stop cleanly.

    Each update is confirmed to Telegram only after it was handled (bot/polling.py).
    Raises telegram.error.InvalidToken when getMe answers 401.
    """
    await app.initialize()
    try:
        await open_resources(app)
        await app.start()
        poller = Poller(app, ALLOWED_UPDATES, poll_timeout)
        await poller.start()
        try:
            yield
        finally:
            await poller.stop()
            await app.stop()
    finally:
        await close_resources(app)
        await app.shutdown()


def build_application(
    settings: Settings,
    clock: Clock | None = None,
    *,
    application_class: type[Application] = Application,
) -> Application:
    """An Application wired with every handler; the database opens when it starts.

    ``application_class``: a subclass of PTB's ``Application`` to build instead (PTB's
    ``ApplicationBuilder.application_class``), e.g. one that tests observe.
    """
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    bot = StillnightBot(
        token=settings.telegram_bot_token.get_secret_value(),
        base_url=settings.bot_api_url,
        base_file_url=settings.bot_file_url,
        request=telegram_request(),
        rate_limiter=RetryWhenAsked(),
        defaults=Defaults(
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
    )
    app = (
        ApplicationBuilder()
        .application_class(application_class)
        .bot(bot)
        .context_types(ContextTypes(context=BotContext, bot_data=Resources))
        .concurrent_updates(PerUserOrder())
        .updater(None)  # polling is bot/polling.py's, webhooks bot/webhook.py's
        .build()
    )
    app.bot_data.settings = settings
    app.bot_data.clock = clock or SystemClock()
    handlers.register(app)
    return app
