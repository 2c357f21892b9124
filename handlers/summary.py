"""/summary: a month in a chart and a few lines, its details behind a button; also sent on
the 1st to those who asked. The weekly feedback's message too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from telegram import InlineKeyboardMarkup, InputFile, Update
from telegram.ext import ExtBot

from bot.data import Tx, users
from bot.i18n import N_, Texts
from bot.services import entries, summaries
from handlers import callbacks, updates
from handlers.callbacks import Day
from handlers.context import BotContext
from handlers.entries import NEEDS_START, STALE
from handlers.summary_view import details_text, has_details, summary_text
from handlers.summary_week_view import week_text
from handlers.views import CAPTION_LIMIT, View, button, send_view, shown_length
from models import User

DETAILS = N_("🔎 More details")


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
    if has_details(month.summary):
        details = button(t.gettext(DETAILS), callbacks.DETAILS.encode(Day(first)))
        keyboard.insert(0, [details])
    markup = InlineKeyboardMarkup(keyboard) if keyboard else None
    text = summary_text(month.summary, t)
    return month, MonthMessage(text, None, markup, t.month_year(first))


async def week_view(tx: Tx, user: User, monday_after: date, t: Texts) -> View:
    """The weekly feedback on the week that ended the day before `monday_after`."""
    return View(week_text(await summaries.week(tx, user, monday_after), t))


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
            found = await month_message(tx, user, first or summaries.month_to_show(user, now), t)
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


async def on_details(update: Update, context: BotContext) -> None:
    """sd:YYYYMM, the summary's details button: what the summary leaves out, as a new
    message below it (the summary may be a photo's caption)."""
    query, t = updates.tap(update), context.texts
    tap = callbacks.DETAILS.decode(query.data)
    found = None
    async with context.transaction() as tx:
        user = await users.get_user(tx, updates.user_id(update))
        if tap is not None and user is not None and entries.ready(user):
            found = await summaries.month(tx, user, tap.day, with_picker=False)
    if found is None:
        await query.answer(t.gettext(STALE))
        return
    await send_view(context.bot, updates.chat_id(update), View(details_text(found.summary, t)))
    await query.answer()
