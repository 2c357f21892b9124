"""Check-ins and sleep diaries: one row per user and night, filled in one answer at a time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import cast

from sqlalchemy import select

from bot.core.doses import Dose, read_doses
from bot.data import Tx
from models import Checkin, SleepDiary, User

Entry = Checkin | SleepDiary
EntryModel = type[Checkin] | type[SleepDiary]

USUAL_WINDOW = 14  # the nights a usual time is taken from: about two weeks


async def for_night(tx: Tx, model: EntryModel, user: User, night: date, now: datetime) -> Entry:
    """The entry of this night, created empty if there is none yet (never a second one),
    in the zone the user is in when it is made."""
    query = select(model).where(model.user_id == user.id, model.night == night)
    found = cast(Entry | None, await tx.scalar(query))
    if found is not None:
        return found
    entry = model(user_id=user.id, night=night, zone=user.zone, answered=[], updated_at=now)
    tx.add(entry)
    await tx.flush()
    return entry


async def by_id(tx: Tx, model: EntryModel, entry_id: int) -> Entry | None:
    return cast(Entry | None, await tx.get(model, entry_id))


async def recent_times(tx: Tx, model: EntryModel, entry: Entry, column: str) -> list[time]:
    """A time column's answers on the nights before this one, oldest first (the usual time)."""
    values = getattr(model, column)
    found = await tx.scalars(
        select(values)
        .where(model.user_id == entry.user_id, model.night < entry.night, values.is_not(None))
        .order_by(model.night.desc())
        .limit(USUAL_WINDOW)
    )
    return list(found)[::-1]


async def saved_among(tx: Tx, model: EntryModel, user_id: int, nights: Iterable[date]) -> set[date]:
    """Which of these nights have a saved entry."""
    found = await tx.scalars(
        select(model.night).where(
            model.user_id == user_id, model.night.in_(list(nights)), model.saved_at.is_not(None)
        )
    )
    return set(found)


async def usual_doses(tx: Tx, entry: Entry, active: set[int]) -> list[Dose]:
    """The medicines of the latest saved check-in with any (within two weeks), with their
    times, limited to those still on the list: tonight's pre-selection."""
    if not isinstance(entry, Checkin):
        return []
    # took_medicine is sealed: the window's nights are read and the latest one taken here.
    nights = await tx.execute(
        select(Checkin.doses, Checkin.took_medicine)
        .where(
            Checkin.user_id == entry.user_id,
            Checkin.night < entry.night,
            Checkin.night >= entry.night - timedelta(days=USUAL_WINDOW),
            Checkin.saved_at.is_not(None),
        )
        .order_by(Checkin.night.desc())
    )
    latest = next((doses for doses, took in nights if took), None)
    return [d for d in read_doses(latest) if d.medicine_id in active]
