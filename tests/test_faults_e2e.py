"""Telegram errors and a database outage: every answer already given stays stored."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import aiohttp
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_application
from bot.clock import ManualClock
from bot.db import make_engine
from bot.webhook import webhook
from handlers.errors import ERROR
from stillnight_dev.standin import BotApiStandin, TrackedApplication
from stillnight_dev.standin.chats import UserChat
from tests.conftest import POSTGRES_URL
from tests.flows import onboard, stored_checkins, stored_dialog, to_locations_question
from tests.harness import BotHarness
from tests.test_webhook_e2e import post_update, text_update, webhook_settings

ANA = 1001


async def test_a_failed_edit_keeps_the_answer_and_reassures(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/checkin")
    standin.set_fault("editMessageText", "server_error")
    answer = await user.tap("7")
    assert "answers so far are safe" in answer.toast
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.severity == 7
    await user.command("/checkin")
    assert "2/8" in user.last_text


async def severity_3_given(standin: BotApiStandin) -> UserChat:
    """Ana, set up, has answered the check-in's first question with 3."""
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/checkin")
    await user.tap("3")
    return user


async def assert_severity_3_kept(bot: BotHarness, user: UserChat) -> None:
    """The check-in goes on at its second question, with the 3 stored."""
    await user.command("/checkin")
    assert "2/8" in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.severity == 3


async def test_a_reply_refused_with_429_is_sent_after_the_wait(
    bot: BotHarness, standin: BotApiStandin, caplog: pytest.LogCaptureFixture
) -> None:
    user = await severity_3_given(standin)
    standin.set_fault("sendMessage", "retry_after", retry_after=1)
    with caplog.at_level(logging.INFO):
        reply = await user.command("/help")  # refused once, sent again a second later
    assert len(reply.texts) == 1 and "/checkin" in reply.texts[0]
    assert ERROR not in user.last_text
    assert "Telegram asked to wait 1 s before sendMessage" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    await assert_severity_3_kept(bot, user)


