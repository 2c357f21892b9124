"""Reading an export sent back (bot/core/archive.py): only what the bot could have stored."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from bot.core.archive import MAX_BYTES, read_archive
from bot.core.problems import Code, Problem


def _file(**answers: object) -> dict[str, Any]:
    entry = {
        "night": "2026-11-24",
        "time_zone": "Europe/Berlin",
        "answered": ["sev"],
        "answers": {"severity": 5, **answers},
        "saved_at": None,
        "updated_at": "2026-11-24T22:07:00+01:00",
    }
    return {
        "format": "stillnight-export",
        "version": 2,
        "exported_at": "2026-11-24T22:10:00+01:00",
        "account": {"telegram_user_id": 7, "created_at": "2026-11-01T10:00:00+01:00"},
        "settings": {
            "time_zone": "Europe/Berlin",
            "checkin_time": "22:00",
            "morning_time": "07:30",
            "evening_reminder": True,
            "morning_reminder": True,
            "monthly_summary": False,
            "weekly_feedback": False,
            "paused_until": None,
            "onboarded": True,
        },
        "medicines": [{"ref": 1, "name": "Ropinirole", "retired": False}],
        "medicine_events": [],
        "own_factors": [],
        "checkins": [entry],
        "sleep_diaries": [],
        "reminders_sent": [],
    }


def _code(data: object) -> Code:
    with pytest.raises(Problem) as refused:
        read_archive(json.dumps(data).encode())
    return refused.value.code


def test_a_file_as_the_bot_writes_it_is_read() -> None:
    dose = {"medicine": 1, "time": "21:00", "amount": "0.25 mg"}
    found = read_archive(json.dumps(_file(medicines=[dose], note=None)).encode())
    assert found.checkins[0].answers["medicines"] == [dose]


@pytest.mark.parametrize(
    "answers",
    [
        {"severity": 11},
        {"severity": True},  # a yes/no is no number
        {"severity": "5"},
        {"symptom_onset": "tuesday"},
        {"locations": ["calves", "ears"]},
        {"medicines": [{"medicine": 2, "time": "21:00", "amount": None}]},  # not in the file
        {"medicines": [{"medicine": 1, "time": "25:00", "amount": None}]},
        {"note": "x" * 4097},  # over one full Telegram message
        {"no_such_question": 1},
    ],
)
def test_an_answer_the_bot_could_not_have_stored_makes_the_file_damaged(
    answers: dict[str, object],
) -> None:
    assert _code(_file(**answers)) is Code.IMPORT_DAMAGED


def test_what_else_makes_a_file_damaged() -> None:
    data = _file()
    data["checkins"][0]["time_zone"] = "Mars/Olympus"
    assert _code(data) is Code.IMPORT_DAMAGED
    data = _file()
    data["checkins"].append(data["checkins"][0])  # one night twice
    assert _code(data) is Code.IMPORT_DAMAGED
    data = _file()
    data["exported_at"] = "2026-11-24T22:10:00"  # an instant without its offset
    assert _code(data) is Code.IMPORT_DAMAGED
    data = _file()
    del data["settings"]
    assert _code(data) is Code.IMPORT_DAMAGED


def test_foreign_versions_and_size() -> None:
    assert _code([1, 2]) is Code.IMPORT_NOT_OURS
    assert _code({"format": "other-app"}) is Code.IMPORT_NOT_OURS
    assert _code({**_file(), "version": 3}) is Code.IMPORT_NEWER_VERSION
    assert _code({"stillnight_export_version": 1}) is Code.IMPORT_OLDER_VERSION
    with pytest.raises(Problem) as refused:
        read_archive(b"\xff\xfe not text")
    assert refused.value.code is Code.IMPORT_NOT_OURS
    with pytest.raises(Problem) as refused:
        read_archive(b" " * (MAX_BYTES + 1))
    assert refused.value.code is Code.IMPORT_TOO_LARGE


def test_the_finished_reminder_statuses_are_the_delivery_statuses_past_sending() -> None:
    from typing import get_args

    from bot.core.archive import FINISHED, ReminderItem
    from bot.data.deliveries import Status

    assert set(get_args(ReminderItem.model_fields["status"].annotation)) == set(FINISHED)
    assert set(FINISHED) == set(Status) - {Status.PENDING, Status.SENDING}


def test_the_report_settings_travel_and_files_from_before_them_still_read() -> None:
    data = _file()
    assert read_archive(json.dumps(data).encode()).settings.appointment is None
    data["settings"] |= {"appointment": "2026-10-12", "report_name": "Ana Müller"}
    settings = read_archive(json.dumps(data).encode()).settings
    assert (settings.appointment, settings.report_name) == (date(2026, 10, 12), "Ana Müller")
    data["settings"]["report_name"] = "A" * 65  # longer than the bot keeps
    assert _code(data) is Code.IMPORT_DAMAGED
