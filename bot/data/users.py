"""Users, their consent, and the medicines they track by name."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from bot.core.nights import local_time
from bot.data import Tx
from models import Factor, Medicine, MedicineEvent, ReportDetails, User


async def get_user(tx: Tx, user_id: int) -> User | None:
    return await tx.get(User, user_id)


async def zone_of(tx: Tx, user_id: int) -> str | None:
    """The user's time zone as they chose it (None before they did, or for no user)."""
    return await tx.scalar(select(User.timezone).where(User.id == user_id))


async def language_of(tx: Tx, user_id: int) -> str | None:
    """The language the user has (None before it was stored, or for no user)."""
    return await tx.scalar(select(User.language).where(User.id == user_id))


async def record_consent(
    tx: Tx, user_id: int, consent: bool, version: int, now: datetime, language: str
) -> User:
    """Store the answer to the consent question (which text, when) and, the first time,
    the language the user is spoken to in; a refusal stores nothing else."""
    user = await tx.get(User, user_id)
    if user is None:
        user = User(id=user_id, consent=consent, created_at=now, language=language)
        tx.add(user)
    else:
        user.consent = consent
        user.language = user.language or language
    user.consent_version, user.consent_at = version, now
    user.active = True
    await tx.flush()
    return user


async def report_details(tx: Tx, user: User) -> ReportDetails:
    """The appointment and the name kept for the doctor's report (empty when none are)."""
    return await tx.get(ReportDetails, user.id) or ReportDetails(user_id=user.id)


async def keep_report_details(
    tx: Tx, user: User, appointment: date | None = None, name: str | None = None
) -> None:
    """Keep a newer appointment or name for the next report; None keeps the one kept."""
    details = await tx.get(ReportDetails, user.id)
    if details is None:
        if appointment is None and name is None:
            return  # nothing to keep (an import without either)
        details = ReportDetails(user_id=user.id)
        tx.add(details)
    details.appointment = appointment or details.appointment
    details.name = name or details.name


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


async def add_medicine(tx: Tx, user: User, name: str, now: datetime) -> Medicine:
    """Add a medicine by name, or return (and bring back) the saved one with the same name.

    Adding one, or bringing one back, is its "started" event on the user's local day.
    """
    saved = await medicines(user)
    known = next((m for m in saved if m.name.casefold() == name.casefold()), None)
    if known is not None and not known.retired:
        return known
    if known is None:
        known = Medicine(user_id=user.id, name=name)
        saved.append(known)
        await tx.flush()
    known.retired = False
    await add_event(tx, user, known, "started", now)
    return known


async def add_event(
    tx: Tx, user: User, medicine: Medicine, kind: str, now: datetime, note: str | None = None
) -> None:
    """A medicine started, changed or stopped today (the user's local day)."""
    day = local_time(now, user.zone).date()
    tx.add(
        MedicineEvent(
            user_id=user.id, medicine_id=medicine.id, day=day, kind=kind, note=note, created_at=now
        )
    )
    await tx.flush()


async def factors(user: User) -> list[Factor]:
    """The user's own factors, retired ones too, oldest first; loaded once per transaction."""
    return await user.awaitable_attrs.factors


async def factor(user: User, factor_id: int) -> Factor | None:
    return next((f for f in await factors(user) if f.id == factor_id), None)


async def add_factor(tx: Tx, user: User, name: str) -> Factor:
    """Add one by name, or bring back the retired one with the same name."""
    saved = await factors(user)
    known = next((f for f in saved if f.name.casefold() == name.casefold()), None)
    if known is None:
        known = Factor(user_id=user.id, name=name)
        saved.append(known)
        await tx.flush()
    known.retired = False
    return known
