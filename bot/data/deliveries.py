"""Claiming work so that two processes on one database never take the same row.

Due reminders become deliveries (unique per user, kind, night, round), and pending
deliveries are leased by a single UPDATE ... RETURNING over a FOR UPDATE SKIP LOCKED
subquery on PostgreSQL; SQLite runs the same statement under its single write lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import func, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.schedule import (
    HELD,
    Kind,
    held_until,
    next_due,
    night_for,
    reminder_time,
    still_useful,
)
from bot.data.dialects import insert, rows_changed
from models import Delivery, Reminder, SleepDiary, User


class Status(StrEnum):
    """Where a delivery stands (the `deliveries.status` column)."""

    PENDING = "pending"  # waiting for its send_after, or to be tried again
    SENDING = "sending"  # handed to Telegram; if the process dies now, nobody knows the outcome
    SENT = "sent"
    SKIPPED = "skipped"  # no longer useful or no longer wanted (or the user tapped Skip)
    BLOCKED = "blocked"  # the user blocked the bot
    FAILED = "failed"  # Telegram refused it
    UNCERTAIN = "uncertain"  # was SENDING when its process died: never sent again
    ACTED = "acted"  # the user tapped one of its buttons
    OFFERED = "offered"  # a missed morning offered once after a diary was saved: never sent


@dataclass(frozen=True)
class Claimed:
    delivery_id: int
    chat_id: int
    kind: Kind
    night: date
    round: int
    attempts: int
    language: str | None = None  # the user's, to write the message in (None: not stored)


async def add_delivery(
    session: AsyncSession,
    user_id: int,
    kind: Kind,
    night: date,
    rnd: int,
    due: datetime,
    send_after: datetime,
) -> bool:
    """Record one send; False when that (user, kind, night, round) exists already."""
    statement = (
        insert(session, Delivery)
        .values(
            user_id=user_id,
            kind=kind.value,
            night=night,
            round=rnd,
            due_at=due,
            send_after=send_after,
            status=Status.PENDING,
            attempts=0,
        )
        .on_conflict_do_nothing()
    )
    return bool(rows_changed(await session.execute(statement)))


def _latest_firing(kind: Kind, at: time, zone: str, due: datetime, now: datetime) -> datetime:
    """After downtime, the most recent firing at or before now (older ones are past use)."""
    latest = due
    while (following := next_due(kind, at, zone, latest)) <= now:
        latest = following
    return latest


async def materialize(session: AsyncSession, now: datetime, limit: int) -> int:
    """Turn due reminders into deliveries and move each row to its next firing.

    Works on plain rows and writes in two bulk statements: this runs for every user.
    """
    rows = (
        await session.execute(
            select(
                Reminder.id,
                Reminder.kind,
                Reminder.due_at,
                User.id.label("user_id"),
                User.timezone,
                User.checkin_time,
                User.morning_time,
                User.active,
                User.paused_until,
            )
            .join(User, User.id == Reminder.user_id)
            .where(Reminder.due_at <= now, Reminder.enabled)
            .order_by(Reminder.due_at)
            .limit(limit)
            .with_for_update(skip_locked=True, of=Reminder)
        )
    ).all()
    deliveries, moves = [], []
    for row in rows:
        kind = Kind(row.kind)
        at = reminder_time(kind, row.checkin_time, row.morning_time)
        due = _latest_firing(kind, at, row.timezone, row.due_at, now)
        paused = row.paused_until is not None and row.paused_until > due
        if row.active and not paused and still_useful(kind, due, now, row.timezone):
            night = night_for(kind, due, row.timezone)
            held = held_until(due, row.morning_time, row.timezone) if kind in HELD else due
            deliveries.append(
                {
                    "user_id": row.user_id,
                    "kind": kind.value,
                    "night": night,
                    "round": 0,
                    "due_at": due,
                    "send_after": held,
                    "status": Status.PENDING,
                    "attempts": 0,
                }
            )
        moves.append({"id": row.id, "due_at": next_due(kind, at, row.timezone, due)})
    await _release_if_diary_saved(session, deliveries)
    if deliveries:
        await session.execute(insert(session, Delivery).on_conflict_do_nothing(), deliveries)
    if moves:
        await session.execute(update(Reminder), moves)
    return len(rows)


async def _release_if_diary_saved(session: AsyncSession, deliveries: list[dict]) -> None:
    """A held delivery whose diary was saved before it fell due goes at once (a diary done
    before the morning prompt, or in the moments before the job ran)."""
    held = [d for d in deliveries if Kind(d["kind"]) in HELD and d["send_after"] > d["due_at"]]
    if not held:
        return
    keys = {(d["user_id"], d["night"] - timedelta(days=1)) for d in held}
    saved = set(
        (
            await session.execute(
                select(SleepDiary.user_id, SleepDiary.night).where(
                    tuple_(SleepDiary.user_id, SleepDiary.night).in_(list(keys)),
                    SleepDiary.saved_at.is_not(None),
                )
            )
        ).all()
    )
    for delivery in held:
        if (delivery["user_id"], delivery["night"] - timedelta(days=1)) in saved:
            delivery["send_after"] = delivery["due_at"]


async def release_after_diary(
    session: AsyncSession, user_id: int, diary_night: date, now: datetime
) -> None:
    """The diary of `diary_night` is saved: a weekly or monthly message held for it (keyed
    by the next day, the Monday or the 1st) may go now rather than at noon."""
    await session.execute(
        update(Delivery)
        .where(
            Delivery.user_id == user_id,
            Delivery.kind.in_([kind.value for kind in HELD]),
            Delivery.night == diary_night + timedelta(days=1),
            Delivery.status == Status.PENDING,
            Delivery.send_after > now,
        )
        .values(send_after=now)
        .execution_options(synchronize_session=False)
    )


async def lease(session: AsyncSession, now: datetime, limit: int, hold: timedelta) -> list[Claimed]:
    """Take up to `limit` pending deliveries that nobody holds, for `hold`.

    First, a send that was under way when its process died (still SENDING after its lease)
    becomes UNCERTAIN: Telegram may have delivered it, so it is never sent again.
    """
    await session.execute(
        update(Delivery)
        .where(Delivery.status == Status.SENDING, Delivery.lease_until < now)
        .values(status=Status.UNCERTAIN, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    free = (
        (Delivery.status == Status.PENDING)
        & (Delivery.send_after <= now)
        & or_(Delivery.lease_until.is_(None), Delivery.lease_until < now)
    )
    candidates = (
        select(Delivery.id)
        .where(free)
        .order_by(Delivery.send_after)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    result = await session.execute(
        update(Delivery)
        .where(Delivery.id.in_(candidates.scalar_subquery()), free)
        .values(lease_until=now + hold, attempts=Delivery.attempts + 1)
        .returning(
            Delivery.id,
            Delivery.user_id,
            Delivery.kind,
            Delivery.night,
            Delivery.round,
            Delivery.attempts,
        )
        .execution_options(synchronize_session=False)
    )
    rows = result.all()
    languages = await _languages(session, {r.user_id for r in rows})
    return [
        Claimed(
            r.id, r.user_id, Kind(r.kind), r.night, r.round, r.attempts, languages.get(r.user_id)
        )
        for r in rows
    ]


async def _languages(session: AsyncSession, user_ids: set[int]) -> dict[int, str | None]:
    """Each user's stored language, to write their messages in."""
    if not user_ids:
        return {}
    found = await session.execute(select(User.id, User.language).where(User.id.in_(user_ids)))
    return {user_id: language for user_id, language in found.all()}


