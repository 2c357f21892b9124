"""The monthly summary through Telegram: on the 1st after that morning's diary (at noon
without one), never twice; /summary in a month's first days opens the month just ended; a
phone screen of plain words with the details behind a button."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from models import Delivery
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness
from tests.test_summary_e2e import berlin, seed_nights

ANA = 1001
NOVEMBER = date(2026, 11, 1)
FIRST = date(2026, 12, 1)
TITLE = "Your November 2026"


def summaries(user) -> list:
    return [m for m in user.messages if TITLE in m.text]


def labels(message) -> list[list[str]]:
    return [[b.text for b in row] for row in message.buttons]


async def monthly_deliveries(bot: BotHarness) -> list[tuple[date, str]]:
    async with bot.session() as session:
        rows = await session.scalars(select(Delivery).where(Delivery.kind == "monthly"))
        return [(d.night, d.status) for d in rows]


async def test_on_the_1st_the_summary_comes_after_the_diary_and_never_twice(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed_nights(bot, ANA, date(2026, 11, 2), 6)
    bot.clock.set(berlin(FIRST, 7, 30))
    await bot.dispatch()
    assert "sleep diary" in user.last_text and not summaries(user), "not with the prompt"
    await user.tap("▶ Start")
    assert "night of Mon 30 Nov" in user.last_text
    for _ in range(11):
        await user.tap("Skip")
    await user.tap("✅ Save")
    saved_at = len(user.messages)
    bot.clock.advance(seconds=30)
    await bot.dispatch()
    [summary] = summaries(user)
    assert user.messages.index(summary) >= saved_at - 1, "after the saved diary"
    assert "7 nights logged (6 check-ins, 7 diaries)" in summary.text, "counts that diary"

    await bot.restart()
    await bot.dispatch()
    bot.clock.set(berlin(FIRST, 12, 30))
    await bot.restart()
    await bot.dispatch()
    assert len(summaries(user)) == 1
    assert await monthly_deliveries(bot) == [(FIRST, "sent")]


async def test_without_a_diary_the_summary_comes_at_noon(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed_nights(bot, ANA, date(2026, 11, 2), 6)
    bot.clock.set(berlin(FIRST, 11, 59))
    await bot.dispatch()
    assert not summaries(user)
    bot.clock.set(berlin(FIRST, 12, 0))
    await bot.dispatch()
    [summary] = summaries(user)
    assert "6 nights logged (6 check-ins, 6 diaries)" in summary.text
    assert labels(summary) == [["🔎 More details"]], "the 1st's message: details, no picker"


async def test_summary_on_the_2nd_opens_last_month_on_one_screen_with_details_behind_a_button(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed_nights(bot, ANA, NOVEMBER, 14)
    bot.clock.set(berlin(date(2026, 12, 2), 9, 0))
    await user.command("/summary")
    summary = user.messages[-1]
    assert summary.photo_bytes, "the chart, with the summary as its caption"
    text = summary.text
    assert text.startswith(TITLE) and "14 nights logged" in text
    assert len(text.splitlines()) <= 16, "one phone screen"
    assert "r =" not in text and "rank" not in text
    assert "Legs and sleep" in text and "(over 14 nights)" in text
    assert "Caffeine after noon: on the " in text or "Exercise: on the " in text
    assert ["🔎 More details"] in labels(summary)

    await user.tap("🔎 More details")
    details = user.last_text
    assert details.startswith("November 2026: details")
    assert "Symptoms started" in details and "Restlessness with and without" in details
    assert "5.5 hours" in details
    assert "r =" not in details

    bot.clock.set(berlin(date(2026, 12, 8), 9, 0))
    await user.command("/summary")
    assert "December 2026" in user.last_text, "from the 8th on, the month under way"


async def test_a_diary_saved_before_the_summary_fell_due_lets_it_go_at_once(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed_nights(bot, ANA, date(2026, 11, 2), 6)
    bot.clock.set(berlin(FIRST, 0, 10))  # up early: the diary before the job ran
    await user.command("/morning")
    assert "night of Mon 30 Nov" in user.last_text
    for _ in range(11):
        await user.tap("Skip")
    await user.tap("✅ Save")
    bot.clock.advance(seconds=30)
    await bot.dispatch()
    [summary] = summaries(user)
    assert "7 nights logged (6 check-ins, 7 diaries)" in summary.text
