""" "Missed a morning?" end to end: only nights since joining, never a skipped one, never twice."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.core.entries.diary import DIARY
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA = 1001
MISSED = "Missed a morning?"
DIARY_QUESTIONS = len(DIARY.questions)


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)


async def save_an_empty_diary(user) -> None:
    await user.command("/morning")
    for _ in range(DIARY_QUESTIONS):
        await user.tap("Skip")
    await user.tap("✅ Save")
    assert "Sleep diary saved" in user.last_text


async def test_only_nights_since_joining_and_each_offered_once(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)  # the evening of Tue 24 Nov, Berlin
    bot.clock.set(berlin(27, 9, 0))
    await save_an_empty_diary(user)  # the night of Thu 26 Nov
    assert MISSED in user.last_text
    assert [row[0] for row in user.last_buttons] == ["Tue 24 Nov", "Wed 25 Nov"]
    bot.clock.set(berlin(28, 9, 0))
    await save_an_empty_diary(user)  # declined yesterday: not offered again
    assert MISSED not in user.last_text and not user.last.button_texts
    bot.clock.set(berlin(29, 9, 0))
    await save_an_empty_diary(user)
    assert MISSED not in user.last_text


async def test_a_night_skipped_from_its_reminder_is_never_offered(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)  # morning prompt at 07:30
    bot.clock.set(berlin(25, 7, 30))
    assert (await bot.dispatch()).sent == 1
    await user.tap("Skip today")  # the night of Tue 24 Nov
    assert "no diary today" in user.last_text
    bot.clock.set(berlin(26, 9, 0))
    await save_an_empty_diary(user)  # the night of Wed 25 Nov
    assert MISSED not in user.last_text
    bot.clock.set(berlin(28, 9, 0))
    await save_an_empty_diary(user)  # Fri 27 Nov: only Thu 26 Nov is missing
    assert [row[0] for row in user.last_buttons] == ["Thu 26 Nov"]
