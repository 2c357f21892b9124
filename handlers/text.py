"""Every typed message goes through here: safety first, then the open dialog, then the FAQ
(outside a dialog, in the same transaction, which remembers the topic for follow-ups).

One transaction reads the dialog and, when the text answers its step, stores the answer;
when it doesn't, the same transaction gives the screen to show again after the FAQ's reply.
"""

from __future__ import annotations

from telegram import Update

from bot import faq
from bot.core.dialogs import Flow
from bot.data import dialogs
from bot.i18n import N_
from handlers import updates
from handlers.context import BotContext
from handlers.faq import answer_outside_dialog, answer_view, help_lines
from handlers.flows import FLOWS, current_screen
from handlers.shown import Shown, show
from handlers.views import View

WAITING = N_("Your answers are saved; here is where you left off:")
TAP_PLEASE = N_("For this question, please tap one of the buttons below (or Skip).")


async def on_text(update: Update, context: BotContext) -> None:
    text = updates.message(update).text or ""
    t, now = context.texts, context.now()
    urgent = faq.safety_reply(text, t)
    if urgent is not None and urgent.kind == "crisis":
        # A crisis reply stands alone, with the lines of the user's country; any open
        # dialog simply waits.
        lines = await help_lines(context, updates.user_id(update))
        urgent = faq.safety_reply(text, t, lines) or urgent
        await show(update, context, Shown(sends=(View(urgent.text),)))
        return
    answered: Shown | None = None
    waiting: View | None = None
    old: int | None = None
    async with context.transaction() as tx:
        dialog = await dialogs.get_dialog(tx, updates.user_id(update))
        if dialog is not None:
            flow = FLOWS[Flow(dialog.flow)]
            answered = await flow.on_text(tx, dialog, text, now, t, context.parser)
            if answered is None:
                waiting, old = await current_screen(tx, dialog, now, t), dialog.message_id
        else:
            uid = updates.user_id(update)
            answered = Shown(sends=(await answer_outside_dialog(tx, uid, text, now, t),))
    if answered is not None:
        await show(update, context, answered)
        return
    view, reply = answer_view(text, t)
    await show(update, context, Shown(sends=(view,)))
    if waiting is not None:
        found = reply is not None and reply.kind != "no_match"
        prefix = t.gettext(WAITING) if found else f"<i>{t.gettext(TAP_PLEASE)}</i>"
        await show(update, context, Shown(live=waiting.with_prefix(prefix), retire=old))
