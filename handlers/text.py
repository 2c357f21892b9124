"""Every typed message goes through here: safety first, then the open dialog, then the FAQ
(outside a dialog, in the same transaction, which remembers the topic for follow-ups).

One transaction reads the dialog and, when the text answers its step, stores the answer.
Text that answers nothing there gets the step's own hint and the question again, unless it
is a real question: then the FAQ's reply, then the step.
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
from handlers.flows import FLOWS
from handlers.shown import NotAnAnswer, Shown, show
from handlers.views import View

WAITING = N_("Your answers are saved; here is where you left off:")
ANSWERED_KINDS = ("answer", "decline", "crisis")


def is_question(text: str, reply: faq.Reply | None) -> bool:
    """A real question: it ends with "?", the FAQ has something to say to it, or it is too
    long to read as one (then it is told so)."""
    return text.rstrip().endswith("?") or reply is None or reply.kind in ANSWERED_KINDS


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
    typed: Shown | NotAnAnswer
    async with context.transaction() as tx:
        dialog = await dialogs.get_dialog(tx, updates.user_id(update))
        if dialog is not None:
            flow = FLOWS[Flow(dialog.flow)]
            typed = await flow.on_text(tx, dialog, text, now, t, context.parser)
        else:
            uid = updates.user_id(update)
            typed = Shown(sends=(await answer_outside_dialog(tx, uid, text, now, t),))
    if isinstance(typed, Shown):
        await show(update, context, typed)
        return
    # In a dialog, and the text answers nothing there: the step's hint, or the FAQ's reply
    # to a real question and then the step (asked mid-dialog, it is not remembered).
    view, reply = answer_view(text, t)
    if not is_question(text, reply):
        hinted = typed.live.with_prefix(f"<i>{typed.hint}</i>")
        await show(update, context, Shown(live=hinted, retire=typed.retire))
        return
    await show(update, context, Shown(sends=(view,)))
    waiting = typed.live.with_prefix(t.gettext(WAITING))
    await show(update, context, Shown(live=waiting, retire=typed.retire))
