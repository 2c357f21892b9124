"""What an update shows once its transaction has committed, and showing it.

Replies go out after the commit, so an answer is stored even when a reply fails. The live
screen of a dialog (the message whose buttons answer it) is sent as a new message: the
buttons come off the one that held it until now, and the new message's id is noted in a
second short transaction, so the next screen can take its buttons off in turn.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update

from bot.data import dialogs
from handlers import updates
from handlers.context import BotContext
from handlers.views import View, retire_keyboard, send_view


@dataclass(frozen=True)
class Shown:
    """`retire` loses its buttons first, then `sends` go out in order, then `live`."""

    sends: tuple[View, ...] = ()
    live: View | None = None
    retire: int | None = None


@dataclass(frozen=True)
class NotAnAnswer:
    """Typed text that answers nothing at the dialog's step: its screen (`live`, whose
    message `retire` held the buttons until now) and the step's own hint. Unless the text
    is a question, the hint and the screen are all it gets."""

    live: View
    hint: str
    retire: int | None = None


async def show(update: Update, context: BotContext, shown: Shown) -> None:
    chat_id = updates.chat_id(update)
    await retire_keyboard(context.bot, chat_id, shown.retire)
    for view in shown.sends:
        await send_view(context.bot, chat_id, view)
    if shown.live is None:
        return
    message = await send_view(context.bot, chat_id, shown.live)
    keeps = isinstance(shown.live.markup, InlineKeyboardMarkup)
    async with context.transaction() as tx:
        await dialogs.set_dialog_message(
            tx, updates.user_id(update), message.message_id if keeps else None
        )
