"""What happened to a user's medicines, by day: started, changed, stopped."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.core.doses import MedicineChange
from bot.data import Tx
from models import Medicine, MedicineEvent


async def of_user(
    tx: Tx, user_id: int, start: date | None = None, end: date | None = None
) -> list[MedicineEvent]:
    """The user's medicine events (within `start`..`end` when given), oldest first."""
    query = select(MedicineEvent).where(MedicineEvent.user_id == user_id)
    if start is not None:
        query = query.where(MedicineEvent.day >= start)
    if end is not None:
        query = query.where(MedicineEvent.day <= end)
    return list(await tx.scalars(query.order_by(MedicineEvent.day, MedicineEvent.id)))


async def changes(tx: Tx, user_id: int, start: date, end: date) -> list[MedicineChange]:
    """The events of `start`..`end` with their medicines' names, for summaries and reports."""
    names = {
        m.id: m.name for m in await tx.scalars(select(Medicine).where(Medicine.user_id == user_id))
    }
    return [
        MedicineChange(e.day, names.get(e.medicine_id, ""), e.kind, e.note)
        for e in await of_user(tx, user_id, start, end)
    ]
