"""/export: a spreadsheet, a report for the doctor, or everything stored (JSON).

A report's choices are taps, except the dates and the name, which are typed in a report
dialog (handlers/report_steps.py); each button carries the choices made before it.
"""

from __future__ import annotations

from telegram import InputFile, Update

from bot.core.dialogs import ReportStep
from bot.core.periods import Choice
from bot.core.report_choices import ReportChoices
from bot.data import Tx, users
from bot.i18n import LANGUAGES
from bot.services import exports, report_choices
from handlers import callbacks, updates
from handlers.callbacks import ExportTap
from handlers.context import BotContext
from handlers.entries import NEEDS_START, STALE
from handlers.export_view import (
    day_view,
    languages_view,
    menu_view,
    name_view,
    notes_view,
    period_view,
)
from handlers.shown import Shown, show
from handlers.views import View, edit_view
from models import User

FILES = ("csv", "json")


async def cmd_export(update: Update, context: BotContext) -> None:
    await show(update, context, Shown(sends=(menu_view(context.texts),)))


async def on_button(update: Update, context: BotContext) -> None:
    """ex:<what>:[<period>]:[y|n]:[<first night>]:[u|n]: see ExportTap."""
    query, t = updates.tap(update), context.texts
    tap = callbacks.EXPORT.decode(query.data)
    report = tap is not None and tap.what in ("pdf", "lang")
    if tap is None or (not report and any((tap.period, tap.notes, tap.since, tap.name))):
        await query.answer(t.gettext(STALE))
        return
    if tap.language is not None and tap.language not in LANGUAGES:
        await query.answer(t.gettext(STALE))
        return
    choices = None
    if report and tap.period is not None:
        choices = ReportChoices(Choice(tap.period), tap.notes == "y", tap.since, tap.language)
    if tap.what == "lang" and choices is not None:
        await edit_view(updates.tapped_message(update), languages_view(choices, t))
        await query.answer()
        return
    if tap.what in FILES or (choices and tap.notes and tap.name and choices.complete()):
        await query.answer(t.gettext("Preparing your file…"))
        await _send_file(update, context, tap, choices)
        return
    edit: View | None
    step: Shown | None
    async with context.transaction() as tx:
        user = await users.get_user(tx, updates.user_id(update))
        if user is None or not user.consent:
            edit, step = View(t.gettext(NEEDS_START)), None
        else:
            edit, step = await _next(tx, user, tap, choices, update, context)
    if edit is not None:
        await edit_view(updates.tapped_message(update), edit)
    await query.answer()
    if step is not None:
        await show(update, context, step)


async def _next(
    tx: Tx,
    user: User,
    tap: ExportTap,
    choices: ReportChoices | None,
    update: Update,
    context: BotContext,
) -> tuple[View | None, Shown | None]:
    """The next screen of a report's choices: the tapped message edited, or a typed step
    (a date) sent as the dialog's own message."""
    t, now = context.texts, context.now()
    if tap.what == "appt" or (choices and not choices.complete()):
        step = (
            ReportStep.SINCE
            if choices and choices.period is Choice.SINCE
            else ReportStep.APPOINTMENT
        )
        dialog = await report_choices.ask_day(tx, user, step, now)
        return None, Shown(live=day_view(step, t), retire=dialog.message_id)
    if choices is None:  # the periods, from the menu or back from a typed step
        await report_choices.close(tx, user)
        return period_view((await users.report_details(tx, user)).appointment, t), None
    if tap.notes is None:
        return notes_view(choices, t), None
    asking = updates.tapped_message(update).message_id  # edited into the name view
    await report_choices.ask_name(tx, user, choices, now, asking)
    return name_view(choices, (await users.report_details(tx, user)).name, t), None


async def _send_file(
    update: Update, context: BotContext, tap: ExportTap, choices: ReportChoices | None
) -> None:
    t, now = context.texts, context.now()
    request = None
    async with context.transaction() as tx:
        user = await users.get_user(tx, updates.user_id(update))
        if user is None or not user.consent:
            await updates.message(update).reply_text(t.gettext(NEEDS_START))
            return
        if tap.what == "json":
            data = await exports.everything(tx, user, now)
            name, caption = "stillnight-my-data.json", t.gettext("Everything stored about you.")
        elif tap.what == "csv":
            data = await exports.spreadsheet(tx, user, now, t)
            name, caption = "stillnight-nights.csv", t.gettext("Your nights, one row each.")
        elif choices is not None:
            await report_choices.close(tx, user)
            kept = (await users.report_details(tx, user)).name
            request = await exports.report_request(
                tx, user, choices.period, now, choices.notes, t, since=choices.since,
                name=kept if tap.name == "u" else None, language=choices.language,
            )  # fmt: skip
    if request is not None:
        data = await exports.doctor_report(request)
        name, caption = "stillnight-report.pdf", t.gettext("Your report for your doctor.")
    document = InputFile(data, filename=name)
    await context.bot.send_document(updates.chat_id(update), document, caption=caption)
    if tap.what == "csv":
        key = InputFile(exports.data_dictionary(t), filename="stillnight-nights-dictionary.csv")
        caption = t.gettext("What each column holds: its meaning, unit and codes.")
        await context.bot.send_document(updates.chat_id(update), key, caption=caption)
