"""Nights as they really are, end to end on SQLite and PostgreSQL: several medicines with
times and amounts, the usual ones in one tap, a quiet night in a few taps, "none" typed at
the medicine question, the user's own factors, medicine changes in the summary and report.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models import Checkin, Medicine
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins
from tests.harness import BotHarness

ANA = 1001


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


async def ready_user(standin: BotApiStandin):
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    return user


async def test_two_medicines_in_one_night_reach_recap_csv_json_and_pdf(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    for label in ("5", "In the evening (after 6 pm)", "Often", "Calves", "Done ➜"):
        await user.tap(label)
    for label in ("Itching", "Cramping", "Done ➜"):  # words from the NHS list
        await user.tap(label)
    await user.tap("➕ Add a medicine")
    await user.send("Ropinirole")
    await user.send("21:00 0.25 mg")
    await user.tap("➕ Add a medicine")
    await user.send("Iron")
    await user.send("6pm")
    assert ["✓ Ropinirole · 21:00"] in user.last_buttons
    assert ["✓ Iron · 18:00"] in user.last_buttons
    await user.tap("Done: 2 medicines ➜")
    await user.tap("Done ➜")
    await user.tap("Skip")
    recap = user.last_text
    assert "Medicines: Ropinirole at 21:00 (0.25 mg) and Iron at 18:00" in recap
    assert "Felt like: Itching and Cramping" in recap
    await user.tap("✅ Save")

    await user.command("/export")
    await user.tap("📊 Spreadsheet (CSV)")
    document = user.messages[-2].document_bytes
    [row] = list(csv.DictReader(io.StringIO(document.decode("utf-8-sig"))))
    assert row["time_zone"] == "Europe/Berlin"
    assert row["medicines"] == "Ropinirole 21:00 (0.25 mg);Iron 18:00"
    assert row["took_medicine"] == "yes" and row["sensations"] == "itching;cramping"

    await user.command("/export")
    await user.tap("🔒 Everything stored about me")
    data = json.loads(user.messages[-1].document_bytes)
    names = {m["ref"]: m["name"] for m in data["medicines"]}
    [checkin] = data["checkins"]
    doses = checkin["answers"]["medicines"]
    assert [(names[d["medicine"]], d["time"], d["amount"]) for d in doses] == [
        ("Ropinirole", "21:00", "0.25 mg"),
        ("Iron", "18:00", None),
    ]

    bot.clock.advance(hours=12)  # the next morning: the night is over, so it is reported
    await user.command("/export")
    await user.tap("📄 Report for my doctor (PDF)")
    await user.tap("Last 30 days")
    await user.tap("No, leave them out")
    await user.tap("No name")
    text = " ".join(pdf_text(user.messages[-1].document_bytes).split())  # cells wrap
    assert "Ropinirole 21:00 (0.25 mg)" in text and "Iron 18:00" in text
    assert "Ropinirole started" in text, "adding a medicine is its start, in the report"


def _quiet_checks(checkin: Checkin) -> None:
    assert checkin.severity == 0 and checkin.saved_at is not None
    assert (checkin.onset, checkin.urge, checkin.locations, checkin.sensations) == (
        "none",
        "never",
        [],
        [],
    ), "stored as no symptoms, not as unanswered"
    assert {"ons", "urg", "loc", "sen", "med", "fac", "not"} <= set(checkin.answered)


@pytest.mark.parametrize(
    ("path", "most_taps"),
    [("command", 3), ("reminder", 4), ("usual medicine, command", 3), ("usual, reminder", 4)],
)
async def test_a_quiet_night_in_at_most_four_taps(
    bot: BotHarness, standin: BotApiStandin, path: str, most_taps: int
) -> None:
    user = await ready_user(standin)
    usual = path.startswith("usual")
    if usual:  # the night before: Ropinirole at 21:00, saved
        await user.command("/checkin")
        await user.tap("0")
        await user.tap("➕ Add a medicine")
        await user.send("Ropinirole")
        await user.send("21:00")
        await user.tap("Done: 1 medicine ➜")
        await user.tap("✅ That's all, save")
        bot.clock.advance(days=1)
    taps_before = len(standin.callback_queries())
    if path.endswith("reminder"):
        if not usual:  # the first reminder is the next evening's
            bot.clock.advance(days=1)
        assert (await bot.dispatch()).sent == 1  # 22:00 in Berlin
        await user.tap("▶ Start")
    else:
        await user.command("/checkin")
    await user.tap("0")
    assert "Did you take RLS medicine" in user.last_text, "no symptom questions"
    await user.tap("Done: 1 medicine ➜" if usual else "None today")
    await user.tap("✅ That's all, save")
    taps = len(standin.callback_queries()) - taps_before
    print(f"quiet night, {path}: {taps} taps")
    assert taps <= most_taps, taps
    assert "Check-in saved" in user.last_text
    checkins = await stored_checkins(bot, ANA)
    _quiet_checks(checkins[-1])
    assert checkins[-1].took_medicine is usual
    if usual:
        assert [d["time"] for d in checkins[-1].doses] == ["21:00"]


async def test_a_quiet_night_rated_higher_after_all_asks_about_the_symptoms(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    for label in ("0", "None today", "✅ That's all, save"):
        await user.tap(label)
    await user.command("/checkin")
    await user.tap("✎ Restlessness")
    await user.tap("4")
    assert "When did the symptoms start" in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.onset is None and "ons" not in checkin.answered


@pytest.mark.parametrize("typed", ["none", "No", "nope, nothing", "no meds tonight"])
async def test_none_typed_at_the_medicine_question_means_no_medicine(
    bot: BotHarness, standin: BotApiStandin, typed: str
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    for label in ("2", "Skip", "Skip", "Skip", "Skip"):
        await user.tap(label)
    await user.send(typed)
    assert "Today, did you have" in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.took_medicine is False and checkin.doses is None
    async with bot.session() as session:
        assert list(await session.scalars(select(Medicine))) == []


@pytest.mark.parametrize("typed", ["x", "none", "-"])
async def test_a_medicine_name_must_look_like_one(
    bot: BotHarness, standin: BotApiStandin, typed: str
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    for label in ("2", "Skip", "Skip", "Skip", "Skip", "➕ Add a medicine"):
        await user.tap(label)
    await user.send(typed)
    assert "doesn't look like a medicine's name" in user.last_text
    assert "Type the name of your RLS medicine" in user.last_text, "the question again"
    async with bot.session() as session:
        assert list(await session.scalars(select(Medicine))) == []


async def test_own_factors_asked_beside_the_built_in_ones_and_in_the_summary(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/settings")
    await user.tap("🏷 My factors")
    await user.tap("➕ Add a factor")
    await user.send("x")
    assert "doesn't look like a name" in user.last_text
    await user.send("Long car ride")
    assert "• Long car ride" in user.last_text
    for night in range(6):  # three hard nights after a car ride, three easy ones without
        rode = night % 2 == 0
        await user.command("/checkin")
        await user.tap("7" if rode else "2")
        for label in ("Skip", "Skip", "Skip", "Skip", "None today"):
            await user.tap(label)
        if rode:
            await user.tap("Long car ride")
            assert "✓ Long car ride" in str(user.last_buttons)
        await user.tap("✅ That's all, save")
        bot.clock.advance(days=1)
    await user.command("/summary")
    assert (
        "Long car ride: on the 3 nights with it, restlessness averaged 7.0, "
        "against 2.0 on the 3 nights without." in user.last_text
    ), "the factor that stood out, on the summary itself"
    await user.tap("🔎 More details")
    assert "Long car ride: 7.0 on 3 nights with, 2.0 on 3 without" in user.last_text

    await user.command("/settings")
    await user.tap("🏷 My factors")
    await user.tap("✎ Long car ride")
    await user.send("Car trip")
    await user.command("/checkin")
    await user.tap("3")
    for label in ("Skip", "Skip", "Skip", "Skip", "None today"):
        await user.tap(label)
    assert "Car trip" in str(user.last_buttons)
    checkins = await stored_checkins(bot, ANA)
    assert checkins[0].own_factors == ["Long car ride"], "past nights keep the old name"
    await user.command("/settings")
    await user.tap("🏷 My factors")
    await user.tap("Remove")
    assert "None yet" in user.last_text


async def test_eight_own_factors_at_most(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready_user(standin)
    await user.command("/settings")
    await user.tap("🏷 My factors")
    for n in range(8):
        await user.tap("➕ Add a factor")
        await user.send(f"Factor number {n + 1}")
    assert "• Factor number 8" in user.last_text
    assert "➕ Add a factor" not in str(user.last_buttons)


async def test_keep_leaves_an_answer_opened_from_the_recap_as_it_was(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    for label in ("6", "Only at bedtime", "Often", "Calves", "Done ➜", "Done ➜"):
        await user.tap(label)
    for label in ("None today", "Done ➜", "Skip", "✎ Urge to move"):
        await user.tap(label)
    assert ["↩ Keep as it was", "Clear answer"] in user.last_buttons
    assert "Skip" not in str(user.last_buttons)
    await user.tap("↩ Keep as it was")
    assert "recap" in user.last_text and "Urge to move: Often" in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.urge == "often"


async def test_medicine_changes_are_dated_events_in_the_summary_and_report(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/settings")
    await user.tap("💊 My medicines")
    await user.tap("➕ Add a medicine")
    await user.send("Pregabalin")
    bot.clock.advance(days=2)
    await user.tap("Changed…")
    await user.send("dose changed to 150 mg")
    assert "since Tue 24 Nov" in user.last_text
    assert "Thu 26 Nov: dose changed to 150 mg" in user.last_text
    await user.command("/summary")
    summary = user.last_text
    assert "Tue 24 Nov: Pregabalin started" in summary
    assert "Thu 26 Nov: Pregabalin: dose changed to 150 mg" in summary
    await user.command("/export")
    await user.tap("📄 Report for my doctor (PDF)")
    await user.tap("Last 30 days")
    await user.tap("No, leave them out")
    await user.tap("No name")
    text = pdf_text(user.messages[-1].document_bytes)
    assert "Medicine changes" in text
    assert "2026-11-26: Pregabalin: dose changed to 150 mg" in text
