"""The last FAQ topic answered per user (models.FaqMemory), for follow-up questions."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from bot.data import Tx
from bot.data.dialects import insert
from models import FaqMemory, User
from models.sealed import writing_for

KEPT_FOR = timedelta(minutes=30)  # a follow-up comes within minutes; after that, forget


async def remember(tx: Tx, user_id: int, topic: str, now: datetime) -> None:
    """Note the topic just answered, for a user who consented to storage (else nothing).
    Only the user's own row is touched: two users' questions never wait on each other."""
    consented = await tx.scalar(select(User.consent).where(User.id == user_id))
    if not consented:
        return
    with writing_for(user_id):  # the topic is sealed with the user's key
        await tx.execute(
            insert(tx, FaqMemory)
            .values(user_id=user_id, topic=topic, answered_at=now)
            .on_conflict_do_update(
                index_elements=[FaqMemory.user_id], set_={"topic": topic, "answered_at": now}
            )
        )


async def last_topic(tx: Tx, user_id: int, now: datetime) -> str | None:
    """The topic answered last in the user's chat, if it was answered in the last
    :data:`KEPT_FOR`."""
    return await tx.scalar(
        select(FaqMemory.topic).where(
            FaqMemory.user_id == user_id, FaqMemory.answered_at >= now - KEPT_FOR
        )
    )


async def prune(tx: Tx, now: datetime) -> None:
    """Drop the rows past :data:`KEPT_FOR` (the hourly prune job): never read again anyway."""
    await tx.execute(delete(FaqMemory).where(FaqMemory.answered_at < now - KEPT_FOR))
