"""Users, their consent and settings, and the one open dialog each may have."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

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
    return await session.get(
        Dialog,
        user_id,
        options=[joinedload(Dialog.user, innerjoin=True)],  # the user comes along
        with_for_update={"of": Dialog},
    )


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
    await session.execute(
        update(Dialog).where(Dialog.user_id == user_id).values(message_id=message_id)
    )


async def medicines(user: User) -> list[Medicine]:
    """The user's medicines, retired ones too, oldest first; loaded once per transaction."""
    return await user.awaitable_attrs.medicines


async def add_medicine(session: AsyncSession, user: User, name: str) -> Medicine:
    """Add a medicine by name, or return (and bring back) the saved one with the same name."""
    saved = await medicines(user)
    for medicine in saved:
        if medicine.name.casefold() == name.casefold():
            medicine.retired = False
            return medicine
    medicine = Medicine(user_id=user.id, name=name)
    saved.append(medicine)
    await session.flush()
    return medicine
