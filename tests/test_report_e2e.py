"""The doctor's report through Telegram: each period, medicines and their changes, emoji."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from bot.i18n import texts_for
from bot.reports.pdf_blocks import TITLE
from models import Checkin, Dialog, Medicine, MedicineEvent, ReportDetails, SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness

ANA = 1001
TODAY = date(2026, 11, 24)  # the test clock: 22:00 in Berlin, tonight not over yet
BERLIN = ZoneInfo("Europe/Berlin")


def pages(data: bytes) -> list[str]:
    """Each page's text on one line (where a line wraps depends on the layout)."""
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def evening(day: date) -> datetime:
    return datetime.combine(day, time(22), BERLIN).astimezone(UTC)


async def seed(
    bot: BotHarness, nights: list[date], doses=None, note: str | None = None, diary: bool = True
) -> None:
    """A saved check-in (and diary) on each night; `doses(night)` gives its medicine ids."""
    async with bot.sessionmaker.begin() as session:
        for i, night in enumerate(nights):
            saved = evening(night)
            session.add(
                Checkin(
                    user_id=ANA, night=night, zone="Europe/Berlin", severity=2 + i % 7,
                    onset="evening",
                    locations=["calves"], sensations=[], took_medicine=bool(doses),
                    doses=doses(night) if doses else None, caffeine=False, alcohol=False,
                    exercise=False, nicotine=False, note=note, answered=[], saved_at=saved,
                    updated_at=saved,
                )
            )  # fmt: skip
            if diary:
                session.add(
                    SleepDiary(
                        user_id=ANA, night=night, zone="Europe/Berlin", bed_time=time(23),
                        tried_time=time(23, 10),
                        latency_min=25, awakenings=2, awake_min=40, wake_time=time(6, 40),
                        out_time=time(7), quality=3, legs=1, walks=1, answered=[],
                        saved_at=saved + timedelta(hours=9), updated_at=saved,
                    )
                )  # fmt: skip


REPORT_WAIT = 60.0


async def to_periods(user) -> None:
    """/export, then the doctor's report: the periods are on screen."""
    await user.command("/export")
    await user.tap("📄 Report for my doctor (PDF)")


async def tap_for_report(user, label: str) -> list[str]:
    """Tap the button that makes the report; its pages' text. A report renders in a worker
    process that starts with the first one, which on a busy machine can take longer than
    a reply's usual few seconds: the file is waited for on its own deadline."""
    before = len(user.messages)
    await user.tap(label, wait=False)
    document = await user.standin.wait_for(
        lambda: next((m for m in user.messages[before:] if m.document_bytes), None),
        REPORT_WAIT,
        f"no report within {REPORT_WAIT} s of tapping {label!r}",
    )
    assert document.filename == "stillnight-report.pdf"
    return pages(document.document_bytes)


async def report(user, period: str, notes: bool = False) -> list[str]:
    await to_periods(user)
    await user.tap(period)
    await user.tap("Yes, include my notes" if notes else "No, leave them out")
    return await tap_for_report(user, "No name")


