"""What the check-in and the sleep diary share: opening a night's entry, applying a tap.

Both are one row per user and night (Checkin, SleepDiary) filled in through a dialog. A tap
counts only when it belongs to the user's open dialog, for that very entry, at the step
the dialog is at; anything else (an old message, a double tap, forged data) changes nothing
and the user is shown where they are.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.core import users
from bot.core.checkin_flow import AnswerError
from bot.core.checkin_steps import SAVED
from bot.texts import NEEDS_START
from handlers.context import BotContext
from handlers.dialog_screen import Current, present, screen_of, show_current
from handlers.views import View, edit_view
from models import Checkin, Dialog, SleepDiary, User

Entry = Checkin | SleepDiary
STALE = "That button is from an earlier screen, so I left everything as it was."


@dataclass(frozen=True)
class EntryForm:
    flow: str
    model: type[Checkin] | type[SleepDiary]
    default_night: Callable[[datetime, str], date]
    open_entry: Callable[[AsyncSession, int, date, datetime], Awaitable[Entry]]
    resume_step: Callable[[Entry], str]
    # Applies one tap; raises AnswerError when it does not fit.
    press: Callable[[AsyncSession, User, Dialog, Entry, str, datetime], Awaitable[None]]
    # The entry's screen at the dialog's step.
    entry_screen: Callable[[AsyncSession, User, Dialog, Entry, datetime], Awaitable[View]]
    where_now: str

    async def screen(
        self, session: AsyncSession, user: User, dialog: Dialog, now: datetime
    ) -> View:
        """The screen of the dialog's entry (created afresh if it was deleted meanwhile)."""
        entry = await self.open_entry(session, user.id, dialog.night, now)  # type: ignore[arg-type]
        return await self.entry_screen(session, user, dialog, entry, now)


def parse_button(data: str) -> tuple[int, str, str] | None:
    """<prefix>:<entry id>:<step>:<action>."""
    parts = data.split(":", 3)
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    return int(parts[1]), parts[2], parts[3]


async def begin(
    form: EntryForm, update: Update, context: BotContext, night: date | None = None
) -> None:
    """Open the entry of `night` (default: the current one) at its next open question."""
    now = context.now()
    current: Current | None = None
    async with context.session() as session:
        user = await users.get_user(session, update.effective_user.id)
        if user is not None and user.consent and user.onboarded:
            night = night or form.default_night(now, user.timezone or "UTC")
            entry = await form.open_entry(session, user.id, night, now)
            dialog = await users.get_dialog(session, user.id)
            opened = await users.open_dialog(
                session,
                user.id,
                form.flow,
                form.resume_step(entry),
                now,
                night=night,
                message_id=dialog.message_id if dialog else None,
            )
            current = await screen_of(session, opened, now)
    if current is not None:
        await present(update, context, current)
    else:
        await update.effective_message.reply_text(NEEDS_START)


async def on_button(form: EntryForm, update: Update, context: BotContext) -> None:
    query = update.callback_query
    parsed = parse_button(query.data or "")
    now = context.now()
    toast: str | None = None
    view: View | None = None
    async with context.session() as session:
        dialog = await users.get_dialog(session, update.effective_user.id)
        entry = await session.get(form.model, parsed[0]) if parsed else None
        live = (
            entry is not None
            and dialog is not None
            and dialog.flow == form.flow
            and entry.user_id == update.effective_user.id
            and entry.night == dialog.night
            and dialog.step == parsed[1]
        )
        if not live:
            toast = STALE
        else:
            user = await users.get_user(session, dialog.user_id)
            try:
                await form.press(session, user, dialog, entry, parsed[2], now)
            except AnswerError as error:
                toast = str(error)[:200]
            else:
                dialog.updated_at = now
                view = await form.entry_screen(session, user, dialog, entry, now)
                if dialog.step == SAVED:
                    await users.close_dialog(session, dialog.user_id)
    if view is not None:
        await edit_view(query.message, view)
    await query.answer(toast, show_alert=bool(toast and len(toast) > 60))
    if not live and dialog is not None and dialog.flow == form.flow:
        await show_current(update, context, form.where_now)
