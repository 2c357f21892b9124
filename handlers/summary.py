"""/summary: a month in a chart and a few lines; also sent on the 1st to those who asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from telegram import InlineKeyboardMarkup, InputFile, Update
from telegram.ext import ExtBot

from bot.data import Tx, users
from bot.i18n import Texts
from bot.services import entries, summaries
from handlers import callbacks, updates
from handlers.callbacks import Day
from handlers.context import BotContext
from handlers.entries import NEEDS_START, STALE
from handlers.summary_view import summary_text
from handlers.views import CAPTION_LIMIT, View, button, send_view, shown_length
from models import User


@dataclass(frozen=True)
class MonthMessage:
    text: str
    chart: bytes | None
    markup: InlineKeyboardMarkup | None
    title: str


async def month_message(
    tx: Tx, user: User, first: date, t: Texts, with_picker: bool = True
) -> tuple[summaries.Month, MonthMessage]:
    """The month read in the transaction, and its message but for the chart (drawn after)."""
    month = await summaries.month(tx, user, first, with_picker)
    keyboard = [
        [button(t.month_year(other), callbacks.MONTH.encode(Day(other)))] for other in month.others
    ]
    markup = InlineKeyboardMarkup(keyboard) if keyboard else None
    text = summary_text(month.summary, t)
    return month, MonthMessage(text, None, markup, t.month_year(first))


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


async def with_chart(month: summaries.Month, message: MonthMessage, t: Texts) -> MonthMessage:
    chart = await summaries.chart(month, t)
    return MonthMessage(message.text, chart, message.markup, message.title)


async def _show(update: Update, context: BotContext, first: date | None) -> None:
    t, now = context.texts, context.now()
    found = None
    async with context.transaction() as tx:
        user = await users.get_user(tx, updates.user_id(update))
        if user is not None and entries.ready(user):
            found = await month_message(tx, user, first or summaries.this_month(user, now), t)
    if found is None:
        await updates.message(update).reply_text(t.gettext(NEEDS_START))
        return
    await deliver(context.bot, updates.chat_id(update), await with_chart(*found, t))


async def cmd_summary(update: Update, context: BotContext) -> None:
    await _show(update, context, None)


async def on_month(update: Update, context: BotContext) -> None:
    """sm:YYYYMM from the month picker."""
    query = updates.tap(update)
    tap = callbacks.MONTH.decode(query.data)
    if tap is None:
        await query.answer(context.texts.gettext(STALE))
        return
    await _show(update, context, tap.day)
    await query.answer()
