"""Long notes are never lost: one full Telegram message is stored, and a message Telegram
split in two is joined again; the screens show a preview and stay within one message."""

from __future__ import annotations

from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins
from tests.harness import BotHarness

ANA = 1001
NOTE_PROMPT = "Anything else to note?"
TELEGRAM_LIMIT = 4096


def words(length: int) -> str:
    return ("my legs were restless again after the long drive home " * 100)[:length].strip()


async def to_the_note(bot: BotHarness, standin: BotApiStandin):
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/checkin")
    await user.tap("5")
    while NOTE_PROMPT not in user.last_text:
        await user.tap("Skip")
    return user


async def test_a_note_of_one_full_message_is_stored(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await to_the_note(bot, standin)
    note = "x" + words(TELEGRAM_LIMIT - 1)
    note = note + "y" * (TELEGRAM_LIMIT - len(note))
    assert len(note) == TELEGRAM_LIMIT
    await user.send(note)
    assert "recap" in user.last_text and "4,096 characters" in user.last_text
    assert len(user.last_text) < TELEGRAM_LIMIT
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.note == note
    await user.tap("✅ Save")
    assert "saved" in user.last_text and len(user.last_text) < TELEGRAM_LIMIT
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.note == note and checkin.saved_at is not None


async def test_a_message_telegram_split_in_two_is_one_note(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await to_the_note(bot, standin)
    first, second = words(4090), "and then it was morning."
    await user.send(first)
    bot.clock.advance(seconds=1)
    await user.send(second)
    assert "joined them into one" in user.last_text and "recap" in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.note == f"{first}\n{second}"
    bot.clock.advance(seconds=30)
    await user.send("hello")
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.note == f"{first}\n{second}", "a later message is no part of the note"


async def test_a_short_note_then_a_message_is_not_joined(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await to_the_note(bot, standin)
    await user.send("slept badly")
    await user.send("hello")
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.note == "slept badly"
