"""Showing the live question of whichever dialog a user is in, as a new message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Current:
    """The live question's screen, and the message that showed it until now."""

    view: View
    old_message: int | None


async def screen_of(session: AsyncSession, dialog: Dialog, now: datetime) -> Current:
    """Within a transaction: the screen of a dialog at its current step."""
    user = await users.get_user(session, dialog.user_id)
    view = await SCREENS[dialog.flow](session, user, dialog, now)
    return Current(view, dialog.message_id)


async def present(
    update: Update, context: BotContext, current: Current, prefix: str | None = None
) -> None:
    """Send the screen as a new message, retire the old one's buttons, remember the new."""
    chat_id = update.effective_chat.id
    view = current.view.with_prefix(prefix) if prefix else current.view
    await retire_keyboard(context.bot, chat_id, current.old_message)
    message = await send_view(context.bot, chat_id, view)
    live = message.message_id if isinstance(view.markup, InlineKeyboardMarkup) else None
    async with context.session() as session:
        await users.set_dialog_message(session, update.effective_user.id, live)


async def show_current(update: Update, context: BotContext, prefix: str | None = None) -> bool:
    """Send the current question again, retiring the old message's buttons.

    Used after a typed answer, a stale tap or anything unexpected, so the user always
    sees where they are. Returns False when the user has no open dialog.
    """
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
        current = None if dialog is None else await screen_of(session, dialog, context.now())
    if current is None:
        return False
    await present(update, context, current, prefix)
    return True
