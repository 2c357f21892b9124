"""Onboarding through the real Application, the Bot API stand-in and a real database."""

from __future__ import annotations

from datetime import time

import pytest

from handlers.misc import COMMANDS
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_dialog, stored_user
from tests.harness import BotHarness

ANA = 1001


async def test_welcome_explains_and_asks_consent_before_storing_anything(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    assert "not a doctor" in user.last_text
    assert "store your answers" in user.last_text
    assert user.last_buttons == [["Yes, store my answers"], ["No, thanks"]]
    assert await bot.stored_rows() == {}


async def test_refusal_stores_only_the_refusal_and_explains_the_way_back(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("No, thanks")
    assert "stored nothing except that you said no" in user.last_text
    assert "/start" in user.last_text
    stored = await stored_user(bot, ANA)
    assert stored is not None and stored.consent is False and stored.timezone is None
    assert await bot.stored_rows() == {"users": 1}
    await user.command("/checkin")
    assert "/start" in user.last_text
    await user.command("/start")
    await user.tap("Yes, store my answers")
    assert (await stored_user(bot, ANA)).consent is True


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("Europe/Lisbon", "Europe/Lisbon"),
        ("+2", "Etc/GMT-2"),
        ("UTC-5", "Etc/GMT+5"),
    ],
)
async def test_time_zone_by_typed_city_zone_or_offset(
    bot: BotHarness, standin: BotApiStandin, typed: str, zone: str
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    assert "Which time zone" in user.last_text
    await user.send(typed)
    confirmation = [m.text for m in user.messages if "Time zone:" in m.text]
    assert confirmation and "there now" in confirmation[-1]
    assert "evening check-in" in user.last_text
    assert (await stored_user(bot, ANA)).timezone == zone


async def test_time_zone_with_a_typo_offers_or_finds_the_city(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.send("Berln")
    if "evening check-in" not in user.last_text:
        berlin = [b for row in user.last_buttons for b in row if "Berlin" in b]
        assert berlin, user.last_buttons
        await user.tap(berlin[0])
    assert (await stored_user(bot, ANA)).timezone == "Europe/Berlin"


async def test_time_zone_by_shared_location(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.share_location(40.7128, -74.0060)
    assert (await stored_user(bot, ANA)).timezone == "America/New_York"
    assert "evening check-in" in user.last_text


async def test_unknown_place_gets_a_reason_and_the_question_again(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.send("qqqqzzzz")
    assert "Which time zone" in user.last_text
    assert (await stored_user(bot, ANA)).timezone is None


async def test_times_typed_in_any_common_form(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.send("Berlin")
    await user.send("25:00")
    assert "isn't a time of day" in user.last_text or "25" in user.last_text
    assert "evening check-in" in user.last_text
    assert (await stored_user(bot, ANA)).checkin_time == time(22, 0)
    await user.send("9:30pm")
    assert "morning sleep diary" in user.last_text
    await user.send("0645")
    assert "summary" in user.last_text
    await user.send("maybe")
    assert "Please tap Yes or No" in user.last_text
    await user.tap("No, thanks")
    assert "each week, on Monday" in user.last_text
    await user.send("yes")
    stored = await stored_user(bot, ANA)
    assert (stored.checkin_time, stored.morning_time) == (time(21, 30), time(6, 45))
    assert stored.onboarded and not stored.monthly_summary and stored.weekly_feedback
    assert "21:30" in user.last_text and "06:45" in user.last_text
    assert "Monthly summary on the 1st: off" in user.last_text
    assert "Weekly feedback on Mondays: on" in user.last_text
    assert await stored_dialog(bot, ANA) is None


async def test_start_again_welcomes_back_and_resets_nothing(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    before = await stored_user(bot, ANA)
    await user.command("/start")
    assert "Welcome back" in user.last_text
    assert "Europe/Berlin" in user.last_text
    after = await stored_user(bot, ANA)
    assert (after.timezone, after.checkin_time, after.created_at) == (
        before.timezone,
        before.checkin_time,
        before.created_at,
    )


async def test_help_and_command_menu_list_every_command(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    menu = {c["command"] for c in standin.commands}
    assert menu == {name for name, _ in COMMANDS}
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/help")
    for name, about in COMMANDS:
        assert f"/{name} – {about}" in user.last_text
    assert "not a clinician" in user.last_text


@pytest.mark.parametrize("supergroup", [False, True])
async def test_group_chat_gets_one_polite_reply_then_the_bot_leaves_and_stores_nothing(
    bot: BotHarness, standin: BotApiStandin, supergroup: bool
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    group = standin.group(chat_id=-500, title="RLS friends", member=user, supergroup=supergroup)
    await group.command("/start")
    assert "private chats only" in group.last_text
    assert [call["chat_id"] for call in standin.calls_to("leaveChat")] == [-500]
    for command in ("/checkin", "/help", "/start"):
        await group.command(command, wait=False)
    await standin.wait_idle(quiet=0.3, timeout=10)
    assert len(group.messages) == 1, "one reply in all: Telegram allows 20 a minute there"
    assert await bot.stored_rows() == {}


async def test_onboarding_resumes_after_a_restart(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.send("Tokyo")
    await bot.restart()
    await user.command("/start")
    assert "finish setting up" in user.last_text
    assert "evening check-in" in user.last_text
    await user.tap("22:30")
    await user.tap("07:00")
    await user.tap("Yes, please")
    await user.tap("No, thanks")
    stored = await stored_user(bot, ANA)
    assert (stored.timezone, stored.checkin_time, stored.onboarded) == (
        "Asia/Tokyo",
        time(22, 30),
        True,
    )


async def test_a_burst_of_group_messages_gets_one_reply_within_telegrams_group_limit(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    """25 messages in a group reach the bot before it left: still one reply (Telegram
    refuses a bot more than 20 a minute in a group, and writing after leaving)."""
    members = [standin.user(user_id=ANA + n, first_name=f"M{n}") for n in range(25)]
    group = standin.group(chat_id=-501, title="RLS friends", member=members[0])
    await bot.stop()  # the burst waits for the bot, as it would during a restart
    for member in members:
        await group.command("/help", sender=member, wait=False)
    await bot.start()
    await standin.wait_for(lambda: not standin.pending_updates(), timeout=10)
    await standin.wait_idle(quiet=0.3, timeout=10)
    assert len(group.messages) == 1 and "private chats only" in group.last_text
    assert standin.limits.rejected == 0, "no 429 either"
    assert await bot.stored_rows() == {}
