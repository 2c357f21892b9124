"""A user's data as the JSON export (bot/core/archive.py), and an export brought back in.

Reading follows the format: settings, medicines (numbered by `ref`, in the order they were
added), events, own factors, both kinds of entries, the reminders already sent. Instants
are written with the offset of the zone they belong to: the entry's for an entry, the
user's for the rest.

Bringing a file back merges it into the account, through the models (so whatever the
models do on write applies to imported rows too). What the account has already is kept:
a medicine or factor by name, an event by medicine, day, kind and note, an entry by its
night, a reminder by kind, night and round. Only the rest is added, so the same file sent
twice adds nothing the second time, and an export of an account restored from a file is
that file again. The settings (zone, times, reminder switches, pause) are the file's. Own
factors beyond the 8 asked at once come in retired (past nights keep their names anyway).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from bot.core import archive_answers
from bot.core.archive import (
    FINISHED,
    FORMAT,
    VERSION,
    Archive,
    EntryItem,
    EventItem,
    FactorItem,
    MedicineItem,
    ReminderItem,
)
from bot.core.dialogs import Flow
from bot.core.entries.spec import EntrySpec
from bot.core.medicines import MAX_FACTORS
from bot.core.nights import local_time
from bot.core.schedule import Kind
from bot.data import Tx, dialogs, events, reminders, users
from bot.data.entries import Entry, EntryModel
from bot.data.history import ENTRIES
from bot.i18n.languages import spoken
from models import Checkin, Delivery, Factor, Medicine, MedicineEvent, SleepDiary, User


def _at(instant: datetime | None, zone: str) -> str | None:
    return None if instant is None else local_time(instant, zone).isoformat()


def _clock(value: Any) -> str:
    return f"{value:%H:%M}"


async def _entries(
    tx: Tx, model: EntryModel, spec: EntrySpec, user_id: int, refs: dict[int, int]
) -> list[dict[str, object]]:
    query = select(model).where(model.user_id == user_id).order_by(model.night)
    rows: list[Entry] = list(await tx.scalars(query))
    return [
        {
            "night": row.night.isoformat(),
            "time_zone": row.zone,
            "answered": list(row.answered),
            "answers": archive_answers.answers_of(spec, row, refs),
            "saved_at": _at(row.saved_at, row.zone),
            "updated_at": _at(row.updated_at, row.zone),
        }
        for row in rows
    ]


async def _reminders_sent(tx: Tx, user: User) -> list[dict[str, object]]:
    rows = await tx.scalars(
        select(Delivery)
        .where(Delivery.user_id == user.id, Delivery.status.in_(FINISHED))
        .order_by(Delivery.night, Delivery.kind, Delivery.round)
    )
    return [
        {
            "kind": d.kind,
            "night": d.night.isoformat(),
            "round": d.round,
            "status": d.status,
            "due_at": _at(d.due_at, user.zone),
            "sent_at": _at(d.sent_at, user.zone),
        }
        for d in rows
    ]


async def export(tx: Tx, user: User, now: datetime) -> dict[str, object]:
    """Everything the user's data is, in the export's order (docs/EXPORT_FORMAT.md)."""
    medicines = await users.medicines(user)
    refs = {m.id: ref for ref, m in enumerate(medicines, start=1)}
    switches = await reminders.ensure_reminders(tx, user, now)
    kept = await users.report_details(tx, user)
    data: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _at(now, user.zone),
        "account": {"telegram_user_id": user.id, "created_at": _at(user.created_at, user.zone)},
        "settings": {
            "time_zone": user.timezone,
            "checkin_time": _clock(user.checkin_time),
            "morning_time": _clock(user.morning_time),
            "evening_reminder": switches[Kind.EVENING].enabled,
            "morning_reminder": switches[Kind.MORNING].enabled,
            "monthly_summary": user.monthly_summary,
            "weekly_feedback": user.weekly_feedback,
            "paused_until": _at(user.paused_until, user.zone),
            "onboarded": user.onboarded,
            "appointment": kept.appointment.isoformat() if kept.appointment else None,
            "report_name": kept.name,
            "language": user.language,
        },
        "medicines": [{"ref": refs[m.id], "name": m.name, "retired": m.retired} for m in medicines],
        "medicine_events": [
            {
                "medicine": refs[e.medicine_id],
                "day": e.day.isoformat(),
                "kind": e.kind,
                "note": e.note,
                "created_at": _at(e.created_at, user.zone),
            }
            for e in await events.of_user(tx, user.id)
        ],
        "own_factors": [{"name": f.name, "retired": f.retired} for f in await users.factors(user)],
    }
    for spec, model in ENTRIES:
        data[model.__tablename__] = await _entries(tx, model, spec, user.id, refs)
    data["reminders_sent"] = await _reminders_sent(tx, user)
    return data


@dataclass
class Plan:
    """What a file adds to the account: everything in it the account does not have yet."""

    medicines: list[MedicineItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)
    factors: list[FactorItem] = field(default_factory=list)
    entries: dict[str, list[EntryItem]] = field(default_factory=dict)
    reminders: list[ReminderItem] = field(default_factory=list)
    #: The account's medicine for each ref of the file it has already (by name).
    known: dict[int, Medicine] = field(default_factory=dict)
    #: Set by `restore` when the file's settings ended the user's setting up.
    finished_setup: bool = False

    @property
    def checkins(self) -> int:
        return len(self.entries.get(Checkin.__tablename__, ()))

    @property
    def diaries(self) -> int:
        return len(self.entries.get(SleepDiary.__tablename__, ()))

    def adds_anything(self) -> bool:
        parts: Sequence[Sequence[object]] = (
            self.medicines,
            self.events,
            self.factors,
            self.reminders,
            *self.entries.values(),
        )
        return any(parts)


async def plan(tx: Tx, user: User, archive: Archive) -> Plan:
    """What importing the file would add; nothing is written."""
    found = Plan()
    by_name = {m.name.casefold(): m for m in await users.medicines(user)}
    for item in archive.medicines:
        if (mine := by_name.get(item.name.casefold())) is not None:
            found.known[item.ref] = mine
        else:
            found.medicines.append(item)
    names = {m.ref: m.name.casefold() for m in archive.medicines}
    had = {
        (by_id.name.casefold(), e.day, e.kind, e.note)
        for by_id, e in await _events_with_medicines(tx, user)
    }
    found.events = [
        e for e in archive.medicine_events if (names[e.medicine], e.day, e.kind, e.note) not in had
    ]
    factors = {f.name.casefold() for f in await users.factors(user)}
    found.factors = [f for f in archive.own_factors if f.name.casefold() not in factors]
    for (_, model), (_, items) in zip(ENTRIES, archive.entries(), strict=True):
        nights = set(await tx.scalars(select(model.night).where(model.user_id == user.id)))
        found.entries[model.__tablename__] = [e for e in items if e.night not in nights]
    sent = {
        (d.kind, d.night, d.round)
        for d in await tx.scalars(select(Delivery).where(Delivery.user_id == user.id))
    }
    found.reminders = [r for r in archive.reminders_sent if (r.kind, r.night, r.round) not in sent]
    return found


async def _events_with_medicines(tx: Tx, user: User) -> list[tuple[Medicine, MedicineEvent]]:
    medicines = {m.id: m for m in await users.medicines(user)}
    return [(medicines[e.medicine_id], e) for e in await events.of_user(tx, user.id)]


async def restore(tx: Tx, user: User, archive: Archive, todo: Plan, now: datetime) -> None:
    """Add what `plan` found, and take the file's settings."""
    ids = {ref: m.id for ref, m in todo.known.items()}
    for item in todo.medicines:
        medicine = Medicine(user_id=user.id, name=item.name, retired=item.retired)
        (await users.medicines(user)).append(medicine)
        await tx.flush()
        ids[item.ref] = medicine.id
    for event in todo.events:
        tx.add(
            MedicineEvent(
                user_id=user.id,
                medicine_id=ids[event.medicine],
                day=event.day,
                kind=event.kind,
                note=event.note,
                created_at=event.created_at,
            )
        )
    mine = await users.factors(user)
    for factor in todo.factors:  # past the most asked at once, a factor comes in retired
        full = sum(not f.retired for f in mine) >= MAX_FACTORS
        mine.append(Factor(user_id=user.id, name=factor.name, retired=factor.retired or full))
    for spec, model in ENTRIES:
        for entry in todo.entries[model.__tablename__]:
            tx.add(
                model(
                    user_id=user.id,
                    night=entry.night,
                    zone=entry.time_zone,
                    answered=list(entry.answered),
                    saved_at=entry.saved_at,
                    updated_at=entry.updated_at,
                    **archive_answers.columns_of(spec, entry.answers, ids),
                )
            )
    for sent in todo.reminders:
        tx.add(
            Delivery(
                user_id=user.id,
                kind=sent.kind,
                night=sent.night,
                round=sent.round,
                due_at=sent.due_at,
                send_after=sent.due_at,
                status=sent.status,
                sent_at=sent.sent_at,
            )
        )
    todo.finished_setup = await _settings(tx, user, archive, now)
    await tx.flush()


async def _settings(tx: Tx, user: User, archive: Archive, now: datetime) -> bool:
    """Take the file's settings; True when that ended the setting up."""
    settings = archive.settings
    user.timezone = settings.time_zone
    user.checkin_time, user.morning_time = settings.checkin_time, settings.morning_time
    user.monthly_summary, user.paused_until = settings.monthly_summary, settings.paused_until
    user.weekly_feedback = settings.weekly_feedback
    await users.keep_report_details(tx, user, settings.appointment, settings.report_name)
    user.language = spoken(settings.language) or user.language
    user.created_at = min(user.created_at, archive.account.created_at)
    finished = settings.onboarded and not user.onboarded
    if finished:
        user.onboarded = True
        dialog = await dialogs.get_dialog(tx, user.id)
        if dialog is not None and dialog.flow == Flow.ONBOARDING:
            await dialogs.close_dialog(tx, user.id)
    rows = await reminders.ensure_reminders(tx, user, now)
    rows[Kind.EVENING].enabled = settings.evening_reminder
    rows[Kind.MORNING].enabled = settings.morning_reminder
    await reminders.reschedule(tx, user, now)
    return finished
