"""A diary check that asks about another answer waits for that answer, typed or tapped."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models import SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA = 1001
AWAKE_QUESTION = "how long did those awakenings last?"
FINAL_QUESTION = "What time was your final awakening?"


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)


async def diary(bot: BotHarness) -> SleepDiary:
    async with bot.session() as session:
        [row] = await session.scalars(select(SleepDiary))
        return row


async def to_final_awakening(user, awake: str) -> None:
    await user.command("/morning")
    for answer in ("23:00", "23:15", "20", "2", awake):
        await user.send(answer)
    assert FINAL_QUESTION in user.last_text


async def test_a_typed_answer_after_the_check_answers_the_question_it_asked(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    bot.clock.set(berlin(25, 8, 0))
    await to_final_awakening(user, "6 h 30")
    await user.send("6:00")  # 23:15 to 06:00 is 6 h 45 min: less than 6 h 30 + 20 min
    assert "how long were you awake in the night?" in user.last_text
    assert AWAKE_QUESTION in user.last_text and "5/11" in user.last_text
    await user.send("40 min")
    assert "Got it" in user.last_text and FINAL_QUESTION in user.last_text
    await user.send("6:00")
    assert "7/11" in user.last_text
    row = await diary(bot)
    assert (row.awake_min, row.wake_time) == (40, time(6, 0))


async def test_a_tapped_answer_that_fails_the_check_moves_to_the_question_asked(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    bot.clock.set(berlin(25, 8, 0))
    await to_final_awakening(user, "7 h 30")
    await user.tap("07:00")  # 23:15 to 07:00 is 7 h 45 min: less than 7 h 30 + 20 min
    assert "how long were you awake in the night?" in (user.last_toast or "")
    assert AWAKE_QUESTION in user.last_text and "5/11" in user.last_text
    await user.tap("45 min")
    assert FINAL_QUESTION in user.last_text
    await user.tap("07:00")
    row = await diary(bot)
    assert (row.awake_min, row.wake_time) == (45, time(7, 0))
