"""Many users with due reminders, written straight to the database (tests and benchmarks)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import consent
from bot.core.schedule import Kind
from models import Reminder, User


async def seed_users(
    session: AsyncSession,
    ids: Sequence[int],
    zones: Sequence[str],
    now: datetime,
    due_at: Sequence[datetime | None],
) -> None:
    """Onboarded users with an evening reminder due at `due_at[i]` and a morning one off."""
    await session.execute(
        insert(User),
        [
            {
                "id": uid,
                "consent": True,
                "consent_version": consent.VERSION,
                "consent_at": now,
                "timezone": zones[i % len(zones)],
                "checkin_time": time(22, 0),
                "morning_time": time(7, 30),
                "onboarded": True,
                "active": True,
                "created_at": now,
            }
            for i, uid in enumerate(ids)
        ],
    )
    await session.execute(
        insert(Reminder),
        [
            row
            for i, uid in enumerate(ids)
            for row in (
                {"user_id": uid, "kind": Kind.EVENING.value, "enabled": True, "due_at": due_at[i]},
                {"user_id": uid, "kind": Kind.MORNING.value, "enabled": False, "due_at": None},
            )
        ],
    )
