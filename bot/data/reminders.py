"""Keeping a user's reminder rows in step with their settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.schedule import Kind, next_due, reminder_time
from models import Reminder, User

KINDS = tuple(Kind)


async def reminders_of(session: AsyncSession, user_id: int) -> dict[Kind, Reminder]:
    rows = await session.scalars(select(Reminder).where(Reminder.user_id == user_id))
    return {Kind(r.kind): r for r in rows}


async def reschedule(session: AsyncSession, user: User, now: datetime) -> dict[Kind, Reminder]:
    """Create missing rows and recompute every due instant from now, in the user's zone.

    Called whenever the zone, a time, a switch or the pause changes, so a change takes
    effect at once.
    """
    rows = await reminders_of(session, user.id)
    for kind in KINDS:
        if kind not in rows:
            rows[kind] = Reminder(user_id=user.id, kind=kind.value, enabled=True)
            session.add(rows[kind])
        row = rows[kind]
        if kind is Kind.MONTHLY:
            row.enabled = user.monthly_summary
        elif kind is Kind.WEEKLY:
            row.enabled = user.weekly_feedback
        ready = row.enabled and user.onboarded and user.timezone is not None
        at = reminder_time(kind, user.checkin_time, user.morning_time)
        row.due_at = next_due(kind, at, user.zone, now) if ready else None
    await session.flush()
    return rows


async def ensure_reminders(
    session: AsyncSession, user: User, now: datetime
) -> dict[Kind, Reminder]:
    """The user's reminder rows, created (and scheduled) if any is missing."""
    rows = await reminders_of(session, user.id)
    if all(kind in rows for kind in KINDS):
        return rows
    return await reschedule(session, user, now)
