"""A doctor's report's typed steps, for the flows table: a date, or a name for the header."""

from __future__ import annotations

from datetime import datetime

from bot.core.dialogs import ReportStep
from bot.core.problems import Problem
from bot.core.report_choices import read_name_step
from bot.data import Tx, users
from bot.i18n import Texts
from bot.i18n.problems import problem_text
from bot.parsing import InputParser
from bot.services import report_choices
from handlers.export_view import day_view, name_view, notes_view, ready_view
from handlers.shown import NotAnAnswer, Shown
from handlers.views import View
from models import Dialog


async def screen(tx: Tx, dialog: Dialog, now: datetime, t: Texts) -> View:
    choices = read_name_step(dialog.step, dialog.night)
    if choices is not None:
        return name_view(choices, (await users.report_details(tx, dialog.user)).name, t)
    step = ReportStep.APPOINTMENT if dialog.step == ReportStep.APPOINTMENT else ReportStep.SINCE
    return day_view(step, t)


async def on_text(
    tx: Tx, dialog: Dialog, text: str, now: datetime, t: Texts, parser: InputParser
) -> Shown | NotAnAnswer:
    """A typed date leads to the notes question; a typed name to the button that makes
    the report. Text that is neither gets the step's hint (or, if a question, the FAQ)."""
    old = dialog.message_id
    try:
        named = await report_choices.type_name(tx, dialog, text, parser)
        if named is not None:
            return Shown(sends=(ready_view(*named, t),), retire=old)
        choices = await report_choices.type_day(tx, dialog, text, now, parser)
    except Problem as problem:
        live = await screen(tx, dialog, now, t)
        return NotAnAnswer(live=live, hint=problem_text(t, problem), retire=old)
    return Shown(sends=(notes_view(choices, t),), retire=old)
