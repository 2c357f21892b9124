"""Bot API calls made at once each go out on the first connection they are given.

A call that is given a connection another call then takes goes back to the queue, and
under load the same call can lose that way again and again (bot/telegram_http.py). These
tests count those lost turns while the bot makes calls at once over real HTTP to the
stand-in: none with the bot's own client, some with python-telegram-bot's default one
(which shows the count can catch them). The day the default one loses none, upstream has
fixed encode/httpcore#1110 and bot/telegram_http.py can go (its docstring says how).
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpcore
import pytest
from pydantic import SecretStr
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.app import build_application
from bot.settings import Settings
from stillnight_dev.standin import BotApiStandin
from tests.harness import TOKEN

AT_ONCE = 20


@pytest.fixture
def lost_turns(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts each time a request found its assigned connection already in use."""
    lost: list[int] = []
    handle = httpcore.AsyncHTTP11Connection.handle_async_request

    async def counting(self: httpcore.AsyncHTTP11Connection, request: Any) -> Any:
        try:
            return await handle(self, request)
        except httpcore.ConnectionNotAvailable:
            lost.append(1)
            raise

    monkeypatch.setattr(httpcore.AsyncHTTP11Connection, "handle_async_request", counting)
    return lost


async def calls_at_once(bot: Bot) -> None:
    async with bot:  # one call first (getMe), so an idle connection is waiting
        names = await asyncio.gather(*(bot.get_me() for _ in range(AT_ONCE)))
    assert {me.username for me in names} == {"stillnight_test_bot"}


async def test_the_bots_calls_at_once_each_keep_the_connection_they_were_given(
    standin: BotApiStandin, lost_turns: list[int]
) -> None:
    settings = Settings(telegram_bot_token=SecretStr(TOKEN), telegram_base_url=standin.url)
    app = build_application(settings)
    await calls_at_once(app.bot)
    assert len(standin.calls_to("getMe")) == AT_ONCE + 1
    assert lost_turns == []


async def test_the_default_client_loses_turns_when_calls_come_at_once(
    standin: BotApiStandin, lost_turns: list[int]
) -> None:
    bot = Bot(TOKEN, base_url=f"{standin.url}/bot", request=HTTPXRequest())
    await calls_at_once(bot)
    assert len(lost_turns) > 0, (
        "upstream fixed #1110: remove bot/telegram_http.py's PromiseKeepingPool"
    )
