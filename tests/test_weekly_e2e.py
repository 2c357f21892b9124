"""Weekly feedback through Telegram: on the Monday after a week with 4+ nights logged, after
that morning's diary (or at noon), never twice; nothing after a week of 3 nights."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.app import build_application, close_resources, open_resources
from models import Checkin, Delivery, Reminder, SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA = 1001
WEEK = date(2026, 11, 23)  # a Monday; its feedback comes on Monday 30 November
MONDAY_AFTER = date(2026, 11, 30)
TITLE = "Your week"


def berlin(day: date, hour: int, minute: int = 0) -> datetime:
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin"))
    return local.astimezone(UTC)


async def seed(
    bot: BotHarness, nights: Sequence[date], severities: Sequence[int], caffeine: Sequence[bool]
) -> None:
    """Saved check-ins and diaries (7 h 15 min asleep) for these nights."""
    async with bot.sessionmaker.begin() as session:
        for night, severity, coffee in zip(nights, severities, caffeine, strict=True):
            saved = berlin(night, 22)
            session.add(
                Checkin(
                    user_id=ANA,
                    night=night,
                    zone="Europe/Berlin",
                    severity=severity,
                    onset="evening",
                    took_medicine=False,
                    caffeine=coffee,
                    alcohol=False,
                    exercise=False,
                    nicotine=False,
                    own_factors=["long car ride"] if severity > 5 else [],
                    answered=[],
                    saved_at=saved,
                    updated_at=saved,
                )
            )
            session.add(
                SleepDiary(
                    user_id=ANA,
                    night=night,
                    zone="Europe/Berlin",
                    bed_time=time(23, 0),
                    tried_time=time(23, 0),
                    latency_min=15,
                    awakenings=1,
                    awake_min=30,
                    wake_time=time(7, 0),
                    out_time=time(7, 0),
                    answered=[],
                    saved_at=saved,
                    updated_at=saved,
                )
            )


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


def weekly_messages(user) -> list:
    return [m for m in user.messages if TITLE in m.text]


async def weekly_deliveries(bot: BotHarness) -> list[tuple[date, str]]:
    async with bot.session() as session:
        rows = await session.scalars(select(Delivery).where(Delivery.kind == "weekly"))
        return [(d.night, d.status) for d in rows]


async def test_feedback_after_a_week_of_four_nights_comes_after_the_diary_and_never_twice(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user, weekly=True)
    await seed(bot, days(WEEK - timedelta(days=7), 5), [5] * 5, [False] * 5)
    await seed(bot, days(WEEK, 4), [6, 7, 3, 4], [True, True, False, False])

    bot.clock.set(berlin(MONDAY_AFTER, 7, 30))
    await bot.dispatch()
    assert "sleep diary" in user.last_text and not weekly_messages(user), "held for the diary"
    await user.tap("▶ Start")
    assert "night of Sun 29 Nov" in user.last_text
    for _ in range(11):
        await user.tap("Skip")
    await user.tap("✅ Save")
    saved_at = len(user.messages)
    bot.clock.advance(seconds=30)
    await bot.dispatch()

    [week] = weekly_messages(user)
    assert user.messages.index(week) >= saved_at - 1, "after the saved diary"
    lines = week.text.splitlines()
    assert len(lines) <= 8
    assert lines[0] == "Your week: Mon 23 Nov to Sun 29 Nov"
    assert lines[1] == "5 nights logged (4 check-ins, 5 diaries)"
    assert "Restlessness: 5.0/10 on average, about the same as the week before (5.0)" in lines
    assert "Sleep: 7 h 15 min a night on average, about the same as the week before" in week.text
    assert (
        "Caffeine after noon: on the 2 nights with it, restlessness averaged 6.5, "
        "against 3.5 on the 2 nights without."
    ) in lines
    assert "Few nights, not proof" in week.text
    assert "r =" not in week.text

    await bot.restart()
    bot.clock.set(berlin(MONDAY_AFTER, 12, 30))
    await bot.dispatch()
    assert len(weekly_messages(user)) == 1
    assert await weekly_deliveries(bot) == [(MONDAY_AFTER, "sent")]


async def test_no_feedback_after_a_week_of_three_nights(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user, weekly=True)
    await seed(bot, days(WEEK, 3), [6, 7, 3], [True, True, False])
    for hour in (7, 12, 18):
        bot.clock.set(berlin(MONDAY_AFTER, hour, 30))
        await bot.dispatch()
    assert not weekly_messages(user)
    assert await weekly_deliveries(bot) == [(MONDAY_AFTER, "skipped")]


async def test_without_a_diary_the_feedback_comes_at_noon_and_an_own_factor_can_be_the_pattern(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user, weekly=True)
    await seed(bot, days(WEEK, 4), [6, 8, 2, 3], [False] * 4)
    bot.clock.set(berlin(MONDAY_AFTER, 11, 59))
    await bot.dispatch()
    assert not weekly_messages(user)
    bot.clock.set(berlin(MONDAY_AFTER, 12, 0))
    await bot.dispatch()
    [week] = weekly_messages(user)
    assert "4 nights logged (4 check-ins, 4 diaries)" in week.text
    assert "Restlessness: 4.8/10 on average" in week.text
    assert "week before" not in week.text, "no week before to compare with"
    assert (
        "long car ride: on the 2 nights with it, restlessness averaged 7.0, "
        "against 2.5 on the 2 nights without."
    ) in week.text


async def test_two_processes_at_noon_send_the_feedback_once(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user, weekly=True)
    await seed(bot, days(WEEK, 5), [6, 7, 3, 4, 5], [True, True, False, False, False])
    bot.clock.set(berlin(MONDAY_AFTER, 12, 5))
    other = build_application(bot.settings, bot.clock)
    await other.initialize()
    await open_resources(other)
    try:
        await asyncio.gather(bot.dispatch(), other.bot_data.dispatcher.run_once())
    finally:
        await close_resources(other)
        await other.shutdown()
    assert len(weekly_messages(user)) == 1
    assert await weekly_deliveries(bot) == [(MONDAY_AFTER, "sent")]


async def test_weekly_feedback_is_offered_at_onboarding_and_switched_in_settings(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.send("Berlin")
    await user.tap("✓ 22:00")
    await user.tap("✓ 07:30")
    await user.tap("No, thanks")
    assert "each week, on Monday" in user.last_text
    await user.send("maybe")
    assert "Please tap Yes or No." in user.last_text
    await user.send("no")
    assert "Weekly feedback on Mondays: off" in user.last_text
    await user.command("/settings")
    await user.tap("Weekly feedback: off")
    assert ["Weekly feedback: on ✓"] in user.last_buttons
    async with bot.session() as session:
        row = await session.scalar(select(Reminder).where(Reminder.kind == "weekly"))
    assert row is not None and row.enabled
    assert row.due_at == berlin(MONDAY_AFTER, 0, 0)
