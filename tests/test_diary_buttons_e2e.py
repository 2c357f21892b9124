"""The diary's buttons cover real nights: many awakenings, a long time to fall asleep, and
"tried to sleep" times no earlier than the bedtime just given."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models import SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA = 1001
NAVIGATION = {"Skip", "« Back"}


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)


def answers(user) -> list[str]:
    return [label for row in user.last_buttons for label in row if label not in NAVIGATION]


def minutes_after(bed: str, clock: str) -> int:
    (bh, bm), (h, m) = (map(int, bed.split(":")), map(int, clock.split(":")))
    return (h * 60 + m - bh * 60 - bm) % (24 * 60)


async def test_buttons_for_a_hard_night(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    bot.clock.set(berlin(25, 9, 0))
    await user.command("/morning")
    await user.send("23:40")
    tried = answers(user)
    assert len(tried) >= 4 and tried[0] == "23:40"
    assert all(minutes_after("23:40", label) < 12 * 60 for label in tried), tried
    await user.tap("23:45")
    assert {"2 h 00 min", "3 h 00 min"} <= set(answers(user))
    await user.tap("3 h 00 min")
    assert {"6", "7", "8"} <= set(answers(user))
    await user.tap("8")
    await user.send("1 h")
    await user.send("7:30")
    async with bot.session() as session:
        [diary] = await session.scalars(select(SleepDiary))
    assert (diary.latency_min, diary.awakenings, diary.awake_min) == (180, 8, 60)
