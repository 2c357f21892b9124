"""A rendered screen (text plus keyboard) and the few ways it reaches the chat."""

from __future__ import annotations

import html
import re
from contextlib import suppress
from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.error import BadRequest
from telegram.ext import ExtBot

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove
CAPTION_LIMIT = 1024


def shown_length(text: str) -> int:
    """The length Telegram checks: UTF-16 units of the text once HTML tags are parsed away."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", text))
    return len(plain.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class View:
    text: str
    markup: Markup | None = None

    def with_prefix(self, prefix: str | None) -> View:
        return View(f"{prefix}\n\n{self.text}", self.markup) if prefix else self


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def rows(buttons: list[InlineKeyboardButton], per_row: int) -> list[list[InlineKeyboardButton]]:
    return [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]


async def send_view(bot: ExtBot[None], chat_id: int, view: View) -> Message:
    return await bot.send_message(chat_id, view.text, reply_markup=view.markup)


async def edit_view(message: Message, view: View) -> None:
    """Edit a bot message in place (inline keyboards only, as Telegram allows).

    Telegram refuses an edit to what the message already shows ("message is not
    modified"): the message shows the view, which is all that was wanted. It happens after a
    crash: a tap was stored but its edit never made, and the user's next tap brings the
    answer back to what the message still shows. (The copy of the message that comes with a
    tap cannot tell: quick taps all carry the message as it was before any of them.)
    """
    markup = view.markup if isinstance(view.markup, InlineKeyboardMarkup) else None
    try:
        await message.edit_text(view.text, reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in error.message:
            raise


async def retire_keyboard(bot: ExtBot[None], chat_id: int, message_id: int | None) -> None:
    """Take the buttons off a message that no longer holds the live question."""
    if message_id is None:
        return
    with suppress(BadRequest):  # deleted by the user meanwhile: nothing left to retire
        await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
