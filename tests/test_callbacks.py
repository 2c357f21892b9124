"""Button data: every codec writes what it reads back, within Telegram's 64 bytes, and reads
nothing else (ids in bounds and in ASCII digits, words from their patterns)."""

from __future__ import annotations

from datetime import date

import pytest

from handlers import callbacks
from handlers.callbacks import (
    CODECS,
    MAX_ID,
    Day,
    EntryTap,
    ExportTap,
    ReminderTap,
    Setup,
    Value,
)

LONGEST = [
    (callbacks.CHECKIN, EntryTap(MAX_ID, "med", f"m{MAX_ID}")),
    (callbacks.DIARY, EntryTap(MAX_ID, "rec", "ewso")),
    (callbacks.ONBOARDING, Setup("tz", "America/Argentina/ComodRivadavia")),
    (callbacks.REMINDER, ReminderTap(MAX_ID, "start")),
    (callbacks.EXPORT, ExportTap("json", "90", "y")),
    (callbacks.TOPIC, Value("a" * 24)),
    (callbacks.CATCH_UP, Day(date(2026, 11, 23))),
    (callbacks.MONTH, Day(date(2026, 11, 1))),
    (callbacks.DETAILS, Day(date(2026, 11, 1))),
]


@pytest.mark.parametrize(("codec", "value"), LONGEST)
def test_what_is_written_reads_back_and_fits(codec: callbacks.Codec, value: object) -> None:
    data = codec.encode(value)
    assert len(data.encode()) <= callbacks.LIMIT_BYTES
    assert codec.matches(data)
    assert codec.decode(data) == value


def test_writing_over_the_limit_or_what_would_not_read_back_is_refused() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        callbacks.ONBOARDING.encode(Setup("tz", "x" * 60))
    with pytest.raises(ValueError, match="read back"):
        callbacks.CHECKIN.encode(EntryTap(1, "sev", "v 3"))


@pytest.mark.parametrize(
    "data",
    [
        "ci:2147483648:sev:v3",  # over PostgreSQL's integer
        "ci:99999999999999999999:sev:v3",
        "ci:²:sev:v3",  # a digit to str.isdigit, not to int()
        "ci:١٢:sev:v3",  # Arabic-Indic digits
        "ci:-1:sev:v3",
        "ci:12:sev",  # a part missing
        "ci:12:sev:v3:x",  # a part too many
        "ci:12:SEV:v3",
        "ci:12:sev:v 3",
        "md:12:sev:<b>",
        "rm:5:explode",
        "pz:2",
        "del:3",
        "ex:pdf:12:y",
        "st:mren:abc",
        "faq:../../etc",
        "mc:20261340",  # no such day
        "sm:202613",
        "",
        "ci",
    ],
)
def test_forged_data_of_any_shape_reads_as_nothing(data: str) -> None:
    assert all(codec.decode(data) is None for codec in CODECS)


def test_each_prefix_belongs_to_one_codec() -> None:
    prefixes = [codec.prefix for codec in CODECS]
    assert len(prefixes) == len(set(prefixes))
    assert callbacks.SETTINGS.decode("st:meds:") == callbacks.SettingsTap("meds", None)
    assert callbacks.SETTINGS.decode("st:mren:7") == callbacks.SettingsTap("mren", 7)
