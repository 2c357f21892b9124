"""/start: consent, time zone, the two reminder times, the monthly summary and the weekly
feedback.

Nothing is stored before the user says yes. The zone and the times are asked the same way
from /settings (flow SETTINGS), where each change is stored on its own and leads back to
the settings screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from enum import Enum

from bot.core import consent
from bot.core.dialogs import ONBOARDING_ORDER, Flow, SetupStep
from bot.core.schedule import Kind
from bot.data import Tx, dialogs, reminders, users
from models import Dialog, Reminder, User


@dataclass(frozen=True)
class Arrival:
    """/start: who is here. `user` None or without consent: a first (or refused) visit."""

    user: User | None
    dialog: Dialog | None


async def arrive(tx: Tx, user_id: int, now: datetime, language: str) -> Arrival:
    """Who sent /start; someone back after blocking the bot gets their reminders again.
    A user from before languages were stored keeps the one they are spoken to in now."""
    user = await users.get_user(tx, user_id)
    if user is not None and user.consent and user.language is None:
        user.language = language
    if user is not None and user.consent and not user.active:
        user.active = True
        await reminders.reschedule(tx, user, now)
    return Arrival(user, await dialogs.get_dialog(tx, user_id) if user else None)


def agreed_to_current_text(user: User | None) -> bool:
    return user is not None and consent.is_current(user.consent, user.consent_version)


class Consented(Enum):
    ALREADY = "already"  # they had agreed to this text: nothing changed
    RECORDED = "recorded"  # a yes (setting up starts) or a no
    RENEWED = "renewed"  # a set-up user agreed to the changed text: on as before


async def record_consent(
    tx: Tx, user_id: int, agreed: bool, now: datetime, language: str
) -> Consented:
    """Store the answer to the consent question, with the version of the text and the time
    (and `language`, the one the question was asked in, for a new user)."""
    user = await users.get_user(tx, user_id)
    if agreed and agreed_to_current_text(user):
        return Consented.ALREADY
    renewed = agreed and user is not None and user.onboarded
    await users.record_consent(tx, user_id, agreed, consent.VERSION, now, language)
    if renewed:
        return Consented.RENEWED
    if agreed:
        await dialogs.open_dialog(tx, user_id, Flow.ONBOARDING, SetupStep.ZONE, now)
    else:
        await dialogs.close_dialog(tx, user_id)
    return Consented.RECORDED


@dataclass(frozen=True)
class Stored:
    """After a setting was stored: the dialog still open (its next step), or what was
    finished (onboarding: all set; settings: back to the settings screen)."""

    user: User
    dialog: Dialog | None
    finished: Flow | None = None
    reminders: dict[Kind, Reminder] = field(default_factory=dict)


def in_setup(dialog: Dialog | None, step: str | None = None) -> bool:
    """Whether the dialog takes a zone or a time (at `step`, when given)."""
    return (
        dialog is not None
        and dialog.flow in (Flow.ONBOARDING, Flow.SETTINGS)
        and (step is None or dialog.step == step)
    )


async def set_zone(tx: Tx, dialog: Dialog, zone: str, now: datetime) -> Stored:
    dialog.user.timezone = zone
    return await _next(tx, dialog, now)


async def set_time(tx: Tx, dialog: Dialog, at: time, now: datetime) -> Stored:
    if dialog.step == SetupStep.CHECKIN_TIME:
        dialog.user.checkin_time = at
    else:
        dialog.user.morning_time = at
    return await _next(tx, dialog, now)


async def set_opt_in(tx: Tx, dialog: Dialog, wanted: bool, now: datetime) -> Stored:
    """The monthly summary's or the weekly feedback's yes or no (the dialog's step says which)."""
    if dialog.step == SetupStep.WEEKLY:
        dialog.user.weekly_feedback = wanted
    else:
        dialog.user.monthly_summary = wanted
    return await _next(tx, dialog, now)


async def _next(tx: Tx, dialog: Dialog, now: datetime) -> Stored:
    """Onboarding goes on to its next step; the last one, or a change in /settings, ends
    the dialog and schedules the reminders at once."""
    user = dialog.user
    if dialog.flow == Flow.ONBOARDING and dialog.step != ONBOARDING_ORDER[-1]:
        dialog.step = ONBOARDING_ORDER[ONBOARDING_ORDER.index(SetupStep(dialog.step)) + 1]
        dialog.updated_at = now
        return Stored(user, dialog)
    finished = Flow(dialog.flow)
    user.onboarded = True
    await dialogs.close_dialog(tx, user.id)
    return Stored(user, None, finished, await reminders.reschedule(tx, user, now))
