"""The reminders as the user answers them: Start, snooze, skip tonight; /pause and /resume."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.core.schedule import Kind, pause_until, snooze_until
from bot.data import Tx, deliveries, reminders, users
from bot.data.deliveries import Status
from models import User

FOREVER = datetime(9999, 12, 31, tzinfo=UTC)  # paused "until I /resume"
SNOOZES = {"s30": 30, "s60": 60}
PAUSE_DAYS = (1, 3, 7, 0)  # 0: until /resume


@dataclass(frozen=True)
class Answered:
    """A reminder's button, taken: which reminder, for which night, and until when it was
    snoozed (None unless it was)."""

    kind: Kind
    night: date
    snoozed_until: datetime | None = None


async def answer(
    tx: Tx, user_id: int, delivery_id: int, action: str, now: datetime
) -> Answered | None:
    """Start, s30, s60 or skip; None when the reminder is not this user's, or answered."""
    delivery = await deliveries.owned(tx, delivery_id, user_id)
    if delivery is None:
        return None
    # One answer per reminder, even if tapped twice; a skipped morning is not offered later.
    delivery.status = Status.SKIPPED if action == "skip" else Status.ACTED
    kind = Kind(delivery.kind)
    if action in SNOOZES:
        at = snooze_until(now, SNOOZES[action])
        await deliveries.snooze(tx, delivery, at)
        return Answered(kind, delivery.night, at)
    if action == "skip":
        await deliveries.cancel_pending(tx, delivery)
    return Answered(kind, delivery.night)


async def pause(tx: Tx, user_id: int, days: int, now: datetime) -> User | None:
    """Pause for `days` local days (0: until /resume); None when the user is not set up."""
    user = await users.get_user(tx, user_id)
    if user is None or not user.onboarded:
        return None
    user.paused_until = pause_until(now, days, user.zone) if days else FOREVER
    return user


@dataclass(frozen=True)
class Resumed:
    """A user whose reminders run again, and which of the daily ones are switched on."""

    user: User
    on: frozenset[Kind]


async def resume(tx: Tx, user_id: int, now: datetime) -> Resumed | None:
    """Reminders on again from the start of this minute: /resume at 22:00:40 still gets the
    22:00 reminder (it is sent once a night whatever happens)."""
    user = await users.get_user(tx, user_id)
    if user is None or not user.onboarded:
        return None
    user.paused_until = None
    this_minute = now.replace(second=0, microsecond=0) - timedelta(microseconds=1)
    rows = await reminders.reschedule(tx, user, this_minute)
    daily = (Kind.EVENING, Kind.MORNING)
    return Resumed(user, frozenset(kind for kind in daily if rows[kind].enabled))
