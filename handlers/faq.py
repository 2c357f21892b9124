"""Questions in the user's own words, and /faq topics as buttons."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot import faq
from bot.i18n import N_, Texts
from handlers import callbacks, updates
from handlers.callbacks import Value
from handlers.context import BotContext
from handlers.shown import Shown, show
from handlers.views import View, button

QUESTION_MAX_CHARS = 600
TOO_LONG = N_(
    "That's a long message ({length} characters). Could you ask in a sentence or two? "
    "I read questions of up to {limit} characters."
)


def reply_view(reply: faq.Reply) -> View:
    keyboard = [
        [button(s.title, callbacks.TOPIC.encode(Value(s.topic)))] for s in reply.suggestions
    ]
    return View(reply.text, InlineKeyboardMarkup(keyboard) if keyboard else None)


def answer_view(text: str, t: Texts) -> tuple[View, faq.Reply | None]:
    """Free text answered as a question; no reply when it is too long to read as one."""
    if len(text) > QUESTION_MAX_CHARS:
        limits = {"length": t.number(len(text)), "limit": t.number(QUESTION_MAX_CHARS)}
        return View(t.gettext(TOO_LONG, **limits)), None
    reply = faq.answer(text, t)
    return reply_view(reply), reply


async def cmd_faq(update: Update, context: BotContext) -> None:
    t = context.texts
    keyboard = [
        [button(s.title, callbacks.TOPIC.encode(Value(s.topic)))] for s in faq.list_topics(t)
    ]
    text = t.gettext(
        "<b>Questions about RLS</b>\nPick a topic, or just type your question in your own words."
    )
    await show(update, context, Shown(sends=(View(text, InlineKeyboardMarkup(keyboard)),)))


async def on_topic(update: Update, context: BotContext) -> None:
    query, t = updates.tap(update), context.texts
    tap = callbacks.TOPIC.decode(query.data)
    try:
        reply = faq.topic_reply(tap.value if tap else "", t)
    except KeyError:
        await query.answer(
            t.gettext("I don't have that topic any more. /faq shows the current list.")
        )
        return
    await show(update, context, Shown(sends=(reply_view(reply),)))
    await query.answer()
