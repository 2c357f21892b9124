"""Webhook mode, two bot processes on one database: any update to any process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import aiohttp
import pytest
from pydantic import SecretStr

from bot.app import build_application
from bot.clock import ManualClock
from bot.db import make_engine
from bot.settings import Settings
from bot.webhook import SECRET_HEADER, webhook
from stillnight_dev.standin import BotApiStandin, TrackedApplication
from tests.flows import onboard, stored_checkins, to_locations_question
from tests.harness import MASTER_KEY, TOKEN, BotHarness, keystore_for

SECRET = "s3cret_webhook-token"
PUBLIC_URL = "https://stillnight.example/telegram"
ANA = 1001


def webhook_settings(api: BotApiStandin, database_url: str) -> Settings:
    return Settings(
        telegram_bot_token=SecretStr(TOKEN),
        telegram_base_url=api.url,
        database_url=database_url,
        master_key=SecretStr(MASTER_KEY),
        keystore_url=keystore_for(database_url),
        webhook_url=PUBLIC_URL,
        webhook_secret=SecretStr(SECRET),
        webhook_listen="127.0.0.1",
        webhook_port=0,
        reminder_check_seconds=3600,
    )


def text_update(update_id: int, text: str) -> dict[str, object]:
    """A raw update as Telegram posts it: Ana typed `text`."""
    user = {"id": ANA, "is_bot": False, "first_name": "Ana"}
    chat = {"id": ANA, "type": "private"}
    message = {"message_id": update_id, "date": 0, "chat": chat, "from": user, "text": text}
    return {"update_id": update_id, "message": message}


async def post_update(http: aiohttp.ClientSession, url: str, update: dict[str, object]) -> int:
    """Post a raw update as Telegram does (with the secret header); returns the status."""
    async with http.post(url, json=update, headers={SECRET_HEADER: SECRET}) as response:
        return response.status


@pytest.fixture
async def two_processes(
    standin: BotApiStandin, database_url: str, clock: ManualClock
) -> AsyncIterator[list[str]]:
    """Two webhook servers (two Applications, two engines); the stand-in alternates."""
    settings = webhook_settings(standin, database_url)
    async with AsyncExitStack() as stack:
        ports = [
            await stack.enter_async_context(
                webhook(
                    build_application(settings, clock, application_class=TrackedApplication),
                    settings,
                    register=first,
                )
            )
            for first in (True, False)
        ]
        urls = [f"http://127.0.0.1:{port}/telegram" for port in ports]
        standin.deliver_webhooks_to(urls)
        yield urls


async def test_a_full_checkin_with_updates_spread_over_two_processes(
    standin: BotApiStandin, two_processes: list[str], database_url: str, clock: ManualClock
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/checkin")
    for label in ["6", "Only at bedtime", "Often", "Calves", "Feet", "Done ➜"]:
        await user.tap(label)
    for label in ["Skip"] * 4:
        await user.tap(label)
    await user.tap("✅ Save")
    harness = BotHarness(standin.url, database_url, clock)
    [checkin] = await stored_checkins(harness, ANA)
    await harness.close()
    assert (checkin.severity, checkin.onset, checkin.locations) == (
        6,
        "bedtime",
        ["calves", "feet"],
    )
    assert standin.pusher.refused == 0


async def test_quick_taps_on_two_processes_are_both_kept(
    standin: BotApiStandin, two_processes: list[str], database_url: str, clock: ManualClock
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await to_locations_question(user)
    taps = [user.tap(label, wait=False) for label in ("Calves", "Thighs", "Feet", "Arms")]
    await asyncio.gather(*taps)
    await standin.wait_idle(quiet=0.3, timeout=10)
    harness = BotHarness(standin.url, database_url, clock)
    [checkin] = await stored_checkins(harness, ANA)
    await harness.close()
    assert checkin.locations == ["calves", "thighs", "feet", "arms"]


async def test_requests_without_the_secret_are_refused_and_health_answers(
    standin: BotApiStandin, two_processes: list[str]
) -> None:
    update = text_update(999_999, "/start")
    async with aiohttp.ClientSession() as http:
        for headers in ({}, {SECRET_HEADER: "wrong"}):
            async with http.post(two_processes[0], json=update, headers=headers) as response:
                assert response.status == 403
        health = two_processes[1].replace("/telegram", "/healthz")
        async with http.get(health) as response:
            assert response.status == 200 and await response.text() == "ok"
    assert standin.calls_to("sendMessage") == [], "the forged update did nothing"


async def test_the_same_update_delivered_twice_changes_nothing(
    standin: BotApiStandin, two_processes: list[str], database_url: str, clock: ManualClock
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/checkin")
    for label in ["4"] + ["Skip"] * 6:
        await user.tap(label)
    sent_before = len(standin.calls_to("sendMessage"))
    update = text_update(777_777, "first delivery")
    async with aiohttp.ClientSession() as http:
        for url in two_processes:  # once to each process, as a retry might land
            assert await post_update(http, url, update) == 200
    harness = BotHarness(standin.url, database_url, clock)
    [checkin] = await stored_checkins(harness, ANA)
    await harness.close()
    assert checkin.note == "first delivery"
    assert len(standin.calls_to("sendMessage")) == sent_before + 1, "answered once"


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_health_is_503_while_the_database_is_unreachable(
    standin: BotApiStandin, database_url: str, clock: ManualClock
) -> None:
    """The bot needs its database at start (the keys are checked against it), so this is
    the database lost afterwards: the process's engine now points where nothing answers."""
    settings = webhook_settings(standin, database_url)
    app = build_application(settings, clock)
    async with webhook(app, settings, register=False) as port, aiohttp.ClientSession() as http:
        healthz = f"http://127.0.0.1:{port}/healthz"
        async with http.get(healthz) as response:
            assert response.status == 200
        working, app.bot_data.engine = (
            app.bot_data.engine,
            make_engine("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere"),
        )
        try:
            async with http.get(healthz) as response:
                assert response.status == 503
        finally:
            await app.bot_data.engine.dispose()
            app.bot_data.engine = working


