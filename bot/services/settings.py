"""/settings: the zone and times (asked as in onboarding), each reminder on or off, the
monthly summary, and the medicine list. Every change reschedules the reminders at once."""

from __future__ import annotations

from datetime import datetime

from bot.core.dialogs import ADD_MEDICINE, RENAME_MEDICINE, Flow
from bot.core.medicines import medicine_name
from bot.core.schedule import Kind
from bot.data import Tx, dialogs, reminders, users
from models import Dialog, Medicine, Reminder, User


async def overview(tx: Tx, user: User, now: datetime) -> dict[Kind, Reminder]:
    """The reminder switches for the settings screen (rows made if any is missing)."""
    return await reminders.ensure_reminders(tx, user, now)


async def change(tx: Tx, user: User, step: str, now: datetime) -> None:
    """Ask for a new zone or time: the onboarding step, in a settings dialog."""
    await dialogs.open_dialog(tx, user.id, Flow.SETTINGS, step, now)


async def toggle(tx: Tx, user: User, kind: Kind, now: datetime) -> dict[Kind, Reminder]:
    if kind is Kind.MONTHLY:
        user.monthly_summary = not user.monthly_summary
    else:
        rows = await reminders.ensure_reminders(tx, user, now)
        rows[kind].enabled = not rows[kind].enabled
    return await reminders.reschedule(tx, user, now)


async def medicine_list(tx: Tx, user: User) -> list[Medicine]:
    """The list as /settings shows it (leaving any half-done naming behind)."""
    await dialogs.close_dialog(tx, user.id)
    return await users.medicines(user)


async def start_naming(tx: Tx, user: User, medicine_id: int | None, now: datetime) -> bool:
    """Ask for a new medicine's name (None) or a new name for one of the user's own;
    False when the medicine is not theirs (any more)."""
    if medicine_id is None:
        await dialogs.open_dialog(tx, user.id, Flow.SETTINGS, ADD_MEDICINE, now)
        return True
    if await users.medicine(user, medicine_id) is None:
        return False
    await dialogs.open_dialog(tx, user.id, Flow.SETTINGS, f"{RENAME_MEDICINE}{medicine_id}", now)
    return True


async def remove_medicine(tx: Tx, user: User, medicine_id: int) -> list[Medicine] | None:
    """Take it off the list; past check-ins keep its name. None when it is not theirs."""
    medicine = await users.medicine(user, medicine_id)
    if medicine is None:
        return None
    medicine.retired = True
    return await users.medicines(user)


def is_naming(step: str) -> bool:
    return step == ADD_MEDICINE or step.startswith(RENAME_MEDICINE)


async def renamed(user: User, step: str) -> Medicine | None:
    """The medicine a rename step is about."""
    raw = step.removeprefix(RENAME_MEDICINE)
    return await users.medicine(user, int(raw)) if raw.isdigit() else None


async def name_medicine(tx: Tx, dialog: Dialog, text: str) -> list[Medicine]:
    """Store a typed name (a new medicine, or a new name); raises Problem for a bad one."""
    name = medicine_name(text)
    user = dialog.user
    if dialog.step == ADD_MEDICINE:
        await users.add_medicine(tx, user, name)
    elif (medicine := await renamed(user, dialog.step)) is not None:
        medicine.name = name
    await dialogs.close_dialog(tx, user.id)
    return await users.medicines(user)
