"""The dialogs, in one table: for each flow, its current screen and its typed answers.

This is the one place that knows which flows exist; nothing is registered as a side effect
of an import.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from telegram import Update

from bot.core.dialogs import Flow
from bot.data import Tx, dialogs
from bot.i18n import Texts
from bot.parsing import InputParser
from handlers import entries, report_steps, settings, start, updates
from handlers.context import BotContext
from handlers.shown import NotAnAnswer, Shown, show
from handlers.views import View
from models import Dialog

Screen = Callable[[Tx, Dialog, datetime, Texts], Awaitable[View]]
TypedAnswer = Callable[
    [Tx, Dialog, str, datetime, Texts, InputParser], Awaitable[Shown | NotAnAnswer]
]


@dataclass(frozen=True)
class FlowHandlers:
    screen: Screen  # the dialog's current screen
    on_text: TypedAnswer  # a typed answer, or what to show when the text is none


FLOWS: dict[Flow, FlowHandlers] = {
    Flow.ONBOARDING: FlowHandlers(start.screen, start.on_text),
    Flow.SETTINGS: FlowHandlers(settings.screen, settings.on_text),
    Flow.CHECKIN: FlowHandlers(entries.screen, entries.on_text),
    Flow.MORNING: FlowHandlers(entries.screen, entries.on_text),
    Flow.REPORT: FlowHandlers(report_steps.screen, report_steps.on_text),
}


async def current_screen(tx: Tx, dialog: Dialog, now: datetime, t: Texts) -> View:
    return await FLOWS[Flow(dialog.flow)].screen(tx, dialog, now, t)


async def show_current(update: Update, context: BotContext, prefix: str | None = None) -> bool:
    """Send the current question again (its old message's buttons come off), so the user
    always sees where they are; False when the user has no open dialog."""
    async with context.transaction() as tx:
        dialog = await dialogs.get_dialog(tx, updates.user_id(update))
        if dialog is None:
            return False
        view = await current_screen(tx, dialog, context.now(), context.texts)
        old = dialog.message_id
    await show(update, context, Shown(live=view.with_prefix(prefix), retire=old))
    return True