async def settle(
    session: AsyncSession, ids: Sequence[int], status: Status, **values: object
) -> None:
    """Record how deliveries ended (one statement, no read first)."""
    if ids:
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(ids))
            .values(status=status, lease_until=None, **values)
            .execution_options(synchronize_session=False)
        )


async def snooze(session: AsyncSession, delivery: Delivery, at: datetime) -> None:
    """Send this night's reminder once more at `at`, as the next round."""
    latest = await session.scalar(
        select(func.max(Delivery.round)).where(
            Delivery.user_id == delivery.user_id,
            Delivery.kind == delivery.kind,
            Delivery.night == delivery.night,
        )
    )
    kind = Kind(delivery.kind)
    rnd = (latest or 0) + 1
    await add_delivery(session, delivery.user_id, kind, delivery.night, rnd, at, at)


async def cancel_pending(session: AsyncSession, delivery: Delivery) -> None:
    """Skip tonight: whatever is still waiting for this night is not sent."""
    await session.execute(
        update(Delivery)
        .where(
            Delivery.user_id == delivery.user_id,
            Delivery.kind == delivery.kind,
            Delivery.night == delivery.night,
            Delivery.status == Status.PENDING,
        )
        .values(status=Status.SKIPPED)
    )


async def mark_sending(session: AsyncSession, delivery_id: int) -> None:
    """Just before it goes out: from now on a crash leaves its outcome unknown."""
    await session.execute(
        update(Delivery).where(Delivery.id == delivery_id).values(status=Status.SENDING)
    )


