"""A tap is answered in time even when the database is slow (bot/telegram_bot.py says how)."""

from __future__ import annotations

from telegram import Update

from bot.telegram_bot import TapAnsweringBot
from handlers.context import BotContext


async def answer_in_time(update: Update, context: BotContext) -> None:
    """Runs first, before anything waits for the database."""
    if update.callback_query is not None and isinstance(context.bot, TapAnsweringBot):
        delay = context.bot_data.settings.tap_answer_seconds
        context.bot.answer_later(update.callback_query.id, delay)


def handled_before(update: Update, context: BotContext) -> None:
    """A tap delivered again was answered (or left to stop spinning) the first time."""
    if update.callback_query is not None and isinstance(context.bot, TapAnsweringBot):
        context.bot.never_answer(update.callback_query.id)
