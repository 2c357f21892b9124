"""One user can never see or change another's data; callback data is never trusted."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from handlers.errors import ERROR
from models import Delivery, Medicine, SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA, BEN = 1001, 1002


async def two_users(standin: BotApiStandin):
    ana = standin.user(user_id=ANA, first_name="Ana")
    ben = standin.user(user_id=BEN, first_name="Ben")
    await onboard(ana)
    await onboard(ben)
    return ana, ben


async def test_forged_buttons_carrying_another_users_ids_change_nothing(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    ana, ben = await two_users(standin)
    await ana.command("/morning")
    await ana.tap("23:00")
    await ana.command("/settings")
    await ana.tap("💊 My medicines")
    await ana.tap("➕ Add a medicine")
    await ana.send("Ropinirole")
    bot.clock.set(datetime(2026, 11, 25, 21, 0, tzinfo=UTC))
    await bot.dispatch()
    async with bot.session() as session:
        diary = await session.scalar(select(SleepDiary).where(SleepDiary.user_id == ANA))
        medicine = await session.scalar(select(Medicine).where(Medicine.user_id == ANA))
        reminder = await session.scalar(select(Delivery).where(Delivery.user_id == ANA))
    await ben.command("/morning")
    forged = [
        f"md:{diary.id}:try:v2330",
        f"md:{diary.id}:rec:save",
        f"rm:{reminder.id}:skip",
        f"rm:{reminder.id}:s30",
        f"st:mren:{medicine.id}",
        f"st:mdel:{medicine.id}",
    ]
    for data in forged:
        reply = await ben.tap_data(data)
        assert reply.toast, f"{data} got no answer"
    async with bot.session() as session:
        same_diary = await session.get(SleepDiary, diary.id)
        same_medicine = await session.get(Medicine, medicine.id)
        same_reminder = await session.get(Delivery, reminder.id)
        assert same_diary.tried_time is None and same_diary.saved_at is None
        assert same_medicine.name == "Ropinirole" and not same_medicine.retired
        assert same_reminder.status == "sent"
        assert await session.scalar(select(Delivery).where(Delivery.round > 0)) is None
    assert "Ropinirole" not in " ".join(m.text for m in ben.messages)


async def test_malformed_callback_data_gets_an_answer_and_no_crash(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    ana, _ = await two_users(standin)
    await ana.command("/checkin")
    for data in [
        "ci:abc",
        "ci:1:zzz:v1",
        "ci:99999:sev:v5",
        "md:1",
        "md:0:new:notadate",
        "rm:",
        "rm:x:start",
        "st:mdel:xyz",
        "st:nothing",
        "sm:999999",
        "ex:pdf:9:y",
        "pz:42",
        "ob:tz:Not/AZone",
        "ob:ci:9999",
        "faq:" + "x" * 40,
        "nonsense",
    ]:
        reply = await ana.tap_data(data)
        assert reply.toast or reply.texts, f"{data} got no answer"
    assert ERROR not in " ".join(m.text for m in ana.messages)
    await ana.tap("5")
    assert "2/8" in ana.last_text


@pytest.mark.parametrize(
    "forged_id", [str(2**31), str(2**63), str(2**64), "²", "١", "-1", "1e3", " 1", "0x1"]
)
async def test_forged_ids_of_any_size_or_script_get_a_calm_answer_not_an_error(
    bot: BotHarness, standin: BotApiStandin, caplog: pytest.LogCaptureFixture, forged_id: str
) -> None:
    """Ids past PostgreSQL's integer or SQLite's, digits int() refuses: the answer is the
    callback alert itself, so that is where an error would show, and in the log."""
    ana, _ = await two_users(standin)
    await ana.command("/checkin")
    for data in [
        f"ci:{forged_id}:sev:v5",
        f"md:{forged_id}:try:v2330",
        f"rm:{forged_id}:skip",
        f"st:mdel:{forged_id}",
        f"st:mren:{forged_id}",
    ]:
        with caplog.at_level(logging.ERROR):
            reply = await ana.tap_data(data)
        assert reply.toast, f"{data} got no answer"
        assert reply.toast != ERROR[:200], f"{data} crashed the handler"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    await ana.tap("5")
    assert "2/8" in ana.last_text
