"""/resume end to end: tonight's reminder still comes, and it says what is really on."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA = 1001
EVENING = "Time for tonight's check-in"


def berlin(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(
        2026, 11, day, hour, minute, second, tzinfo=ZoneInfo("Europe/Berlin")
    ).astimezone(UTC)


async def test_resume_at_the_reminder_minute_still_sends_tonights_reminder(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)  # check-in reminder at 22:00 Berlin
    bot.clock.set(berlin(25, 12, 0))
    await user.command("/pause")
    await user.tap("Until I /resume")
    bot.clock.set(berlin(25, 22, 0, 5))
    assert (await bot.dispatch()).sent == 0, "paused"
    bot.clock.set(berlin(25, 22, 0, 40))
    await user.command("/resume")
    assert "Reminders are on again" in user.last_text
    assert (await bot.dispatch()).sent == 1
    assert EVENING in user.last_text
    bot.clock.set(berlin(25, 22, 5))
    assert (await bot.dispatch()).sent == 0, "once a night"


async def test_resume_says_only_what_is_on(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/settings")
    await user.tap("Morning diary prompt: on ✓")
    assert "Morning diary prompt: off" in str(user.last_buttons)
    await user.command("/pause")
    await user.tap("Until I /resume")
    await user.command("/resume")
    text = user.last_text
    assert "check-in at 22:00" in text
    assert "07:30" not in text and "morning diary reminder is off" in text
    await user.command("/settings")
    await user.tap("Evening reminder: on ✓")
    await user.command("/resume")
    assert "22:00" not in user.last_text and "07:30" not in user.last_text
    assert "/settings" in user.last_text
