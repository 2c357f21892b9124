"""/settings: the zone and times (asked as in onboarding), each reminder on or off, the
monthly summary and the weekly feedback, the medicine list (started, changed, stopped) and
the user's own factors. Every change of a time or a switch reschedules the reminders at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.dialogs import Flow, Typing
from bot.core.medicines import (
    CHANGE_NOTE_RULES,
    FACTOR_NAME_RULES,
    MAX_FACTORS,
    MEDICINE_NAME_RULES,
)
from bot.core.problems import Code, Problem
from bot.core.schedule import Kind
from bot.data import Tx, dialogs, events, reminders, users
from models import Dialog, Factor, Medicine, MedicineEvent, Reminder, User

ADDS = (Typing.ADD_MEDICINE, Typing.ADD_FACTOR)


async def overview(tx: Tx, user: User, now: datetime) -> dict[Kind, Reminder]:
    """The reminder switches for the settings screen (rows made if any is missing)."""
    return await reminders.ensure_reminders(tx, user, now)


async def set_language(tx: Tx, user_id: int, language: str) -> User | None:
    """Store the language the user chose (None, storing nothing: no user who agreed)."""
    user = await users.get_user(tx, user_id)
    if user is None or not user.consent:
        return None
    user.language = language
    return user


async def change(tx: Tx, user: User, step: str, now: datetime) -> None:
    """Ask for a new zone or time: the onboarding step, in a settings dialog."""
    await dialogs.open_dialog(tx, user.id, Flow.SETTINGS, step, now)


async def toggle(tx: Tx, user: User, kind: Kind, now: datetime) -> dict[Kind, Reminder]:
    if kind is Kind.MONTHLY:
        user.monthly_summary = not user.monthly_summary
    elif kind is Kind.WEEKLY:
        user.weekly_feedback = not user.weekly_feedback
    else:
        rows = await reminders.ensure_reminders(tx, user, now)
        rows[kind].enabled = not rows[kind].enabled
    return await reminders.reschedule(tx, user, now)


async def medicine_list(tx: Tx, user: User) -> Lists:
    """The lists as /settings shows them (leaving any half-done naming behind)."""
    await dialogs.close_dialog(tx, user.id)
    return await lists(tx, user)


@dataclass(frozen=True)
class Lists:
    """The user's medicines (with what happened to each, by day) and own factors."""

    medicines: list[Medicine]
    events: list[MedicineEvent]
    factors: list[Factor]

    @property
    def active_factors(self) -> list[Factor]:
        return [f for f in self.factors if not f.retired]


async def lists(tx: Tx, user: User) -> Lists:
    return Lists(
        await users.medicines(user), await events.of_user(tx, user.id), await users.factors(user)
    )


async def start_typing(
    tx: Tx, user: User, step: Typing, item_id: int | None, now: datetime
) -> bool:
    """Ask for typed words (a name, what changed); False when the item is not the user's
    (any more), or when their own factors are full."""
    if step is Typing.ADD_FACTOR:
        if len((await lists(tx, user)).active_factors) >= MAX_FACTORS:
            raise Problem(Code.FACTORS_FULL, most=MAX_FACTORS)
    elif step is not Typing.ADD_MEDICINE and (
        item_id is None or await _item(user, step, item_id) is None
    ):
        return False
    suffix = "" if item_id is None or step in ADDS else str(item_id)
    await dialogs.open_dialog(tx, user.id, Flow.SETTINGS, f"{step}{suffix}", now)
    return True


async def stop_medicine(tx: Tx, user: User, medicine_id: int, now: datetime) -> Lists | None:
    """Take it off the list: its "stopped" event today; past check-ins keep its name.
    None when it is not theirs."""
    medicine = await users.medicine(user, medicine_id)
    if medicine is None or medicine.retired:
        return None
    medicine.retired = True
    await users.add_event(tx, user, medicine, "stopped", now)
    return await lists(tx, user)


async def retire_factor(tx: Tx, user: User, factor_id: int) -> Lists | None:
    """No longer asked; past nights keep it by name. None when it is not theirs."""
    factor = await users.factor(user, factor_id)
    if factor is None or factor.retired:
        return None
    factor.retired = True
    return await lists(tx, user)


def typing_step(step: str) -> tuple[Typing, int | None] | None:
    """Which typing step a dialog step is, and the id it is about; None for other steps."""
    for typing in Typing:
        if step.startswith(typing.value):
            raw = step.removeprefix(typing.value)
            if typing in ADDS:
                return (typing, None) if raw == "" else None
            return (typing, int(raw)) if raw.isascii() and raw.isdigit() else None
    return None


async def typed_about(user: User, step: str) -> str | None:
    """The name of what a typing step is about (None for an add)."""
    found = typing_step(step)
    if found is None or found[1] is None:
        return None
    item = await _item(user, found[0], found[1])
    return item.name if item else None


async def type_words(tx: Tx, dialog: Dialog, text: str, now: datetime) -> Lists:
    """Store what was typed at a typing step; raises Problem for words that don't fit."""
    user = dialog.user
    found = typing_step(dialog.step)
    if found is not None:
        step, item_id = found
        item = await _item(user, step, item_id) if item_id is not None else None
        if step is Typing.ADD_MEDICINE:
            await users.add_medicine(tx, user, MEDICINE_NAME_RULES.read(text), now)
        elif step is Typing.RENAME_MEDICINE and isinstance(item, Medicine):
            item.name = MEDICINE_NAME_RULES.read(text)
        elif step is Typing.CHANGE_MEDICINE and isinstance(item, Medicine):
            await users.add_event(tx, user, item, "changed", now, CHANGE_NOTE_RULES.read(text))
        elif step is Typing.ADD_FACTOR:
            await users.add_factor(tx, user, FACTOR_NAME_RULES.read(text))
        elif step is Typing.RENAME_FACTOR and isinstance(item, Factor):
            item.name = FACTOR_NAME_RULES.read(text)
    await dialogs.close_dialog(tx, user.id)
    return await lists(tx, user)


async def _item(user: User, step: Typing, item_id: int) -> Medicine | Factor | None:
    if step in (Typing.ADD_FACTOR, Typing.RENAME_FACTOR):
        return await users.factor(user, item_id)
    return await users.medicine(user, item_id)
