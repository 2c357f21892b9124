"""/export: a spreadsheet, a report for the doctor, or everything stored (JSON)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, InputFile, Update

from bot.core.periods import Choice
from bot.data import users
from bot.i18n import N_, Texts
from bot.services import exports
from handlers import callbacks, updates
from handlers.callbacks import ExportTap
from handlers.context import BotContext
from handlers.entries import NEEDS_START, STALE
from handlers.shown import Shown, show
from handlers.views import View, button, edit_view

#: The report's periods, as buttons (each covers the nights that are over: never tonight).
PERIODS = {
    Choice.DAYS_30: N_("Last 30 days"),
    Choice.DAYS_90: N_("Last 90 days"),
    Choice.EVERYTHING: N_("Everything"),
}


def _data(what: str, period: str | None = None, notes: str | None = None) -> str:
    return callbacks.EXPORT.encode(ExportTap(what, period, notes))


def menu_view(t: Texts) -> View:
    text = t.gettext(
        "<b>Export</b>: what would you like?\n"
        "• A <b>report for your doctor</b> (PDF): your nights, a chart and the trends.\n"
        "• A <b>spreadsheet</b> (CSV) with every answer, one row per night.\n"
        "• <b>Everything stored about you</b> (JSON), for your records."
    )
    keyboard = [
        [button(t.gettext("📄 Report for my doctor (PDF)"), _data("pdf"))],
        [button(t.gettext("📊 Spreadsheet (CSV)"), _data("csv"))],
        [button(t.gettext("🔒 Everything stored about me"), _data("json"))],
    ]
    return View(text, InlineKeyboardMarkup(keyboard))


def _period_view(t: Texts) -> View:
    keyboard = [
        [button(t.gettext(label), _data("pdf", choice))] for choice, label in PERIODS.items()
    ]
    text = t.gettext("<b>Report for your doctor</b>: which period?")
    return View(text, InlineKeyboardMarkup(keyboard))


def _notes_view(period: str, t: Texts) -> View:
    keyboard = [
        [button(t.gettext("Yes, include my notes"), _data("pdf", period, "y"))],
        [button(t.gettext("No, leave them out"), _data("pdf", period, "n"))],
    ]
    return View(t.gettext("Include your own notes in the report?"), InlineKeyboardMarkup(keyboard))


async def cmd_export(update: Update, context: BotContext) -> None:
    await show(update, context, Shown(sends=(menu_view(context.texts),)))


async def on_button(update: Update, context: BotContext) -> None:
    """ex:csv:: | ex:json:: | ex:pdf:[<period>]:[y|n]."""
    query, t = updates.tap(update), context.texts
    tap = callbacks.EXPORT.decode(query.data)
    if tap is None or (tap.what != "pdf" and (tap.period or tap.notes)):
        await query.answer(t.gettext(STALE))
    elif tap.what == "pdf" and tap.period is None:
        await edit_view(updates.tapped_message(update), _period_view(t))
        await query.answer()
    elif tap.what == "pdf" and tap.notes is None:
        await edit_view(
            updates.tapped_message(update), _notes_view(tap.period or Choice.EVERYTHING, t)
        )
        await query.answer()
    else:
        await query.answer(t.gettext("Preparing your file…"))
        await _send_file(update, context, tap)


async def _send_file(update: Update, context: BotContext, tap: ExportTap) -> None:
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
        else:
            choice = Choice(tap.period or Choice.EVERYTHING)
            request = await exports.report_request(tx, user, choice, now, tap.notes == "y", t)
    if request is not None:
        data = await exports.doctor_report(request)
        name, caption = "stillnight-report.pdf", t.gettext("Your report for your doctor.")
    document = InputFile(data, filename=name)
    await context.bot.send_document(updates.chat_id(update), document, caption=caption)
    if tap.what == "csv":
        key = InputFile(exports.data_dictionary(t), filename="stillnight-nights-dictionary.csv")
        caption = t.gettext("What each column holds: its meaning, unit and codes.")
        await context.bot.send_document(updates.chat_id(update), key, caption=caption)
