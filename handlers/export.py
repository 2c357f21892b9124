"""/export: a spreadsheet, a report for the doctor, or everything stored (JSON)."""

from __future__ import annotations

import asyncio
from datetime import date

from telegram import InlineKeyboardMarkup, InputFile, Update

from bot.core import history, users
from bot.core.nights import local_time
from bot.core.privacy import export_everything, export_json
from bot.core.summary import summarize
from bot.reports.chart import month_chart
from bot.reports.csv_export import nights_csv
from bot.reports.pdf_report import doctor_report
from bot.texts import NEEDS_START
from handlers.context import BotContext
from handlers.summary import month_start
from handlers.views import View, button, edit_view, send_view

MENU = (
    "<b>Export</b>: what would you like?\n"
    "• A <b>report for your doctor</b> (PDF): your nights, a chart and the trends.\n"
    "• A <b>spreadsheet</b> (CSV) with every answer, one row per night.\n"
    "• <b>Everything stored about you</b> (JSON), for your records."
)
PERIODS = {"1": "This month", "3": "Last 3 months", "0": "Everything"}
EARLIEST = date(2000, 1, 1)


async def cmd_export(update: Update, context: BotContext) -> None:
    keyboard = [
        [button("📄 Report for my doctor (PDF)", "ex:pdf")],
        [button("📊 Spreadsheet (CSV)", "ex:csv")],
        [button("🔒 Everything stored about me", "ex:json")],
    ]
    await send_view(
        context.bot, update.effective_chat.id, View(MENU, InlineKeyboardMarkup(keyboard))
    )


def _period_view() -> View:
    keyboard = [[button(label, f"ex:pdf:{months}")] for months, label in PERIODS.items()]
    return View("<b>Report for your doctor</b>: which period?", InlineKeyboardMarkup(keyboard))


def _notes_view(months: str) -> View:
    keyboard = [
        [button("Yes, include my notes", f"ex:pdf:{months}:y")],
        [button("No, leave them out", f"ex:pdf:{months}:n")],
    ]
    return View("Include your own notes in the report?", InlineKeyboardMarkup(keyboard))


async def on_button(update: Update, context: BotContext) -> None:
    """ex:csv | ex:json | ex:pdf[:<months>[:y|n]]."""
    query = update.callback_query
    parts = (query.data or "").split(":")[1:]
    if parts[:1] == ["pdf"] and len(parts) == 1:
        await edit_view(query.message, _period_view())
    elif parts[:1] == ["pdf"] and len(parts) == 2 and parts[1] in PERIODS:
        await edit_view(query.message, _notes_view(parts[1]))
    elif parts[:1] in (["csv"], ["json"]) or (
        len(parts) == 3 and parts[1] in PERIODS and parts[2] in ("y", "n")
    ):
        await query.answer("Preparing your file…")
        await _send_file(update, context, parts)
        return
    else:
        await query.answer("That button is no longer in use.")
        return
    await query.answer()


async def _send_file(update: Update, context: BotContext, parts: list[str]) -> None:
    now = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is None or not user.consent:
            await update.effective_message.reply_text(NEEDS_START)
            return
        today = local_time(now, user.timezone or "UTC").date()
        if parts[0] == "json":
            data = export_json(await export_everything(session, user.id))
            name, caption = "stillnight-my-data.json", "Everything stored about you."
        elif parts[0] == "csv":
            records = await history.nights(session, user, EARLIEST, today, saved_only=False)
            data = nights_csv(records)
            name, caption = "stillnight-nights.csv", "Your nights, one row each."
        else:
            months = int(parts[1])
            start = month_start(today, months - 1) if months else EARLIEST
            records = await history.nights(session, user, start, today)
            start = records[0].night if records and not months else start
            data = await asyncio.to_thread(_pdf, records, start, today, parts[2] == "y")
            name, caption = "stillnight-report.pdf", "Your report for your doctor."
    document = InputFile(data, filename=name)
    await context.bot.send_document(update.effective_chat.id, document, caption=caption)


def _pdf(records: list, start: date, end: date, include_notes: bool) -> bytes:
    """Built off the event loop: charts and PDFs take tens of milliseconds."""
    latest = month_start(end)
    in_latest = [r for r in records if r.night >= latest]
    earlier = [r for r in records if month_start(latest, 1) <= r.night < latest]
    summary = summarize(in_latest, latest, earlier) if records else None
    chart = month_chart(in_latest, latest) if in_latest else None
    return doctor_report(records, start, end, summary, include_notes, end, chart)