@pytest.mark.parametrize(
    ("period", "start", "logged"),
    [
        ("Last 30 days", date(2026, 10, 25), 30),
        ("Last 90 days", date(2026, 8, 26), 90),
        ("Everything", date(2026, 6, 1), 176),
    ],
)
async def test_each_period_gives_a_page_one_covering_exactly_that_period(
    bot: BotHarness, standin: BotApiStandin, period: str, start: date, logged: int
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    first = date(2026, 6, 1)
    await seed(bot, [first + timedelta(days=i) for i in range((TODAY - first).days + 1)])
    page_one, *rest = await report(user, period)
    days = (date(2026, 11, 23) - start).days + 1
    assert f"Period: {start.isoformat()} to 2026-11-23 ({days} nights)" in page_one
    assert f"Nights logged: {logged} of {days}" in page_one  # tonight (the 24th) not counted
    assert "Time zone: Europe/Berlin" in page_one
    assert "Severity (0-10): mean" in page_one and "Sleep diary, means over" in page_one
    assert "time to fall asleep 25 min" in page_one
    assert "Got up to walk on" in page_one
    assert "Sun 2026-11-22" in rest[0] or "Sun 2026-11-22" in "".join(rest)
    table = "".join(rest)
    assert "2026-11-24" not in table and (start - timedelta(days=1)).isoformat() not in table
    assert start.isoformat() in rest[0]  # the table starts on page 2 with the first night


async def test_a_two_medicine_month_with_a_start_and_a_change_marked(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    async with bot.sessionmaker.begin() as session:
        ropinirole = Medicine(user_id=ANA, name="Ropinirole")
        pregabalin = Medicine(user_id=ANA, name="Pregabalin")
        session.add_all([ropinirole, pregabalin])
        await session.flush()
        ids = (ropinirole.id, pregabalin.id)
        for day, medicine, kind, what in (
            (date(2026, 11, 6), pregabalin.id, "started", None),
            (date(2026, 11, 15), ropinirole.id, "changed", "dose changed to 0.5 mg"),
        ):
            session.add(MedicineEvent(user_id=ANA, medicine_id=medicine, day=day, kind=kind,
                                      note=what, created_at=evening(day)))  # fmt: skip

    def doses(night: date) -> list[dict[str, object]]:
        taken = [{"id": ids[0], "time": "21:00", "amount": None}]
        if night >= date(2026, 11, 6):
            taken.append({"id": ids[1], "time": "19:30", "amount": "75 mg"})
        return taken

    first = date(2026, 10, 28)
    await seed(bot, [first + timedelta(days=i) for i in range(27)], doses=doses)
    page_one, *rest = await report(user, "Last 30 days")
    assert "Medicine as entered: Ropinirole, taken on 27 nights, usually around 21:00." in page_one
    assert "Medicine as entered: Pregabalin, taken on 18 nights, usually around 19:30." in page_one
    assert "Medicine changes (numbered as on the chart)" in page_one
    assert "1. 2026-11-06: Pregabalin started" in page_one
    assert "2. 2026-11-15: Ropinirole: dose changed to 0.5 mg" in page_one
    assert "Ropinirole 21:00" in rest[0] and "Pregabalin 19:30 (75 mg)" in rest[0]


async def test_emoji_in_notes_are_printed(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed(bot, [date(2026, 11, 20)], note="Long drive 🚗, hot bath 🛁, one wine 🍷")
    text = "\n".join(await report(user, "Last 30 days", notes=True))
    assert "Long drive 🚗, hot bath 🛁, one wine 🍷" in text
    assert "could not be printed" not in text


async def test_since_a_typed_date_covers_exactly_from_that_night(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed(bot, [date(2026, 10, 1) + timedelta(days=i) for i in range(55)])
    await to_periods(user)
    await user.tap("Since a date…")
    assert "From which night should the report start?" in user.last_text
    for typed, problem in (
        ("31 November", "That day doesn't exist in the calendar"),
        ("2026-12-01", "hasn't come yet"),
        ("3/4", "write the month as a word"),
        ("12 Smarch", "I couldn't read that as a date"),
    ):
        await user.send(typed)
        assert problem in user.last_text, typed
        assert "From which night should the report start?" in user.last_text
    await user.send("1 November")
    assert "The report will start with the night of 1 Nov 2026." in user.last_text
    await user.tap("No, leave them out")
    assert "Should the report have your name at the top?" in user.last_text
    assert user.last_buttons == [["No name"], ["🌐 Report in another language"]]  # none kept yet
    page_one, *_ = await tap_for_report(user, "No name")
    assert "Period: 2026-11-01 to 2026-11-23 (23 nights)" in page_one
    assert "Nights logged: 23 of 23" in page_one and "Patient:" not in page_one
    async with bot.sessionmaker() as session:
        assert await session.get(ReportDetails, ANA) is None  # nothing kept


async def test_since_my_last_appointment_and_a_name_are_kept_for_next_time(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed(bot, [date(2026, 10, 1) + timedelta(days=i) for i in range(55)])
    await to_periods(user)
    await user.tap("Since my last appointment…")
    await user.send("12 October")
    await user.tap("Yes, include my notes")
    await user.send("x")
    assert "That doesn't look like a name" in user.last_text
    await user.send("Ana Müller, born 12 May 1961")
    assert "The report will have Ana Müller, born 12 May 1961 at the top." in user.last_text
    page_one, *_ = await tap_for_report(user, "📄 Make my report")
    assert "Patient: Ana Müller, born 12 May 1961" in page_one
    assert "Period: 2026-10-12 to 2026-11-23 (43 nights)" in page_one

    await to_periods(user)  # the next report: both are offered as they were kept
    await user.tap("Since my appointment on 12 Oct 2026")
    await user.tap("No, leave them out")
    page_one, *_ = await tap_for_report(user, "Use “Ana Müller, born 12 May 1961”")
    assert "Patient: Ana Müller, born 12 May 1961" in page_one
    assert "Period: 2026-10-12 to 2026-11-23" in page_one

    await to_periods(user)  # a newer appointment replaces the kept one
    await user.tap("📅 Another appointment date")
    await user.send("yesterday")
    await user.tap("No, leave them out")
    await user.send("none")
    assert "The report will have no name at the top." in user.last_text
    page_one, *_ = await tap_for_report(user, "📄 Make my report")
    assert "Period: 2026-11-23 to 2026-11-23 (1 night)" in page_one
    assert "Patient:" not in page_one
    async with bot.sessionmaker() as session:
        kept = await session.get(ReportDetails, ANA)
        assert kept is not None and kept.appointment == date(2026, 11, 23)
        assert kept.name == "Ana Müller, born 12 May 1961"  # "none" kept it


async def test_back_from_a_typed_date_step_leaves_nothing_waiting(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await to_periods(user)
    await user.tap("Since a date…")
    await user.tap("Back")
    assert "which period?" in user.last_text
    await user.send("1 November")  # no longer a date step: not taken as one
    assert "The report will start" not in user.last_text
    async with bot.sessionmaker() as session:
        assert await session.get(Dialog, ANA) is None


async def test_a_report_in_another_language_keeps_it_through_a_typed_name(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await seed(bot, [date(2026, 11, 1) + timedelta(days=i) for i in range(20)])
    await to_periods(user)
    await user.tap("Last 30 days")
    await user.tap("No, leave them out")
    await user.tap("🌐 Report in another language")
    assert "English" not in [row[0] for row in user.last_buttons], "only the others"
    await user.tap("Deutsch")
    assert user.last_text.startswith("The report will be in Deutsch.")
    await user.send("Ana Müller")
    assert "The report will be in Deutsch." in user.last_text, "the typed name kept it"
    page_one, *_ = await tap_for_report(user, "📄 Make my report")
    assert texts_for("de").gettext(TITLE) in page_one and "Ana Müller" in page_one
    assert user.messages[-1].caption == "Your report for your doctor.", "the chat stays English"
