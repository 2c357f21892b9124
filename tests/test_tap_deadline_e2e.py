"""A tap that waits for a slow database is answered within Telegram's time for it.

Telegram refuses an answer to a tap after about 15 s ("query is too old"); the stand-in's
expiry is made short here, and so is the bot's time before it answers a tap itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import aiohttp
from sqlalchemy import text

from bot.app import build_application
from bot.clock import ManualClock
from bot.db import make_engine
from bot.webhook import webhook
from handlers.errors import ERROR
from stillnight_dev.standin import BotApiStandin, TrackedApplication
from tests.flows import stored_checkins, to_locations_question
from tests.harness import BotHarness
from tests.test_webhook_e2e import post_update, webhook_settings

ANA = 1001
EXPIRY_S = 1.0


@asynccontextmanager
async def slow_database(database_url: str) -> AsyncIterator[None]:
    """Every write of the bot's to the dialogs waits until the block ends."""
    engine = make_engine(database_url)
    try:
        async with engine.begin() as holder:  # SQLite: BEGIN IMMEDIATE holds the write lock
            if engine.dialect.name == "postgresql":
                await holder.execute(text("LOCK TABLE dialogs IN EXCLUSIVE MODE"))
            yield
    finally:
        await engine.dispose()


async def test_a_tap_that_waits_for_a_slow_database_is_answered_in_time(
    standin: BotApiStandin, database_url: str, clock: ManualClock
) -> None:
    standin.callback_expiry = EXPIRY_S
    harness = BotHarness(standin.url, database_url, clock)
    harness.settings.tap_answer_seconds = 0.3
    await harness.start()
    try:
        user = standin.user(user_id=ANA, first_name="Ana")
        await to_locations_question(user)
        async with slow_database(database_url):
            await user.tap("Calves", wait=False)
            query = standin.callback_queries()[-1]
            await standin.wait_for(lambda: query.answer is not None, timeout=EXPIRY_S)
            await asyncio.sleep(EXPIRY_S)  # the database is still slow past the tap's time
        await standin.wait_for(lambda: "✓ Calves" in str(user.last_buttons), timeout=10)
        [checkin] = await stored_checkins(harness, ANA)
        assert checkin.locations == ["calves"], "the tap was stored once the database answered"
        assert not query.too_late and query.attempts == 1, "answered once, in time"
        assert not any(ERROR in m.text for m in user.messages), "no error for a slow database"
    finally:
        await harness.close()


async def test_a_tap_delivered_again_after_it_was_handled_is_not_answered_again(
    standin: BotApiStandin, database_url: str, clock: ManualClock
) -> None:
    """A retry of a handled tap, at another process, stops at its claim; its early answer
    is called off too (Telegram refuses a second answer)."""
    settings = webhook_settings(standin, database_url)
    settings.tap_answer_seconds = 0.3
    async with AsyncExitStack() as stack:
        first, other = [
            await stack.enter_async_context(
                webhook(
                    build_application(settings, clock, application_class=TrackedApplication),
                    settings,
                    register=register,
                )
            )
            for register in (True, False)
        ]
        http = await stack.enter_async_context(aiohttp.ClientSession())
        standin.deliver_webhooks_to([f"http://127.0.0.1:{first}/telegram"])
        user = standin.user(user_id=ANA, first_name="Ana")
        await to_locations_question(user)
        await user.tap("Calves", wait=False)
        [tap] = [u for u in standin.pending_updates() if "callback_query" in u]
        query = standin.callback_queries()[-1]
        await standin.wait_for(lambda: query.attempts == 1, timeout=10)
        assert await post_update(http, f"http://127.0.0.1:{other}/telegram", tap) == 200
        await asyncio.sleep(3 * settings.tap_answer_seconds)
    assert query.attempts == 1, "answered once"