async def test_a_tap_delivered_twice_counts_once(
    standin: BotApiStandin, two_processes: list[str], database_url: str, clock: ManualClock
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await to_locations_question(user)
    await user.tap("Calves", wait=False)
    [tap] = [u for u in standin.pending_updates() if "callback_query" in u]
    query = standin.callback_queries()[-1]
    await standin.wait_for(lambda: query.attempts == 1, timeout=10)
    async with aiohttp.ClientSession() as http:
        for url in two_processes:  # once more to each process, as a retry might land
            assert await post_update(http, url, tap) == 200
    harness = BotHarness(standin.url, database_url, clock)
    [checkin] = await stored_checkins(harness, ANA)
    await harness.close()
    assert checkin.locations == ["calves"], "a second toggle would have taken it off again"
    assert query.attempts == 1, "the tap was answered once"


async def test_a_reply_that_stores_nothing_is_sent_once_when_delivered_twice(
    standin: BotApiStandin, two_processes: list[str]
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    sent_before = len(standin.calls_to("sendMessage"))
    async with aiohttp.ClientSession() as http:
        for text in ("/help", "/privacy", "what is augmentation?"):
            update = text_update(888_000 + len(text), text)
            for url in (*two_processes, two_processes[0]):  # retries, one after another
                assert await post_update(http, url, update) == 200
    assert len(standin.calls_to("sendMessage")) == sent_before + 3, "each answered once"


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b"null",
        b"{}",
        b'{"message": {}}',
        b'{"update_id": "1"}',
        b'{"update_id": 5, "message": "not a message"}',
        b'{"update_id": 6, "callback_query": []}',
        b"[" * 100_000 + b"]" * 100_000,
        b"not json",
    ],
)
async def test_an_authenticated_body_that_is_no_update_gets_400(
    standin: BotApiStandin, two_processes: list[str], body: bytes
) -> None:
    headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as http:
        async with http.post(two_processes[0], data=body, headers=headers) as response:
            assert response.status == 400, "Telegram would post it again and again"
        health = two_processes[0].replace("/telegram", "/healthz")
        async with http.get(health) as response:
            assert response.status == 200
    assert standin.calls_to("sendMessage") == []


async def test_an_edited_message_is_no_new_input(
    standin: BotApiStandin, two_processes: list[str]
) -> None:
    """Even when it arrives (a webhook registered by another tool with every type)."""
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    sent_before = len(standin.calls_to("sendMessage"))
    edited = text_update(999_001, "/delete")
    edited["edited_message"] = {**edited.pop("message"), "edit_date": 1}  # type: ignore[dict-item]
    async with aiohttp.ClientSession() as http:
        assert await post_update(http, two_processes[0], edited) == 200
    assert len(standin.calls_to("sendMessage")) == sent_before, "no delete prompt"


async def test_the_standin_posts_only_the_update_types_the_webhook_asked_for(
    standin: BotApiStandin, two_processes: list[str]
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.send("hello")
    [typed] = [m for m in user.history if not m.from_bot]
    update_id = user.edit(typed.message_id, "/delete")
    await standin.wait_for(lambda: not standin.pending_updates(), timeout=5)
    assert not standin.was_fetched(update_id)
    assert "Delete everything?" not in user.last_text


async def test_a_reply_that_stores_nothing_is_sent_once_when_two_processes_get_it_at_once(
    standin: BotApiStandin, two_processes: list[str]
) -> None:
    """The same update posted to both processes at the same instant (a retry that overtook
    the first delivery): one claims it before any handler runs, the other sends nothing,
    though the first one's reply is still on its way when the second one looks."""
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    async with aiohttp.ClientSession() as http:
        for n, text in enumerate(("/help", "/nonsense", "/privacy", "what is augmentation?")):
            sent_before = len(standin.calls_to("sendMessage"))
            standin.set_fault("sendMessage", "slow", delay=0.3)  # the first reply is on its way
            update = text_update(889_000 + n, text)
            if text.startswith("/"):
                entity = {"type": "bot_command", "offset": 0, "length": len(text)}
                update["message"]["entities"] = [entity]  # type: ignore[index]
            statuses = await asyncio.gather(
                *(post_update(http, url, update) for url in two_processes)
            )
            assert statuses == [200, 200]
            sent = len(standin.calls_to("sendMessage")) - sent_before
            assert sent == 1, f"{text!r} answered {sent} times"
