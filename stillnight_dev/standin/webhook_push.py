"""Webhook delivery, as Telegram does it: POST each update to the bot, with the secret.

Telegram posts to the one public URL; in tests that URL sits in front of one or several
local bot processes, so the pusher spreads updates over `targets` in turn, like a load
balancer. Only updates of the types setWebhook's ``allowed_updates`` lists are posted (the
others are dropped, as Telegram does). Updates are posted concurrently (Telegram uses up to
40 connections), and an update is forgotten only after a 200; anything else is posted again
a moment later.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import TYPE_CHECKING, Any

import aiohttp

if TYPE_CHECKING:
    from .server import BotApiStandin

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
RETRY_SECONDS = 0.2


class WebhookPusher:
    def __init__(self, standin: BotApiStandin, targets: list[str]) -> None:
        self.standin = standin
        self.targets = itertools.cycle(targets)
        self.refused = 0  # answers other than 200
        self._in_flight: set[int] = set()
        self._posts: set[asyncio.Task[None]] = set()
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    def start(self) -> None:
        self._session = aiohttp.ClientSession()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        for task in (self._task, *self._posts):
            if task is not None:
                task.cancel()
        await asyncio.gather(*(t for t in (self._task, *self._posts) if t), return_exceptions=True)
        if self._session is not None:
            await self._session.close()

    async def _run(self) -> None:
        while True:
            changed = self.standin._changed
            for update in self.standin._queue.allowed_pending():
                if update["update_id"] not in self._in_flight and self.standin.webhook_url:
                    self._in_flight.add(update["update_id"])
                    post = asyncio.create_task(self._post(update, next(self.targets)))
                    self._posts.add(post)
                    post.add_done_callback(self._posts.discard)
            await changed.wait()

    async def _post(self, update: dict[str, Any], url: str) -> None:
        assert self._session is not None
        headers = {SECRET_HEADER: self.standin.webhook_secret}
        try:
            async with self._session.post(url, json=update, headers=headers) as response:
                ok = response.status == 200
        except aiohttp.ClientError:
            ok = False
        if ok:
            self.standin._queue.forget(update["update_id"])
        else:
            self.refused += 1
            await asyncio.sleep(RETRY_SECONDS)
        self._in_flight.discard(update["update_id"])
        self.standin._notify()
