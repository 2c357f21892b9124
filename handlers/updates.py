"""The parts of an update a handler is registered for, typed.

PTB types every part of an Update as optional, since an update carries one kind of content;
a handler wired to taps always gets a callback query, one wired to commands a message. These
return that part, or raise when the wiring in handlers/__init__.py says otherwise.
"""

from __future__ import annotations

from telegram import CallbackQuery, Message, Update


class NotThatUpdate(TypeError):
    """A handler got an update of a kind it is not registered for."""


def tap(update: Update) -> CallbackQuery:
    if update.callback_query is None:
        raise NotThatUpdate("a callback query was expected")
    return update.callback_query


def tapped_message(update: Update) -> Message:
    """The message whose button was tapped (Telegram only edits accessible ones)."""
    message = tap(update).message
    if not isinstance(message, Message):
        raise NotThatUpdate("the tapped message is no longer accessible")
    return message


def message(update: Update) -> Message:
    if update.effective_message is None:
        raise NotThatUpdate("a message was expected")
    return update.effective_message


def user_id(update: Update) -> int:
    if update.effective_user is None:
        raise NotThatUpdate("an update from a user was expected")
    return update.effective_user.id


def chat_id(update: Update) -> int:
    if update.effective_chat is None:
        raise NotThatUpdate("an update in a chat was expected")
    return update.effective_chat.id
