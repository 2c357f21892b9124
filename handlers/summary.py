"""/summary: a month in a chart and a few lines; also sent on the 1st to those who asked."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, InputFile, Update
from telegram.ext import ExtBot

from bot.core import history, users
from bot.core.nights import local_time
from bot.core.summary import month_title, months_with_entries, summarize, summary_text
from bot.reports.chart import month_chart
from bot.texts import NEEDS_START
from handlers.context import BotContext
from handlers.views import CAPTION_LIMIT, View, button, send_view, shown_length
from models import User

MIN_NIGHTS_FOR_CHART = 3
PICKER_MONTHS = 6


@dataclass(frozen=True)
class MonthMessage:
    text: str
    chart: bytes | None
    markup: InlineKeyboardMarkup | None
    title: str


def month_start(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return month_start(month, -1) - timedelta(days=1)


async def month_message(
    session: AsyncSession, user: User, month: date, with_picker: bool = True
) -> MonthMessage:
    """The summary of one month: text, chart (from 3 nights on) and other months as buttons."""
    records = await history.nights(session, user, month, month_end(month))
    previous_month = month_start(month, 1)
    previous = await history.nights(session, user, previous_month, month_end(previous_month))
    text = summary_text(summarize(records, month, previous))
    chart = None
    if len(records) >= MIN_NIGHTS_FOR_CHART:
        chart = await asyncio.to_thread(month_chart, records, month)
    markup = None
    if with_picker:
        others = [
            m
            for m in months_with_entries(await history.entry_nights(session, user.id))
            if m != month
        ][:PICKER_MONTHS]
        keyboard = [[button(month_title(m), f"sm:{m:%Y%m}")] for m in others]
        markup = InlineKeyboardMarkup(keyboard) if keyboard else None
    return MonthMessage(text, chart, markup, month_title(month))


async def deliver(bot: ExtBot[None], chat_id: int, message: MonthMessage) -> int:
    """Chart with the text as its caption when it fits; else the chart, then the text."""
    if message.chart is None:
        sent = await send_view(bot, chat_id, View(message.text, message.markup))
        return sent.message_id
    photo = InputFile(message.chart, filename="stillnight-month.png")
    if shown_length(message.text) <= CAPTION_LIMIT:
        sent = await bot.send_photo(
            chat_id, photo, caption=message.text, reply_markup=message.markup
        )
        return sent.message_id
    await bot.send_photo(chat_id, photo, caption=f"<b>{message.title}</b>")
    sent = await send_view(bot, chat_id, View(message.text, message.markup))
    return sent.message_id


async def _show(update: Update, context: BotContext, month: date | None) -> None:
    now: datetime = context.now()
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is None or not user.consent or not user.onboarded:
            message = None
        else:
            month = month or month_start(local_time(now, user.timezone).date())
            message = await month_message(session, user, month)
    if message is None:
        await update.effective_message.reply_text(NEEDS_START)
    else:
        await deliver(context.bot, update.effective_chat.id, message)


async def cmd_summary(update: Update, context: BotContext) -> None:
    await _show(update, context, None)


async def on_month(update: Update, context: BotContext) -> None:
    """sm:YYYYMM from the month picker."""
    query = update.callback_query
    raw = (query.data or "").removeprefix("sm:")
    try:
        month = datetime.strptime(raw, "%Y%m").date()
    except ValueError:
        await query.answer("That button is no longer in use.")
        return
    await _show(update, context, month)
    await query.answer()
