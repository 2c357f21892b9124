"""Summary, exports and deletion through Telegram, on a month of seeded nights."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pypdf import PdfReader
from sqlalchemy import select

from models import Checkin, MedicineEvent, SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA = 1001
OCTOBER = date(2026, 10, 1)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def berlin(day: date, hour: int, minute: int = 0) -> datetime:
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin"))
    return local.astimezone(UTC)


async def seed_nights(bot: BotHarness, user_id: int, first: date, count: int) -> None:
    """`count` saved nights from `first`, every other one skipped: check-in and diary."""
    async with bot.sessionmaker.begin() as session:
        for i in range(0, count * 2, 2):
            night = first + timedelta(days=i)
            saved = berlin(night, 22)
            session.add(
                Checkin(
                    user_id=user_id,
                    night=night,
                    zone="Europe/Berlin",
                    severity=3 + i % 6,
                    onset="evening",
                    urge="often",
                    locations=["calves"],
                    sensations=["tingling"],
                    took_medicine=False,
                    caffeine=i % 4 == 0,
                    alcohol=False,
                    exercise=i % 3 == 0,
                    nicotine=False,
                    note=f"night {i}, with a comma",
                    answered=[],
                    saved_at=saved,
                    updated_at=saved,
                )
            )
            session.add(
                SleepDiary(
                    user_id=user_id,
                    night=night,
                    zone="Europe/Berlin",
                    bed_time=time(23, 0),
                    tried_time=time(23, 15),
                    latency_min=20 + i,
                    awakenings=1,
                    awake_min=30,
                    wake_time=time(6, 45),
                    out_time=time(7, 0),
                    quality=3,
                    legs=1,
                    walks=1,
                    answered=[],
                    saved_at=saved,
                    updated_at=saved,
                )
            )


async def test_summary_of_a_seeded_month_with_chart_and_month_picker(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed_nights(bot, ANA, OCTOBER, 12)
    await seed_nights(bot, ANA, date(2026, 11, 2), 4)
    await user.command("/summary")
    photos = [m for m in user.messages if m.photo_bytes]
    assert photos, "a chart arrives as a photo"
    assert photos[-1].photo_bytes.startswith(b"\x89PNG")
    shown = user.last_text
    assert "November 2026" in shown and "4" in shown
    assert ["October 2026"] in user.last_buttons
    await user.tap("October 2026")
    assert "October 2026" in user.last_text and "12" in user.last_text


async def test_summary_with_too_few_nights_says_what_is_missing(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/summary")
    assert not [m for m in user.messages if m.photo_bytes]
    assert "/checkin" in user.last_text


async def test_exports_parse_csv_pdf_and_json(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed_nights(bot, ANA, date(2026, 11, 2), 5)

    await user.command("/export")
    await user.tap("📊 Spreadsheet (CSV)")
    document, key = user.messages[-2:]
    assert document.filename == "stillnight-nights.csv"
    assert key.filename == "stillnight-nights-dictionary.csv"
    described = csv.DictReader(io.StringIO(key.document_bytes.decode("utf-8-sig")))
    assert [r["column"] for r in described] == list(
        csv.DictReader(io.StringIO(document.document_bytes.decode("utf-8-sig"))).fieldnames or []
    )
    rows = list(csv.DictReader(io.StringIO(document.document_bytes.decode("utf-8-sig"))))
    assert [r["night"] for r in rows] == [
        "2026-11-02",
        "2026-11-04",
        "2026-11-06",
        "2026-11-08",
        "2026-11-10",
    ]
    assert rows[0]["note"] == "night 0, with a comma"

    await user.command("/export")
    await user.tap("📄 Report for my doctor (PDF)")
    await user.tap("Last 30 days")
    await user.tap("No, leave them out")
    await user.tap("No name")
    pdf = user.messages[-1]
    assert pdf.filename == "stillnight-report.pdf"
    text = pdf_text(pdf.document_bytes)
    assert "Period: 2026-10-25 to 2026-11-23" in text  # tonight, the 24th, is not over
    assert "Nights logged: 5" in text and "2026-11-10" in text
    assert "self-reported" in text and "with a comma" not in text

    await user.command("/export")
    await user.tap("📄 Report for my doctor (PDF)")
    await user.tap("Everything")
    await user.tap("Yes, include my notes")
    await user.tap("No name")
    assert "night 8, with a comma" in pdf_text(user.messages[-1].document_bytes)

    await user.command("/export")
    await user.tap("🔒 Everything stored about me")
    data = json.loads(user.messages[-1].document_bytes)
    assert data["account"]["telegram_user_id"] == ANA
    assert len(data["checkins"]) == 5 and len(data["sleep_diaries"]) == 5
    assert data["settings"]["evening_reminder"] and data["settings"]["monthly_summary"]


async def test_delete_asks_twice_and_leaves_nothing(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed_nights(bot, ANA, date(2026, 11, 2), 3)
    await user.command("/checkin")
    await user.tap("5")
    bot.clock.set(berlin(date(2026, 11, 25), 22))
    await bot.dispatch()
    assert (await bot.stored_rows()).keys() >= {"users", "checkins", "deliveries", "reminders"}
    await user.command("/delete")
    await user.tap("No, keep my data")
    assert "nothing was deleted" in user.last_text
    await user.command("/delete")
    await user.tap("Yes, delete everything")
    assert "Are you sure" in user.last_text
    await user.tap("Delete for good")
    assert "everything I stored about you is deleted" in user.last_text
    assert await bot.stored_rows() == {}
    await user.command("/start")
    assert "store your answers" in user.last_text, "the next message starts as a new user"


async def test_medicines_can_be_added_renamed_and_removed_in_settings(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/settings")
    await user.tap("💊 My medicines")
    await user.tap("➕ Add a medicine")
    await user.send("Pregabalin")
    assert "• Pregabalin" in user.last_text
    await user.tap("✎ Pregabalin")
    await user.send("Pregabalin 75")
    assert "• Pregabalin 75" in user.last_text
    await user.command("/checkin")
    for label in ("2", "Skip", "Skip", "Skip", "Skip"):
        await user.tap(label)
    await user.tap("Pregabalin 75")
    await user.tap("Just now")
    await user.tap("Done: 1 medicine ➜")
    await user.command("/settings")
    await user.tap("💊 My medicines")
    await user.tap("Stop")
    assert "None yet" in user.last_text and "Stopped: Pregabalin 75" in user.last_text
    async with bot.session() as session:
        checkin = await session.scalar(select(Checkin))
        assert checkin.doses and checkin.doses[0]["time"], "past check-ins keep the medicine"
        events = list(await session.scalars(select(MedicineEvent).order_by(MedicineEvent.id)))
    assert [e.kind for e in events] == ["started", "stopped"]
