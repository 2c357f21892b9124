"""Webhook mode: Telegram posts each update to us; several processes can share the load.

An aiohttp server (aiohttp is already here for the Bot API stand-in) rather than PTB's
built-in one, for two reasons: it answers Telegram only after the update was handled, so
an update a crash interrupted is sent again by Telegram, and it serves GET /healthz for
load balancers (200 when the database answers, 503 when it does not).
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, close_resources, open_resources
from bot.data.health import database_answers
from bot.settings import Settings

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_path(settings: Settings) -> str:
    return urlsplit(settings.webhook_url or "").path or "/"


def _secret(settings: Settings) -> str:
    return settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""


def _update_from(body: bytes, app: Application) -> Update | None:
    """The update in a body, or None for anything else (Telegram must not retry those).

    An authenticated body that is not an update (a list, null, no update_id, JSON nested
    past the parser's depth) is a client error, not a reason for Telegram to post it again.
    """
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        return None
    try:
        return Update.de_json(data, app.bot)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        return None  # a field of the wrong shape: PTB's constructors raise any of these


def _routes(app: Application, settings: Settings) -> web.Application:
    secret = _secret(settings)

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
            return web.Response(status=403, text="forbidden")
        update = _update_from(await request.read(), app)
        if update is None:
            return web.Response(status=400, text="not an update")
        await app.update_processor.process_update(update, app.process_update(update))
        return web.Response(text="ok")

    async def health(_request: web.Request) -> web.Response:
        if not await database_answers(app.bot_data.engine):
            return web.Response(status=503, text="database unavailable")
        return web.Response(text="ok")

    server = web.Application(client_max_size=1024 * 1024)
    server.router.add_post(webhook_path(settings), receive)
    server.router.add_get("/healthz", health)
    return server


@asynccontextmanager
async def webhook(
    app: Application,
    settings: Settings,
    *,
    register: bool = True,
) -> AsyncIterator[int]:
    """Serve the webhook until the block ends; yields the port listened on.

    With `register`, tells Telegram the URL and secret (every process may do so: it is the
    same URL). Raises telegram.error.InvalidToken when getMe answers 401.
    """
    await app.initialize()
    runner: web.AppRunner | None = None
    try:
        await open_resources(app)
        await app.start()
        runner = web.AppRunner(_routes(app, settings), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, settings.webhook_listen, settings.webhook_port)
        await site.start()
        port = runner.addresses[0][1]
        if register:
            await app.bot.set_webhook(
                url=settings.webhook_url,
                secret_token=_secret(settings),
                allowed_updates=ALLOWED_UPDATES,
            )
        log.info("Stillnight is listening for webhooks on port %s", port)
        try:
            yield port
        finally:
            await app.stop()
    finally:
        if runner is not None:
            await runner.cleanup()
        await close_resources(app)
        await app.shutdown()
