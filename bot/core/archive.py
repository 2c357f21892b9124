"""The JSON export's format ("stillnight-export", version 2), and reading a file sent back.

docs/EXPORT_FORMAT.md describes every key. In short: `format` and `version` first, then
`exported_at`, the `account` (Telegram user id, since when), the `settings`, the user's
`medicines` (numbered by `ref`, which check-ins and events refer to), `medicine_events`,
`own_factors`, `checkins` and `sleep_diaries` (one per night, with the zone it was logged in
and the answers by their export names: bot/core/archive_answers.py) and `reminders_sent`.
Every instant is ISO 8601 with its UTC offset, in the zone it belongs to.

A file is read in full before anything is stored, and refused whole (a Problem) when it
is too large, not a Stillnight export, from another version, or damaged.
"""

from __future__ import annotations

import json
from datetime import date, time
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
    model_validator,
)

from bot.core import archive_answers
from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY
from bot.core.entries.spec import EntrySpec
from bot.core.medicines import CHANGE_MAX_CHARS, FACTOR_MAX_CHARS, NAME_MAX_CHARS
from bot.core.nights import is_zone
from bot.core.problems import Code, Problem
from bot.core.report_choices import REPORT_NAME_RULES

FORMAT = "stillnight-export"
VERSION = 2
# About 2.4 kB a night with both entries, notes and two reminders: 10 MB is some 12 years.
# (Telegram lets bots fetch files up to 20 MB.)
MAX_BYTES = 10 * 1024 * 1024
MAX_MEGABYTES = MAX_BYTES // (1024 * 1024)
#: Version 1 (before this format) had only this key to say what it was.
VERSION_1_KEY = "stillnight_export_version"
FINISHED = ("sent", "skipped", "blocked", "failed", "uncertain", "acted", "offered")

Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX_CHARS)]
FactorName = Annotated[str, StringConstraints(min_length=1, max_length=FACTOR_MAX_CHARS)]
Zone = Annotated[str, StringConstraints(min_length=1, max_length=64)]
ReportName = Annotated[str, StringConstraints(min_length=1, max_length=REPORT_NAME_RULES.most)]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Account(_Part):
    telegram_user_id: int
    created_at: AwareDatetime


class Settings(_Part):
    time_zone: Zone | None
    checkin_time: time
    morning_time: time
    evening_reminder: bool
    morning_reminder: bool
    monthly_summary: bool
    weekly_feedback: bool
    paused_until: AwareDatetime | None
    onboarded: bool
    # Added in version 2's lifetime, so optional: files made before them still import.
    appointment: date | None = None
    report_name: ReportName | None = None
    language: Language | None = None  # a code such as "de"; None: not chosen yet


class MedicineItem(_Part):
    ref: int
    name: Name
    retired: bool


class EventItem(_Part):
    medicine: int
    day: date
    kind: Literal["started", "changed", "stopped"]
    note: Annotated[str, StringConstraints(max_length=CHANGE_MAX_CHARS)] | None
    created_at: AwareDatetime


class FactorItem(_Part):
    name: FactorName
    retired: bool


class EntryItem(_Part):
    night: date
    time_zone: Zone
    answered: list[str]
    answers: dict[str, Any]
    saved_at: AwareDatetime | None
    updated_at: AwareDatetime


class ReminderItem(_Part):
    kind: Literal["evening", "morning", "monthly", "weekly"]
    night: date
    round: int
    status: Literal["sent", "skipped", "blocked", "failed", "uncertain", "acted", "offered"]
    due_at: AwareDatetime
    sent_at: AwareDatetime | None


class Archive(_Part):
    format: Literal["stillnight-export"]
    version: Literal[2]
    exported_at: AwareDatetime
    account: Account
    settings: Settings
    medicines: list[MedicineItem]
    medicine_events: list[EventItem]
    own_factors: list[FactorItem]
    checkins: list[EntryItem]
    sleep_diaries: list[EntryItem]
    reminders_sent: list[ReminderItem]

    @model_validator(mode="after")
    def _consistent(self) -> Archive:
        refs = {m.ref for m in self.medicines}
        _unique("medicine_refs", [m.ref for m in self.medicines])
        _unique("medicine_names", [m.name.casefold() for m in self.medicines])
        _unique("factor_names", [f.name.casefold() for f in self.own_factors])
        if any(e.medicine not in refs for e in self.medicine_events):
            raise ValueError("an event of a medicine not in the file")
        zones = [self.settings.time_zone] if self.settings.time_zone else []
        for spec, entries in self.entries():
            _unique(f"{spec.name}_nights", [e.night for e in entries])
            for entry in entries:
                zones.append(entry.time_zone)
                archive_answers.check(spec, entry.answers, entry.answered, refs)
        if not all(is_zone(zone) for zone in set(zones)):  # once each: it lists a folder
            raise ValueError("a time zone this server does not know")
        _unique("reminders_sent", [(r.kind, r.night, r.round) for r in self.reminders_sent])
        return self

    def entries(self) -> tuple[tuple[EntrySpec, list[EntryItem]], ...]:
        return ((CHECKIN, self.checkins), (DIARY, self.sleep_diaries))


def _unique(what: str, values: list[object]) -> None:
    if len(set(values)) != len(values):
        raise ValueError(f"{what} repeated")


def read_archive(raw: bytes) -> Archive:
    """The file's contents, checked through; a Problem says why a file is refused."""
    if len(raw) > MAX_BYTES:
        raise Problem(Code.IMPORT_TOO_LARGE, most=MAX_MEGABYTES)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except ValueError:  # not UTF-8 or not JSON; a cut-off export still names its format
        ours = FORMAT.encode() in raw[:200]
        raise Problem(Code.IMPORT_DAMAGED if ours else Code.IMPORT_NOT_OURS) from None
    if not isinstance(data, dict) or (data.get("format") != FORMAT and VERSION_1_KEY not in data):
        raise Problem(Code.IMPORT_NOT_OURS)
    version = data.get("version", data.get(VERSION_1_KEY))
    if version != VERSION:
        newer = isinstance(version, int) and version > VERSION
        code = Code.IMPORT_NEWER_VERSION if newer else Code.IMPORT_OLDER_VERSION
        raise Problem(code, version=str(version), supported=VERSION)
    try:
        return Archive.model_validate_json(raw.decode("utf-8-sig"))
    except ValidationError:
        raise Problem(Code.IMPORT_DAMAGED) from None


def dump_archive(data: dict[str, object]) -> bytes:
    """The file's bytes: UTF-8, keys in the order given, two-space indents."""
    return json.dumps(data, indent=2, ensure_ascii=False).encode()
