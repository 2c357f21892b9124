"""The JSON export goes back in, end to end on SQLite and PostgreSQL: sent to the bot as a
document after /delete or from a new account, previewed, imported on a yes; exported again
it is the same file; sent twice it adds nothing; a file that cannot be imported gets a clear
reply and changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from sqlalchemy import select

from models import Delivery, Factor, PendingImport
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import BotHarness
from tests.test_summary_e2e import berlin, seed_nights

ANA, BEN = 1001, 2002
JSON = "application/json"


async def rich_account(bot: BotHarness, standin: BotApiStandin):
    """Ana, set up, with two medicines taken one night (one with an amount), her own
    factor, a dose changed in her words, a report's appointment and name, five seeded
    nights with diaries and a reminder that was sent."""
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/settings")
    await user.tap("🏷 My factors")
    await user.tap("➕ Add a factor")
    await user.send("Long car ride")
    await user.command("/checkin")
    for label in ("5", "In the evening (after 6 pm)", "Often", "Calves", "Done ➜"):
        await user.tap(label)
    await user.tap("Itching")
    await user.tap("Done ➜")
    await user.tap("➕ Add a medicine")
    await user.send("Ropinirole")
    await user.send("21:00 0.25 mg")
    await user.tap("➕ Add a medicine")
    await user.send("Iron")
    await user.send("6pm")
    await user.tap("Done: 2 medicines ➜")
    await user.tap("Long car ride")
    await user.tap("Done ➜")
    await user.send("Stretched before bed; <b>not</b> bold")
    await user.tap("✅ Save")
    await user.command("/export")  # a report's appointment date and name, kept for next time
    await user.tap("📄 Report for my doctor (PDF)")
    await user.tap("Since my last appointment…")
    await user.send("12 October")
    await user.tap("No, leave them out")
    await user.send("Ana Müller")
    await seed_nights(bot, ANA, date(2026, 11, 2), 5)
    async with bot.sessionmaker.begin() as session:
        due = berlin(date(2026, 11, 20), 22)
        session.add(
            Delivery(user_id=ANA, kind="evening", night=date(2026, 11, 20), round=0,
                     due_at=due, send_after=due, status="sent", sent_at=due)
        )  # fmt: skip
    return user


async def exported(user) -> bytes:
    await user.command("/export")
    await user.tap("🔒 Everything stored about me")
    data = user.messages[-1].document_bytes
    assert data is not None
    return data


async def delete_and_agree_again(user) -> None:
    await user.command("/delete")
    await user.tap("Yes, delete everything")
    await user.tap("Delete for good")
    await user.command("/start")
    await user.tap("Yes, store my answers")


async def test_export_delete_import_export_gives_the_same_file(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await rich_account(bot, standin)
    before = await exported(user)
    data = json.loads(before)
    assert (data["format"], data["version"]) == ("stillnight-export", 2)
    assert data["exported_at"] == "2026-11-24T22:00:00+01:00", "local time with its offset"
    tonight = data["checkins"][-1]
    assert tonight["time_zone"] == "Europe/Berlin" and tonight["saved_at"].endswith("+01:00")
    assert tonight["answers"]["medicines"] == [
        {"medicine": 1, "time": "21:00", "amount": "0.25 mg"},
        {"medicine": 2, "time": "18:00", "amount": None},
    ]
    assert [m["name"] for m in data["medicines"]] == ["Ropinirole", "Iron"]
    assert tonight["answers"]["own_factors"] == ["Long car ride"]
    assert (data["settings"]["appointment"], data["settings"]["report_name"]) == (
        "2026-10-12",
        "Ana Müller",
    )

    await delete_and_agree_again(user)
    assert await bot.stored_rows() == {"users": 1, "dialogs": 1}, "asked for a time zone"
    await user.send_document(before, filename="stillnight-my-data.json", mime_type=JSON)
    preview = user.last_text
    assert "Import this export?" in preview and "made on Tue 24 Nov" in preview
    assert "6 check-ins, 5 sleep diaries" in preview
    assert "2 medicines: Ropinirole and Iron" in preview and "Long car ride" in preview
    assert "time zone Europe/Berlin, check-in at 22:00, morning at 07:30" in preview
    assert await bot.stored_rows() == {"users": 1, "dialogs": 1, "pending_imports": 1}
    replies = await user.tap("✅ Import")
    assert "Imported" in replies.texts[0]
    assert "you're all set" in user.last_text and user.keyboard is None, "location keyboard gone"
    assert "dialogs" not in await bot.stored_rows(), "onboarding is over: the file set it up"

    after = await exported(user)
    assert after == before
    rows = await bot.stored_rows()

    await user.send_document(before, filename="stillnight-my-data.json", mime_type=JSON)
    assert "Everything in that file is here already" in user.last_text
    assert await bot.stored_rows() == rows
    await user.command("/checkin")
    assert "✅ Check-in saved" in user.last_text or "is saved" in user.last_text


async def test_a_new_account_gets_the_data_of_one_that_left(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    ana = await rich_account(bot, standin)
    before = await exported(ana)
    await delete_and_agree_again(ana)  # Ana leaves: her old account is gone
    await ana.command("/delete")
    await ana.tap("Yes, delete everything")
    await ana.tap("Delete for good")
    ben = standin.user(user_id=BEN, first_name="Ana's new account")
    await ben.command("/start")
    await ben.tap("Yes, store my answers")
    await ben.send_document(before, filename="stillnight-my-data.json", mime_type=JSON)
    await ben.tap("✅ Import")
    after = json.loads(await exported(ben))
    expected = json.loads(before)
    expected["account"]["telegram_user_id"] = BEN
    assert after == expected, "everything came back; medicine ids are the new account's own"
    await ben.command("/summary")
    assert "November 2026" in ben.last_text


async def test_cancel_imports_nothing_and_an_old_confirmation_does_nothing(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await rich_account(bot, standin)
    before = await exported(user)
    await delete_and_agree_again(user)
    await user.send_document(before, filename="stillnight-my-data.json", mime_type=JSON)
    preview = user.last.message_id
    old_yes = user.last.buttons[0][0].callback_data
    assert old_yes is not None
    await user.tap("Cancel")
    assert "nothing was imported" in user.last_text
    assert await bot.stored_rows() == {"users": 1, "dialogs": 1}
    await user.send_document(before, filename="again.json", mime_type=JSON)
    await user.tap_data(old_yes, message_id=preview)  # the first preview's Import
    [first] = [m for m in user.messages if m.message_id == preview]
    assert "no longer waiting" in first.text
    assert await bot.stored_rows() == {"users": 1, "dialogs": 1, "pending_imports": 1}


async def test_a_file_before_agreeing_to_store_answers_is_not_read(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.send_document(b"{}", filename="stillnight-my-data.json", mime_type=JSON)
    assert "send /start" in user.last_text
    assert await bot.stored_rows() == {}
    assert not standin.calls_to("getFile")


def _damaged_content(good: bytes) -> bytes:
    data = json.loads(good)
    data["checkins"][0]["answers"]["severity"] = 42
    return json.dumps(data).encode()


def _newer(good: bytes) -> bytes:
    return json.dumps({**json.loads(good), "version": 3}).encode()


BAD_FILES = {
    "foreign": (lambda good: b"night,severity\r\n2026-11-02,5\r\n", "is not a Stillnight export"),
    "foreign_json": (lambda good: b'{"hello": "world"}', "is not a Stillnight export"),
    "cut_off": (lambda good: good[: len(good) // 2], "part of it is missing or was changed"),
    "changed": (_damaged_content, "part of it is missing or was changed"),
    "too_large": (lambda good: b" " * (10 * 1024 * 1024 + 1), "larger than 10 MB"),
    "older_version": (
        lambda good: b'{"stillnight_export_version": 1, "user_id": 1001, "users": []}',
        "older format (version 1)",
    ),
    "newer_version": (_newer, "newer Stillnight (format version 3)"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
async def test_a_file_that_cannot_be_imported_gets_a_clear_reply_and_changes_nothing(
    bot: BotHarness, standin: BotApiStandin, kind: str
) -> None:
    user = await rich_account(bot, standin)
    good = await exported(user)
    await delete_and_agree_again(user)
    rows = await bot.stored_rows()
    make, reason = BAD_FILES[kind]
    replies = await user.send_document(
        make(good), filename="stillnight-my-data.json", mime_type=JSON
    )
    [reply] = replies.texts
    assert reason in reply and "Nothing was changed" in reply
    assert "Import" not in str(user.last_buttons), "no import is offered"
    assert await bot.stored_rows() == rows
    if kind == "too_large":
        assert not standin.calls_to("getFile"), "refused by its size, never downloaded"


async def test_someone_elses_export_is_refused_while_they_use_the_bot(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    ana = await rich_account(bot, standin)
    hers = await exported(ana)
    ben = standin.user(user_id=BEN, first_name="Ben")
    await onboard(ben)
    rows = await bot.stored_rows()
    await ben.send_document(hers, filename="stillnight-my-data.json", mime_type=JSON)
    assert "belongs to another Telegram account" in ben.last_text
    assert "Nothing was changed" in ben.last_text
    assert await bot.stored_rows() == rows
    async with bot.session() as session:
        assert list(await session.scalars(select(PendingImport))) == []


async def test_an_account_with_nights_of_its_own_keeps_them_and_gains_the_rest(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await rich_account(bot, standin)
    before = await exported(user)
    await user.command("/delete")
    await user.tap("Yes, delete everything")
    await user.tap("Delete for good")
    await onboard(user)
    await user.command("/checkin")  # tonight again, differently: this one stays
    await user.tap("2")
    for label in ("Skip", "Skip", "Skip", "Skip", "None today"):
        await user.tap(label)
    await user.tap("✅ That's all, save")
    await user.send_document(before, filename="stillnight-my-data.json", mime_type=JSON)
    assert "5 check-ins, 5 sleep diaries" in user.last_text, "tonight is here already"
    await user.tap("✅ Import")
    data = json.loads(await exported(user))
    severities = [(c["night"], c["answers"]["severity"]) for c in data["checkins"]]
    assert severities[-1] == ("2026-11-24", 2)
    assert [s for _, s in severities[:-1]] == [3, 5, 7, 3, 5]
    assert [m["name"] for m in data["medicines"]] == ["Ropinirole", "Iron"]


async def test_after_a_move_each_night_says_the_zone_it_was_logged_in(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    await user.command("/checkin")
    await user.tap("3")
    await user.command("/settings")
    await user.tap("🌍 Time zone")
    await user.send("New York")
    bot.clock.advance(days=1)
    await user.command("/checkin")
    await user.tap("4")
    await user.command("/export")
    await user.tap("📊 Spreadsheet (CSV)")
    sheet = user.messages[-2].document_bytes
    assert sheet is not None
    rows = list(csv.DictReader(io.StringIO(sheet.decode("utf-8-sig"))))
    assert [(r["night"], r["time_zone"]) for r in rows] == [
        ("2026-11-24", "Europe/Berlin"),
        ("2026-11-25", "America/New_York"),
    ]
    data = json.loads(await exported(user))
    berlin_night, new_york_night = data["checkins"]
    assert berlin_night["updated_at"].endswith("+01:00")
    assert new_york_night["updated_at"].endswith("-05:00")


async def test_own_factors_past_eight_come_in_retired(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    file = json.loads(await exported(user))
    file["own_factors"] = [{"name": f"Factor {n}", "retired": False} for n in range(10)]
    await user.send_document(json.dumps(file).encode(), filename="mine.json", mime_type=JSON)
    await user.tap("✅ Import")
    async with bot.session() as session:
        factors = list(await session.scalars(select(Factor).order_by(Factor.id)))
    assert [f.retired for f in factors] == [False] * 8 + [True] * 2
