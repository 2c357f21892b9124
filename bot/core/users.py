"""Users, their consent and settings, and the one open dialog each may have."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Dialog, Medicine, User

ONBOARDING = "onboarding"
CHECKIN = "checkin"
MORNING = "morning"
SETTINGS = "settings"


async def get_user(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def record_consent(session: AsyncSession, user_id: int, consent: bool, now: datetime) -> User:
    """Store the answer to the consent question; a refusal stores nothing else."""
    user = await session.get(User, user_id)
    if user is None:
        user = User(id=user_id, consent=consent, created_at=now)
        session.add(user)
    else:
        user.consent = consent
    user.active = True
    await session.flush()
    return user


async def get_dialog(session: AsyncSession, user_id: int) -> Dialog | None:
    """The user's open dialog, locked for this transaction.

    Two taps of one user can reach two processes at once; the row lock (PostgreSQL; SQLite
    serializes writers anyway) makes the second wait and see the first one's result.
    """
    return await session.get(Dialog, user_id, with_for_update=True)


async def open_dialog(
    session: AsyncSession, user_id: int, flow: str, step: str, now: datetime, **fields: object
) -> Dialog:
    """Start (or replace) the user's dialog; any process can pick it up from here."""
    dialog = await session.get(Dialog, user_id)
    if dialog is None:
        dialog = Dialog(user_id=user_id, flow=flow, step=step, updated_at=now)
        session.add(dialog)
    dialog.flow, dialog.step, dialog.updated_at = flow, step, now
    dialog.return_to_recap = False
    dialog.night = None
    for name, value in fields.items():
        setattr(dialog, name, value)
    await session.flush()
    return dialog


async def close_dialog(session: AsyncSession, user_id: int) -> None:
    dialog = await session.get(Dialog, user_id)
    if dialog is not None:
        await session.delete(dialog)


async def set_dialog_message(session: AsyncSession, user_id: int, message_id: int | None) -> None:
    """Remember which message holds the live question, so it can be edited or retired."""
    dialog = await session.get(Dialog, user_id)
    if dialog is not None:
        dialog.message_id = message_id


async def medicines(session: AsyncSession, user_id: int) -> list[Medicine]:
    result = await session.scalars(
        select(Medicine).where(Medicine.user_id == user_id).order_by(Medicine.id)
    )
    return list(result)


async def add_medicine(session: AsyncSession, user_id: int, name: str) -> Medicine:
    """Add a medicine by name, or return (and bring back) the saved one with the same name."""
    for medicine in await medicines(session, user_id):
        if medicine.name.casefold() == name.casefold():
            medicine.retired = False
            return medicine
    medicine = Medicine(user_id=user_id, name=name)
    session.add(medicine)
    await session.flush()
    return medicine