async def test_a_429_longer_than_a_reply_can_wait_loses_no_answer(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await severity_3_given(standin)
    standin.set_fault("sendMessage", "retry_after", retry_after=30)
    await user.send("hello?")  # refused with a wait no handler sits out
    assert ERROR in user.last_text
    await assert_severity_3_kept(bot, user)


class Gate:
    """A TCP proxy in front of PostgreSQL that the test can close and open again."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.open = True
        self.port = 0
        self._server: asyncio.Server | None = None
        self._links: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.open:
            writer.close()
            return
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self._links |= {writer, up_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def close(self) -> None:
        """The database becomes unreachable: cut every link, refuse new ones."""
        self.open = False
        for link in self._links:
            link.close()
        self._links.clear()

    async def stop(self) -> None:
        self.close()
        if self._server is not None:
            self._server.close()


@pytest.fixture
async def gated_database(database_url: str) -> AsyncIterator[tuple[str, Gate]]:
    """The test's PostgreSQL database, reached through a gate (SQLite has no server to lose)."""
    url = make_url(database_url)
    gate = Gate(make_url(POSTGRES_URL).port or 5432)
    await gate.start()
    yield url.set(host="127.0.0.1", port=gate.port).render_as_string(hide_password=False), gate
    await gate.stop()


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_database_outage_gets_a_kind_reply_and_recovers_by_itself(
    standin: BotApiStandin, gated_database: tuple[str, Gate], clock: ManualClock
) -> None:
    url, gate = gated_database
    bot = BotHarness(standin.url, url, clock)
    await bot.start()
    try:
        user = standin.user(user_id=ANA, first_name="Ana")
        await onboard(user)
        await user.command("/checkin")
        await user.tap("6")
        gate.close()
        await user.command("/checkin")
        assert "try again in a moment" in user.last_text
        gate.open = True
        await user.command("/checkin")
        assert "2/8" in user.last_text
        [checkin] = await stored_checkins(bot, ANA)
        assert checkin.severity == 6
        assert (await stored_dialog(bot, ANA)).step == "ons"
    finally:
        await bot.close()


@contextlib.asynccontextmanager
async def webhook_at_the_note(
    standin: BotApiStandin, url: str, clock: ManualClock
) -> AsyncIterator[tuple[str, UserChat]]:
    """A webhook process on `url`; Ana onboarded and at the check-in's typed note."""
    settings = webhook_settings(standin, url)
    app = build_application(settings, clock, application_class=TrackedApplication)
    async with webhook(app, settings) as port:
        endpoint = f"http://127.0.0.1:{port}/telegram"
        standin.deliver_webhooks_to([endpoint])
        user = standin.user(user_id=ANA, first_name="Ana")
        await onboard(user)
        await user.command("/checkin")
        for label in ["4"] + ["Skip"] * 6:
            await user.tap(label)
        yield endpoint, user


async def stored_note(standin: BotApiStandin, url: str, clock: ManualClock) -> str | None:
    harness = BotHarness(standin.url, url, clock)
    [checkin] = await stored_checkins(harness, ANA)
    await harness.close()
    return checkin.note


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_an_update_that_met_an_outage_is_handled_in_full_when_delivered_again(
    standin: BotApiStandin, gated_database: tuple[str, Gate], clock: ManualClock
) -> None:
    """What Telegram does when a webhook process fails: it delivers the same update again."""
    url, gate = gated_database
    async with webhook_at_the_note(standin, url, clock) as (endpoint, user):
        note = text_update(888_888, "woke at three")
        errors_before = sum(ERROR in m.text for m in user.messages)
        async with aiohttp.ClientSession() as http:
            gate.close()
            await post_update(http, endpoint, note)
            assert sum(ERROR in m.text for m in user.messages) == errors_before + 1, "told once"
            gate.open = True
            await post_update(http, endpoint, note)
        assert await stored_note(standin, url, clock) == "woke at three"


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_a_typed_answer_cut_off_while_being_stored_is_stored_when_delivered_again(
    standin: BotApiStandin,
    gated_database: tuple[str, Gate],
    database_url: str,
    clock: ManualClock,
) -> None:
    """The outage strikes after the bot looked up where the text goes, before it stored it."""
    url, gate = gated_database
    direct = make_engine(database_url)  # the test's own way in, past the gate
    async with webhook_at_the_note(standin, url, clock) as (endpoint, _user):
        note = text_update(888_889, "woke at four")
        async with aiohttp.ClientSession() as http, direct.connect() as holder:
            await holder.execute(text("SELECT id FROM checkins FOR UPDATE"))  # storing waits
            first = asyncio.create_task(post_update(http, endpoint, note))
            await _until_a_backend_waits_for_a_lock(direct)
            gate.close()
            await first
            await holder.rollback()
            gate.open = True
            await post_update(http, endpoint, note)
        assert await stored_note(standin, url, clock) == "woke at four"
    await direct.dispose()


async def _until_a_backend_waits_for_a_lock(engine: AsyncEngine) -> None:
    waiting = text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
    for _ in range(200):
        async with engine.connect() as connection:
            if await connection.scalar(waiting):
                return
        await asyncio.sleep(0.05)
    raise AssertionError("the bot never waited for the lock")


async def test_undoing_a_tap_whose_edit_was_lost_is_answered_calmly(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    """The first tap is stored but its screen never updated (as when the process dies
    between the two); the second brings the answer back to what the screen still shows, so
    Telegram refuses its edit as "not modified": the screen is right, and so is the reply."""
    user = standin.user(user_id=ANA, first_name="Ana")
    await to_locations_question(user)
    standin.set_fault("editMessageText", "server_error")
    await user.tap("Calves")
    assert (await stored_checkins(bot, ANA))[0].locations == ["calves"]
    reply = await user.tap("Calves")
    assert reply.toast is None, "no 'something went wrong'"
    [refused] = standin.violations
    assert "message is not modified" in refused
    standin.violations.clear()  # the one Telegram refusal this test is about
    assert not (await stored_checkins(bot, ANA))[0].locations
    await user.tap("Feet")
    assert "✓" in str(user.last_buttons) and (await stored_checkins(bot, ANA))[0].locations == [
        "feet"
    ]
