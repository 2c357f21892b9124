"""Users, their consent, and the medicines they track by name."""

from __future__ import annotations

from datetime import datetime

from bot.data import Tx
from models import Medicine, User


async def get_user(tx: Tx, user_id: int) -> User | None:
    return await tx.get(User, user_id)


async def record_consent(tx: Tx, user_id: int, consent: bool, version: int, now: datetime) -> User:
    """Store the answer to the consent question (which text, when); a refusal stores
    nothing else."""
    user = await tx.get(User, user_id)
    if user is None:
        user = User(id=user_id, consent=consent, created_at=now)
        tx.add(user)
    else:
        user.consent = consent
    user.consent_version, user.consent_at = version, now
    user.active = True
    await tx.flush()
    return user


async def ask_delete(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete's first "yes": note when, so the second one can be checked against it."""
    user = await tx.get(User, user_id)
    if user is not None:
        user.delete_asked_at = now


async def delete_was_asked(tx: Tx, user_id: int, since: datetime) -> bool:
    """The first "yes" was tapped at `since` or later."""
    user = await tx.get(User, user_id)
    asked = user.delete_asked_at if user is not None else None
    return asked is not None and asked >= since


async def medicines(user: User) -> list[Medicine]:
    """The user's medicines, retired ones too, oldest first; loaded once per transaction."""
    return await user.awaitable_attrs.medicines


async def medicine(user: User, medicine_id: int) -> Medicine | None:
    """One of the user's own medicines (None for anyone else's id)."""
    return next((m for m in await medicines(user) if m.id == medicine_id), None)


async def add_medicine(tx: Tx, user: User, name: str) -> Medicine:
    """Add a medicine by name, or return (and bring back) the saved one with the same name."""
    saved = await medicines(user)
    for known in saved:
        if known.name.casefold() == name.casefold():
            known.retired = False
            return known
    added = Medicine(user_id=user.id, name=name)
    saved.append(added)
    await tx.flush()
    return added
