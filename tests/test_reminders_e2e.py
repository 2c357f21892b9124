"""Reminders end to end, with the test's clock: prompt, snooze, skip, pause, faults, downtime."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.core.schedule import Kind
from models import Delivery, Reminder
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins, stored_user
from tests.harness import BotHarness

ANA = 1001
EVENING = "Time for tonight's check-in"
MORNING = "Good morning"


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    """A November 2026 instant given in Berlin local time."""
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)


async def ready(bot: BotHarness, standin: BotApiStandin):
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    return user


def reminder_texts(user) -> list[str]:
    return [
        m.text
        for m in user.messages
        if EVENING in m.text or MORNING in m.text or "Here again" in m.text
    ]


async def deliveries(bot: BotHarness) -> list[Delivery]:
    async with bot.session() as session:
        return list(await session.scalars(select(Delivery).order_by(Delivery.id)))


async def test_evening_reminder_arrives_once_and_start_opens_the_checkin(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    bot.clock.current = berlin(25, 21, 59)
    await bot.dispatch()
    assert reminder_texts(user) == []
    bot.clock.current = berlin(25, 22, 0)
    outcome = await bot.dispatch()
    assert outcome.sent == 1
    assert EVENING in user.last_text
    assert (await bot.dispatch()).sent == 0, "never twice"
    await user.tap("▶ Start")
    assert "night of Wed 25 Nov" in user.last_text and "1/8" in user.last_text
    await user.tap("4")
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.severity == 4


async def test_no_reminder_when_tonights_checkin_is_done(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    bot.clock.current = berlin(25, 20, 30)
    await user.command("/checkin")
    for label in ["2"] + ["Skip"] * 7 + ["✅ Save"]:
        await user.tap(label)
    bot.clock.current = berlin(25, 22, 0)
    outcome = await bot.dispatch()
    assert outcome.sent == 0 and outcome.skipped == 1
    assert reminder_texts(user) == []


async def test_snooze_brings_it_back_later(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready(bot, standin)
    bot.clock.set(berlin(25, 22, 0))
    await bot.dispatch()
    reminder = user.messages[-1]
    snooze = reminder.buttons[1][0].callback_data
    await user.tap("⏰ In 30 min")
    assert "again at 22:30" in user.last_text
    again = await user.tap_data(snooze, message_id=reminder.message_id)
    assert "no longer current" in again.toast, "a double tap snoozes once"
    bot.clock.set(berlin(25, 22, 20))
    assert (await bot.dispatch()).sent == 0
    bot.clock.set(berlin(25, 22, 30))
    assert (await bot.dispatch()).sent == 1
    assert "Here again" in user.last_text
    bot.clock.set(berlin(25, 23, 30))
    assert (await bot.dispatch()).sent == 0
    assert [d.round for d in await deliveries(bot)] == [0, 1]


async def test_skip_tonight_stops_it_until_tomorrow(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    bot.clock.set(berlin(25, 22, 0))
    await bot.dispatch()
    await user.tap("Skip tonight")
    assert "no check-in tonight" in user.last_text
    bot.clock.set(berlin(25, 23, 59))
    assert (await bot.dispatch()).sent == 0
    bot.clock.set(berlin(26, 22, 0))
    assert (await bot.dispatch()).sent == 1


async def test_pause_for_days_and_resume(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready(bot, standin)
    bot.clock.set(berlin(25, 12, 0))
    await user.command("/pause")
    await user.tap("3 days")
    assert "paused until Sat 28 Nov, 12:00" in user.last_text
    for day in (25, 26, 27):
        bot.clock.set(berlin(day, 22, 0))
        assert (await bot.dispatch()).sent == 0
    bot.clock.set(berlin(28, 22, 0))
    assert (await bot.dispatch()).sent == 1
    await user.command("/pause")
    await user.tap("Until I /resume")
    bot.clock.set(berlin(29, 22, 0))
    assert (await bot.dispatch()).sent == 0
    bot.clock.set(berlin(30, 12, 0))
    await user.command("/resume")
    assert "Reminders are on again" in user.last_text
    bot.clock.set(berlin(30, 22, 0))
    assert (await bot.dispatch()).sent == 1


async def test_a_user_who_blocked_the_bot_is_marked_inactive_until_start(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    user.block()
    bot.clock.set(berlin(25, 22, 0))
    outcome = await bot.dispatch()
    assert outcome.blocked == 1
    assert (await stored_user(bot, ANA)).active is False
    attempts = len(standin.calls_to("sendMessage"))
    bot.clock.set(berlin(26, 22, 0))
    await bot.dispatch()
    assert len(standin.calls_to("sendMessage")) == attempts, "not retried forever"
    user.unblock()
    await user.command("/start")
    assert (await stored_user(bot, ANA)).active is True
    bot.clock.set(berlin(27, 22, 0))
    assert (await bot.dispatch()).sent == 1


async def test_429_is_waited_out_and_the_reminder_sent_once(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    standin.set_fault("sendMessage", "retry_after", times=1, retry_after=1)
    bot.clock.set(berlin(25, 22, 0))
    outcome = await bot.dispatch()
    assert (outcome.retry_after, outcome.sent) == (1, 1)
    assert len(reminder_texts(user)) == 1


async def test_network_errors_are_retried_with_backoff_and_nothing_is_lost(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    standin.set_fault("sendMessage", "bad_gateway", times=2)
    bot.clock.set(berlin(25, 22, 0))
    assert (await bot.dispatch()).retry_later == 1
    bot.clock.set(berlin(25, 22, 0).replace(second=10))
    assert (await bot.dispatch()).sent == 0, "backing off"
    bot.clock.set(berlin(25, 22, 1))
    assert (await bot.dispatch()).retry_later == 1
    bot.clock.set(berlin(25, 22, 5))
    assert (await bot.dispatch()).sent == 1
    assert len(reminder_texts(user)) == 1
    [delivery] = await deliveries(bot)
    assert (delivery.status, delivery.attempts) == ("sent", 3)


async def test_after_downtime_a_useful_reminder_comes_late_and_a_stale_one_never(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    await bot.stop()
    bot.clock.set(berlin(25, 23, 30))  # down over 22:00, back within two hours
    await bot.start()
    assert (await bot.dispatch()).sent == 1
    assert EVENING in user.last_text
    await bot.stop()
    bot.clock.set(berlin(27, 0, 30))  # down over the next 22:00 for more than two hours
    await bot.start()
    outcome = await bot.dispatch()
    assert outcome.sent == 0
    assert len(reminder_texts(user)) == 1
    async with bot.session() as session:
        evening = await session.scalar(select(Reminder).where(Reminder.kind == Kind.EVENING.value))
    assert evening.due_at == berlin(27, 22, 0), "the schedule moved on, nothing doubled"


async def test_morning_prompt_is_sent_until_noon_after_downtime(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    bot.clock.set(berlin(25, 11, 45))
    assert (await bot.dispatch()).sent == 1
    assert MORNING in user.last_text
    bot.clock.set(berlin(26, 12, 5))
    assert (await bot.dispatch()).sent == 0


async def test_changing_zone_or_time_reschedules_at_once(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready(bot, standin)
    await user.command("/settings")
    await user.tap("🌍 Time zone")
    await user.send("New York")
    assert "Settings" in user.last_text and "America/New_York" in user.last_text
    await user.tap("🌙 Check-in time")
    await user.send("21:30")
    async with bot.session() as session:
        evening = await session.scalar(select(Reminder).where(Reminder.kind == Kind.EVENING.value))
    assert evening.due_at == datetime(2026, 11, 25, 2, 30, tzinfo=UTC)  # 21:30 in New York
    bot.clock.set(evening.due_at)
    assert (await bot.dispatch()).sent == 1


async def test_each_reminder_can_be_switched_off(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready(bot, standin)
    await user.command("/settings")
    await user.tap("Evening reminder: on ✓")
    assert "Evening reminder: off" in str(user.last_buttons)
    bot.clock.set(berlin(25, 22, 0))
    assert (await bot.dispatch()).sent == 0
    bot.clock.set(berlin(26, 7, 30))
    assert (await bot.dispatch()).sent == 1
    assert MORNING in user.last_text