async def blocked(session: AsyncSession, delivery_id: int, user_id: int) -> None:
    """The user blocked the bot: no more reminders until they /start again."""
    await settle(session, [delivery_id], Status.BLOCKED)
    await session.execute(update(User).where(User.id == user_id).values(active=False))


async def retry_later(session: AsyncSession, delivery_id: int, after: datetime) -> None:
    """Telegram surely did not take it (or timed out): pending again, from `after`."""
    await session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(status=Status.PENDING, lease_until=after)
    )


async def owned(session: AsyncSession, delivery_id: int, user_id: int) -> Delivery | None:
    """A delivery of this user's that nobody has answered yet (its buttons are live)."""
    delivery = await session.get(Delivery, delivery_id)
    answered = (Status.ACTED, Status.SKIPPED)
    if delivery is None or delivery.user_id != user_id or delivery.status in answered:
        return None
    return delivery


async def next_work_after(session: AsyncSession, instant: datetime) -> datetime | None:
    """The first moment after `instant` when the dispatcher has something to do: a reminder
    falls due, or a pending delivery (a snooze, a retry) may be sent. None: nothing ahead.
    The demo passes time through these moments, in order."""
    reminder = await session.scalar(
        select(func.min(Reminder.due_at)).where(Reminder.enabled, Reminder.due_at > instant)
    )
    delivery = await session.scalar(
        select(func.min(Delivery.send_after)).where(
            Delivery.status == Status.PENDING, Delivery.send_after > instant
        )
    )
    return min((t for t in (reminder, delivery) if t is not None), default=None)


async def declined_mornings(
    session: AsyncSession, user_id: int, nights: Sequence[date]
) -> set[date]:
    """Of `nights`, those whose morning diary the user declined: they tapped Skip on its
    reminder (a sent one, so not one the bot dropped), or it was offered as missed before."""
    skipped = (Delivery.status == Status.SKIPPED) & Delivery.sent_at.is_not(None)
    rows = await session.scalars(
        select(Delivery.night).where(
            Delivery.user_id == user_id,
            Delivery.kind == Kind.MORNING.value,
            Delivery.night.in_(nights),
            skipped | (Delivery.status == Status.OFFERED),
        )
    )
    return set(rows)


async def record_offers(
    session: AsyncSession, user_id: int, nights: Sequence[date], now: datetime
) -> None:
    """Note that these missed mornings were offered, so they are offered only once.

    Each is a delivery row of the night's morning reminder that is never sent (a round after
    any the night has, so it takes no reminder's place).
    """
    for night in nights:
        latest = await session.scalar(
            select(func.max(Delivery.round)).where(
                Delivery.user_id == user_id,
                Delivery.kind == Kind.MORNING.value,
                Delivery.night == night,
            )
        )
        session.add(
            Delivery(
                user_id=user_id,
                kind=Kind.MORNING.value,
                night=night,
                round=max((latest or 0) + 1, 1),
                due_at=now,
                send_after=now,
                status=Status.OFFERED,
                attempts=0,
            )
        )
