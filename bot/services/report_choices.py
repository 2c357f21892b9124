"""A doctor's report's typed steps: the first night, the last appointment, a name.

The two dates and the name are typed in a dialog (any process can continue it). The
appointment and the name are kept (sealed, models/report_details.py) for the next report; a
typed start date is not (it travels in the buttons that follow).
"""

from __future__ import annotations

from datetime import datetime

from bot.core.dialogs import Flow, ReportStep
from bot.core.nights import local_time
from bot.core.periods import Choice
from bot.core.report_choices import REPORT_NAME_RULES, ReportChoices, name_step, read_name_step
from bot.data import Tx, dialogs, users
from bot.parsing import InputParser
from models import Dialog, User


async def ask_day(tx: Tx, user: User, step: ReportStep, now: datetime) -> Dialog:
    """Wait for a typed date: the first night (SINCE) or the last appointment."""
    return await dialogs.open_dialog(tx, user.id, Flow.REPORT, step, now)


async def ask_name(
    tx: Tx, user: User, choices: ReportChoices, now: datetime, message_id: int
) -> None:
    """Wait for a typed name (or a tap on Use / No name) with the choices made so far;
    `message_id` is the message that asks (its buttons come off once a name is typed)."""
    await dialogs.open_dialog(
        tx, user.id, Flow.REPORT, name_step(choices), now, night=choices.since
    )
    await dialogs.set_dialog_message(tx, user.id, message_id)


async def close(tx: Tx, user: User) -> None:
    """The report's steps are over (or left): its dialog, if it is one, closes."""
    dialog = await dialogs.get_dialog(tx, user.id)
    if dialog is not None and dialog.flow == Flow.REPORT:
        await dialogs.close_dialog(tx, user.id)


async def type_day(
    tx: Tx, dialog: Dialog, text: str, now: datetime, parser: InputParser
) -> ReportChoices:
    """The typed date, as the period's start (an appointment is kept); raises Problem."""
    user = dialog.user
    day = parser.day(text, local_time(now, user.zone).date())
    if dialog.step == ReportStep.APPOINTMENT:
        await users.keep_report_details(tx, user, appointment=day)
        period = Choice.APPOINTMENT
    else:
        period = Choice.SINCE
    await dialogs.close_dialog(tx, user.id)
    return ReportChoices(period, notes=False, since=day)


async def type_name(
    tx: Tx, dialog: Dialog, text: str, parser: InputParser
) -> tuple[ReportChoices, str | None] | None:
    """The choices and the name for the header (kept for next time), or None without one
    ("none", "skip", "no"); raises Problem for a name that does not fit. None as a whole
    when the dialog is not at the name step."""
    choices = read_name_step(dialog.step, dialog.night)
    if choices is None:
        return None
    declined = parser.says_none(text) or parser.is_skip(text) or parser.yes_no(text) is False
    name = None if declined else REPORT_NAME_RULES.read(text)
    if name is not None:
        await users.keep_report_details(tx, dialog.user, name=name)
    await dialogs.close_dialog(tx, dialog.user.id)
    return choices, name
