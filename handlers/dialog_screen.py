"""Showing the live question of whichever dialog a user is in, as a new message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update

from bot.core import users
from handlers.context import BotContext
from handlers.views import View, retire_keyboard, send_view
from models import Dialog, User

Screen = Callable[[AsyncSession, User, Dialog, datetime], Awaitable[View]]
SCREENS: dict[str, Screen] = {}


def register_screen(flow: str, screen: Screen) -> None:
    SCREENS[flow] = screen


async def show_current(update: Update, context: BotContext, prefix: str | None = None) -> bool:
    """Send the current question again, retiring the old message's buttons.

    Used after a typed answer, a stale tap or anything unexpected, so the user always
    sees where they are. Returns False when the user has no open dialog.
    """
    chat_id = update.effective_chat.id
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
        if dialog is None:
            return False
        user = await users.get_user(session, dialog.user_id)
        view = await SCREENS[dialog.flow](session, user, dialog, context.now())
        old_message = dialog.message_id
    await retire_keyboard(context.bot, chat_id, old_message)
    message = await send_view(context.bot, chat_id, view.with_prefix(prefix) if prefix else view)
    live = message.message_id if isinstance(view.markup, InlineKeyboardMarkup) else None
    async with context.session() as session:
        await users.set_dialog_message(session, update.effective_user.id, live)
    return True
