"""One error handler: log what broke (never user content), reassure the user."""

from __future__ import annotations

import logging
import traceback

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.i18n import N_
from handlers import dedupe, updates
from handlers.context import BotContext

log = logging.getLogger(__name__)
ERROR = N_(
    "Sorry, something went wrong on my side. Your answers so far are safe. "
    "Please try again in a moment."
)


def describe(error: BaseException) -> str:
    """Exception type and stack, without the message: messages can quote user input or SQL."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    return f"{type(error).__module__}.{type(error).__qualname__}\n{frames}"


async def on_error(update: object, context: BotContext) -> None:
    """Log, tell the user once, and stop the update there.

    The update's claim, unless a transaction finished it, is given back, so an update
    that failed before storing anything is handled in full if it comes again.
    """
    error = context.error
    if error is None:
        return
    kind = "update" if isinstance(update, Update) else "job"
    log.error("error while handling an %s: %s", kind, describe(error))
    if not isinstance(update, Update):
        return
    await dedupe.release_claim(context)
    await _reassure(update, context, error)
    raise ApplicationHandlerStop


async def _reassure(update: Update, context: BotContext, error: Exception) -> None:
    if update.effective_chat is None or isinstance(error, Forbidden):
        return  # nobody to tell, or the user blocked the bot
    text = context.texts.gettext(ERROR)
    try:
        if update.callback_query is not None and await updates.tap(update).answer(
            text[:200], show_alert=True
        ):
            return
        await context.bot.send_message(updates.chat_id(update), text)  # no tap, or answered
    except TelegramError:
        log.warning("could not tell the user about the error")
