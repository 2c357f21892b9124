"""The morning sleep diary end to end: prompt, answers, validation, recap, catch-up."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models import SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA = 1001


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)


async def diaries(bot: BotHarness) -> list[SleepDiary]:
    async with bot.session() as session:
        return list(await session.scalars(select(SleepDiary).order_by(SleepDiary.night)))


async def test_full_diary_from_the_morning_prompt(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    bot.clock.set(berlin(25, 7, 30))
    assert (await bot.dispatch()).sent == 1
    await user.tap("▶ Start")
    assert "Sleep diary · night of Tue 24 Nov" in user.last_text and "1/11" in user.last_text
    await user.send("11:10 pm")
    assert "2/11" in user.last_text
    await user.tap("23:15")
    await user.tap("20 min")
    await user.tap("2")
    await user.send("40")
    await user.send("6:50")
    await user.tap("07:15")
    await user.tap("Poor")
    await user.tap("A lot")
    await user.tap("1")
    assert "Any comments on the night?" in user.last_text
    await user.send("Woke at 3 with cramps, walked the hall")
    text = user.last_text
    assert "recap" in text
    assert "Comments: Woke at 3 with cramps, walked the hall" in text
    # bed 23:10, tried 23:15, woke 06:50, up 07:15: in bed 485 min, slept 455 - 20 - 40 = 395
    assert "Slept 6 h 35 min" in text and "in bed 8 h 05 min" in text
    assert "sleep efficiency 81.4%" in text
    await user.tap("✅ Save")
    assert "Sleep diary saved" in user.last_text
    [diary] = await diaries(bot)
    assert diary.night == date(2026, 11, 24)
    assert (diary.bed_time, diary.tried_time, diary.wake_time, diary.out_time) == (
        time(23, 10),
        time(23, 15),
        time(6, 50),
        time(7, 15),
    )
    assert (diary.latency_min, diary.awakenings, diary.awake_min) == (20, 2, 40)
    assert (diary.quality, diary.legs, diary.walks) == (2, 2, 1)
    bot.clock.set(berlin(25, 12, 0))
    await user.command("/morning")
    assert "saved" in user.last_text and len(await diaries(bot)) == 1


async def test_an_impossible_answer_is_explained_and_nothing_else_is_lost(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    bot.clock.set(berlin(25, 8, 0))
    await user.command("/morning")
    await user.send("23:30")
    await user.send("23:00")
    assert "before you went to bed" in user.last_text and "2/11" in user.last_text
    await user.send("23:45")
    await user.send("15")
    await user.send("0")
    assert "6/11" in user.last_text, "no awakenings: their length is not asked"
    await user.send("23:50")
    assert "how long did it take?" in user.last_text and "3/11" in user.last_text, (
        "the check asks about the minutes to fall asleep: the dialog waits for them"
    )
    await user.send("15")
    await user.send("0")
    assert "6/11" in user.last_text
    await user.send("7")
    [diary] = await diaries(bot)
    assert (diary.bed_time, diary.tried_time, diary.latency_min, diary.awake_min) == (
        time(23, 30),
        time(23, 45),
        15,
        0,
    )
    assert diary.wake_time == time(7, 0)


async def test_no_awakenings_skips_their_length_and_back_skips_it_too(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    bot.clock.set(berlin(25, 8, 0))
    await user.command("/morning")
    for label in ("Skip", "Skip", "Skip", "0"):
        await user.tap(label)
    assert "final awakening" in user.last_text
    await user.tap("« Back")
    assert "How many times did you wake up" in user.last_text


async def test_a_missed_morning_can_be_filled_in_and_never_duplicates(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    bot.clock.set(berlin(27, 9, 0))
    await user.command("/morning")
    assert "night of Thu 26 Nov" in user.last_text
    for _ in range(11):
        await user.tap("Skip")
    await user.tap("✅ Save")
    assert "Missed a morning?" in user.last_text
    # joined on Tue 24 Nov: the night before is not offered
    assert [row[0] for row in user.last_buttons] == ["Tue 24 Nov", "Wed 25 Nov"]
    await user.tap("Wed 25 Nov")
    assert "night of Wed 25 Nov" in user.last_text
    await user.tap("22:45")
    nights = [d.night for d in await diaries(bot)]
    assert nights == [date(2026, 11, 25), date(2026, 11, 26)]
    await user.command("/morning")
    assert "night of Thu 26 Nov" in user.last_text and "saved" in user.last_text
    assert len(await diaries(bot)) == 2


async def test_button_times_follow_the_users_usual_times(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    for day in (25, 26, 27):
        bot.clock.set(berlin(day, 9, 0))
        await user.command("/morning")
        await user.send("00:40")
        for _ in range(10):
            await user.tap("Skip")
        await user.tap("✅ Save")
    bot.clock.set(berlin(28, 9, 0))
    await user.command("/morning")
    times = [label for row in user.last_buttons for label in row if ":" in label]
    assert ("00:40" in times and times[0] < "00:40") or times[0].startswith("00")
