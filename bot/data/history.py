"""A user's stored nights, as NightRecord lists for summaries, charts and exports."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, union

from bot.core.doses import TakenDose, read_doses
from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY
from bot.core.entries.spec import EntrySpec
from bot.core.records import ZONE_KEY, NightRecord
from bot.data import Tx
from bot.data.entries import Entry, EntryModel
from models import Checkin, Medicine, SleepDiary, User

ENTRIES: tuple[tuple[EntrySpec, EntryModel], ...] = (
    (CHECKIN, Checkin),
    (DIARY, SleepDiary),
)


def entry_values(spec: EntrySpec, row: Any, zone: str, names: dict[int, str]) -> dict[str, object]:
    """One entry's answers by field key, its saved flag, and what is derived from it.

    The medicines taken come as TakenDose, each with its medicine's name."""
    values: dict[str, object] = {spec.saved_key: row.saved_at is not None}
    doses = spec.medicine.fields[1] if spec.medicine else None
    for question in spec.questions:
        for stored in question.stored_fields():
            value = getattr(row, stored.attribute)
            if stored is doses:
                value = tuple(
                    TakenDose(names.get(d.medicine_id, ""), d.taken, d.amount)
                    for d in read_doses(value)
                )
            elif isinstance(value, list):
                value = tuple(value)
            values[stored.key] = value
    if spec.derive is not None:
        values |= spec.derive(row, zone)
    return values


async def nights(
    tx: Tx, user: User, start: date, end: date, saved_only: bool = True
) -> list[NightRecord]:
    """The nights from `start` to `end` (inclusive) with a check-in or a diary, oldest first."""
    names = {
        m.id: m.name for m in await tx.scalars(select(Medicine).where(Medicine.user_id == user.id))
    }
    by_night: dict[date, dict[str, object]] = {}
    for spec, model in ENTRIES:
        query = select(model).where(
            model.user_id == user.id, model.night >= start, model.night <= end
        )
        if saved_only:
            query = query.where(model.saved_at.is_not(None))
        rows: list[Entry] = list(await tx.scalars(query))
        for row in rows:
            # The night's zone: the check-in's (read first), else the diary's.
            night = by_night.setdefault(row.night, {ZONE_KEY: row.zone})
            night.update(entry_values(spec, row, row.zone, names))
    return [NightRecord(night, **values) for night, values in sorted(by_night.items())]


async def entry_nights(tx: Tx, user_id: int) -> list[date]:
    """Every night with a saved check-in or diary (for the month picker)."""
    query = union(
        *(
            select(model.night).where(model.user_id == user_id, model.saved_at.is_not(None))
            for _, model in ENTRIES
        )
    )
    return sorted(await tx.scalars(query))


async def logged_nights(tx: Tx, user_id: int, start: date, end: date) -> int:
    """How many nights from `start` to `end` (inclusive) have a saved check-in or diary."""
    query = union(
        *(
            select(model.night).where(
                model.user_id == user_id,
                model.night >= start,
                model.night <= end,
                model.saved_at.is_not(None),
            )
            for _, model in ENTRIES
        )
    )
    return len(list(await tx.scalars(query)))
