"""The export a user sent back, held by its Telegram file id until they say Import."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.data import Tx
from models import PendingImport


async def held(tx: Tx, user_id: int) -> PendingImport | None:
    return await tx.scalar(select(PendingImport).where(PendingImport.user_id == user_id))


async def hold(tx: Tx, user_id: int, file_id: str, now: datetime) -> int:
    """Hold this file for the user (in place of any held before); its id for the button."""
    await drop(tx, user_id)
    pending = PendingImport(user_id=user_id, file_id=file_id, created_at=now)
    tx.add(pending)
    await tx.flush()
    return pending.id


async def drop(tx: Tx, user_id: int) -> None:
    found = await held(tx, user_id)
    if found is not None:
        await tx.delete(found)
        await tx.flush()
