"""Help, the private-chat guard, unknown commands and anything that is not text."""

from __future__ import annotations

from html import escape

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.texts import NOT_TEXT, PRIVATE_ONLY, UNKNOWN_COMMAND, help_text
from handlers.context import BotContext
from handlers.dialog_screen import show_current


async def cmd_help(update: Update, context: BotContext) -> None:
    await update.effective_message.reply_text(help_text())


async def private_only(update: Update, context: BotContext) -> None:
    """Groups and channels: one polite reply to a message, nothing stored, nothing else runs."""
    chat = update.effective_chat
    if chat is not None and chat.type == chat.PRIVATE:
        return
    if update.callback_query is not None:
        await update.callback_query.answer(PRIVATE_ONLY[:200])
    elif update.message is not None:
        await update.message.reply_text(PRIVATE_ONLY)
    raise ApplicationHandlerStop


async def unknown_command(update: Update, context: BotContext) -> None:
    command = (update.effective_message.text or "").split()[0]
    text = f"{UNKNOWN_COMMAND.format(command=escape(command[:40]))}\n\n{help_text()}"
    await update.effective_message.reply_text(text)
    await show_current(update, context, "And here is where you were:")


async def not_text(update: Update, context: BotContext) -> None:
    shown = await show_current(update, context, f"<i>{NOT_TEXT}</i>")
    if not shown:
        await update.effective_message.reply_text(
            f"{NOT_TEXT} Type a question about RLS, or see /help."
        )
