"""One error handler: log what broke (never user content), reassure the user."""

from __future__ import annotations

import logging
import traceback

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot.texts import ERROR
from handlers.context import BotContext

log = logging.getLogger(__name__)


def describe(error: BaseException) -> str:
    """Exception type and stack, without the message: messages can quote user input or SQL."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    return f"{type(error).__module__}.{type(error).__qualname__}\n{frames}"


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    if error is None:
        return
    kind = "update" if isinstance(update, Update) else "job"
    log.error("error while handling an %s: %s", kind, describe(error))
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if isinstance(error, Forbidden):
        return  # the user blocked the bot: there is nobody to tell
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(ERROR[:200], show_alert=True)
        else:
            await context.bot.send_message(update.effective_chat.id, ERROR)
    except TelegramError:
        log.warning("could not tell the user about the error")
