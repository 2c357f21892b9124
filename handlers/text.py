"""Every typed message goes through here: safety first, then the open dialog, then the FAQ."""

from __future__ import annotations

from telegram import Update

from bot import faq
from bot.core import users
from bot.texts import DIALOG_WAITING
from handlers import checkin, morning, settings, start
from handlers.context import BotContext
from handlers.dialog_screen import show_current
from handlers.faq import answer_question
from handlers.views import View, send_view

TAP_PLEASE = "<i>For this question, please tap one of the buttons below (or Skip).</i>"


async def on_text(update: Update, context: BotContext) -> None:
    text = update.effective_message.text or ""
    urgent = faq.safety_reply(text)
    if urgent is not None and urgent.kind == "crisis":
        # A crisis reply stands alone; any open check-in simply waits.
        await send_view(context.bot, update.effective_chat.id, View(urgent.text))
        return
    async with context.session(claims=False) as session:  # the answer's transaction claims
        dialog = await users.get_dialog(session, update.effective_user.id)
        flow, step = (dialog.flow, dialog.step) if dialog else (None, None)
    if flow == users.ONBOARDING:
        await start.on_text(update, context, step)
    elif flow == users.SETTINGS:
        await settings.on_text(update, context, step)
    elif flow in (users.CHECKIN, users.MORNING):
        answer = checkin.on_text if flow == users.CHECKIN else morning.on_text
        if await answer(update, context, step):
            return
        reply = await answer_question(update, context, text)
        answered = reply is not None and reply.kind != "no_match"
        await show_current(update, context, DIALOG_WAITING if answered else TAP_PLEASE)
    else:
        await answer_question(update, context, text)
