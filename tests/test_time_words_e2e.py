"""Times typed as English words, and sample times that fit the step: morning ones in the
morning, evening ones in the evening."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models import SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_user
from tests.harness import BotHarness

ANA = 1001
MORNING_SAMPLES = "7:10 or 6:45am"


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)


async def test_diary_times_as_words_with_samples_that_fit_the_step(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    bot.clock.set(berlin(25, 8, 0))
    await user.command("/morning")
    assert "11:40pm" in user.last_text and MORNING_SAMPLES not in user.last_text
    await user.send("ten past eleven pm")
    await user.send("twenty past eleven pm")
    await user.send("15")
    await user.send("0")
    assert "final awakening" in user.last_text and MORNING_SAMPLES in user.last_text
    await user.send("banana")
    assert f"try {MORNING_SAMPLES}" in user.last_text
    assert "21:30" not in user.last_text and "pm" not in user.last_text
    await user.send("twenty to seven")
    assert "get out of bed" in user.last_text and MORNING_SAMPLES in user.last_text
    await user.send("seven")
    async with bot.session() as session:
        [diary] = await session.scalars(select(SleepDiary))
    assert (diary.bed_time, diary.tried_time, diary.wake_time, diary.out_time) == (
        time(23, 10),
        time(23, 20),
        time(6, 40),
        time(7, 0),
    )


async def test_setup_times_as_words_with_their_own_samples(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.send("Berlin")
    await user.send("banana")
    assert "try 21:30 or 9:30pm" in user.last_text
    await user.send("quarter past ten pm")
    await user.send("banana")
    assert f"try {MORNING_SAMPLES}" in user.last_text and "9:30pm" not in user.last_text
    await user.send("quarter to seven")
    stored = await stored_user(bot, ANA)
    assert stored is not None
    assert (stored.checkin_time, stored.morning_time) == (time(22, 15), time(6, 45))
