"""Consent (which text, when, asked again when it changes) and /delete's two steps, checked
on the server; what the bot says about deleting is true."""

from __future__ import annotations

import time

from sqlalchemy import func, select, update

from bot.core import consent
from handlers.privacy import NOT_CONFIRMED
from models import SentMessage, User
from stillnight_dev.standin import BotApiStandin
from tests.conftest import START
from tests.flows import onboard, stored_user
from tests.harness import BotHarness

ANA = 1001


async def test_consent_is_stored_with_the_version_of_the_text_and_the_time(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    stored = await stored_user(bot, ANA)
    assert stored is not None
    assert (stored.consent, stored.consent_version, stored.consent_at) == (
        True,
        consent.VERSION,
        START,
    )


async def test_a_changed_text_is_agreed_to_again_before_anything_more_is_stored(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    async with bot.session() as session, session.begin():
        await session.execute(update(User).values(consent_version=consent.VERSION - 1))
    await user.command("/checkin")
    assert "/start" in user.last_text and "1/8" not in user.last_text
    await user.command("/start")
    assert "has changed" in user.last_text and "backup copies" in user.last_text
    bot.clock.advance(minutes=5)
    await user.tap("Yes, store my answers")
    assert "Everything is as before" in user.last_text
    stored = await stored_user(bot, ANA)
    assert stored is not None and stored.onboarded and stored.timezone == "Europe/Berlin"
    assert (stored.consent_version, stored.consent_at) == (consent.VERSION, bot.clock.now())
    await user.command("/checkin")
    assert "1/8" in user.last_text


async def test_the_second_delete_confirmation_cannot_be_skipped(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/delete")
    reply = await user.tap_data("del:2")  # the second step, forged, without the first
    assert reply.toast == NOT_CONFIRMED
    assert (await bot.stored_rows()).keys() >= {"users", "reminders"}
    await user.tap("Yes, delete everything")
    bot.clock.advance(minutes=11)  # a replay long after the first "yes"
    reply = await user.tap("Delete for good")
    assert reply.toast == NOT_CONFIRMED
    assert await stored_user(bot, ANA) is not None
    await user.command("/delete")
    await user.tap("Yes, delete everything")
    await user.tap("Delete for good")
    assert await bot.stored_rows() == {}


async def test_what_the_bot_says_about_deleting_is_true(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    """The database is emptied at once; backups and Telegram's copy of the chat are not."""
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    assert "backup copies" in user.last_text and "Telegram keeps this chat" in user.last_text
    await onboard(user)
    await user.command("/privacy")
    assert "for good" not in user.last_text
    assert "backups" in user.last_text and "kept by Telegram" in user.last_text
    await user.command("/delete")
    await user.tap("Yes, delete everything")
    await user.tap("Delete for good")
    assert "deleted from my database" in user.last_text
    assert "backups" in user.last_text and "stays in Telegram" in user.last_text


async def test_delete_can_take_the_bots_own_messages_of_the_last_48_hours_with_it(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    """Telegram lets a bot delete its message in a private chat for 48 hours: those go, the
    older ones and the user's own stay, and the words say so; no id is kept after."""
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    old = [m.message_id for m in user.messages if m.from_bot]
    later = {"s": 49 * 3600.0}
    standin.wall = lambda: time.time() + later["s"]
    bot.clock.advance(hours=49)
    await user.command("/privacy")
    assert "ids of the messages I sent you" in user.last_text and "48 hours" in user.last_text
    await user.command("/help")
    await user.command("/delete")
    await user.tap("Yes, delete everything")
    assert "last 48 hours" in user.last_text and "your own messages stay" in user.last_text
    await user.tap("Delete for good, and my messages here")
    final = user.last
    everything = list(user.state.messages.values())  # deleted ones too
    recent = [m for m in everything if m.from_bot and m.message_id not in old]
    assert [m.message_id for m in recent if not m.deleted] == [final.message_id]
    assert len(recent) == 3  # /privacy, /help, and /delete's question: the one tapped
    assert not any(m.deleted for m in everything if m.message_id in old or not m.from_bot)
    assert "deleted from my database" in final.text
    assert "I also deleted 2 messages I sent you here" in final.text
    assert "your own messages, and mine older than 48 hours" in final.text
    async with bot.session() as session:
        assert await session.scalar(select(func.count()).select_from(SentMessage)) == 0
    assert await bot.stored_rows() == {}


async def test_the_ids_of_sent_messages_are_kept_48_hours_and_no_longer(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/help")
    async with bot.session() as session:
        [row] = await session.scalars(select(SentMessage))
    assert (row.chat_id, row.message_id) == (ANA, user.last.message_id)
    bot.clock.advance(hours=48)
    await bot.app.job_queue.get_jobs_by_name("prune")[0].run(bot.app)
    async with bot.session() as session:
        assert await session.scalar(select(func.count()).select_from(SentMessage)) == 0
