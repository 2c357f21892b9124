"""Just before sending: which claimed reminders are still useful and still wanted.

Checked for a whole batch with a handful of queries: the user is active, not paused, has
this reminder switched on, the firing is still useful (sent late after downtime only within
its window), the night's entry is not already done, and a week's feedback has a week with
enough nights logged to speak of.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.schedule import Kind, still_useful
from bot.core.summary_week import MIN_WEEK_NIGHTS, week_of
from bot.data.deliveries import Claimed
from bot.data.entries import EntryModel
from bot.data.history import logged_nights
from models import Checkin, Delivery, Reminder, SleepDiary, User

ENTRY: dict[Kind, EntryModel] = {Kind.EVENING: Checkin, Kind.MORNING: SleepDiary}


async def _done_nights(
    session: AsyncSession, items: Sequence[Claimed]
) -> set[tuple[Kind, int, object]]:
    done: set[tuple[Kind, int, object]] = set()
    for kind, entry in ENTRY.items():
        keys = [(c.chat_id, c.night) for c in items if c.kind is kind]
        if not keys:
            continue
        rows = await session.execute(
            select(entry.user_id, entry.night).where(
                tuple_(entry.user_id, entry.night).in_(keys), entry.saved_at.is_not(None)
            )
        )
        done |= {(kind, user_id, night) for user_id, night in rows.all()}
    return done


async def _thin_weeks(session: AsyncSession, items: Sequence[Claimed]) -> set[int]:
    """Weekly feedback whose week has fewer than MIN_WEEK_NIGHTS nights logged."""
    thin = set()
    for item in items:
        if item.kind is Kind.WEEKLY:
            nights = await logged_nights(session, item.chat_id, *week_of(item.night))
            if nights < MIN_WEEK_NIGHTS:
                thin.add(item.delivery_id)
    return thin


async def still_wanted(session: AsyncSession, items: Sequence[Claimed], now: datetime) -> set[int]:
    """The delivery ids of `items` that should be sent now."""
    if not items:
        return set()
    user_ids = {c.chat_id for c in items}
    users = {u.id: u for u in await session.scalars(select(User).where(User.id.in_(user_ids)))}
    enabled = set(
        (
            await session.execute(
                select(Reminder.user_id, Reminder.kind).where(
                    Reminder.user_id.in_(user_ids), Reminder.enabled
                )
            )
        ).all()
    )
    due = dict(
        (
            await session.execute(
                select(Delivery.id, Delivery.due_at).where(
                    Delivery.id.in_([c.delivery_id for c in items])
                )
            )
        ).all()
    )
    done = await _done_nights(session, items)
    thin = await _thin_weeks(session, items)
    wanted = set()
    for item in items:
        user = users.get(item.chat_id)
        if (
            user is None
            or not user.active
            or user.timezone is None
            or (user.paused_until is not None and user.paused_until > now)
            or (user.id, item.kind.value) not in enabled
            or item.delivery_id not in due
            or not still_useful(item.kind, due[item.delivery_id], now, user.timezone)
            or (item.kind, user.id, item.night) in done
            or item.delivery_id in thin
        ):
            continue
        wanted.add(item.delivery_id)
    return wanted
