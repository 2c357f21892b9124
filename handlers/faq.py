"""Questions in the user's own words, and /faq topics as buttons."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot import faq
from bot.texts import TOO_LONG_QUESTION
from handlers.context import BotContext
from handlers.views import View, button, send_view

QUESTION_MAX_CHARS = 600


def reply_view(reply: faq.Reply) -> View:
    keyboard = [[button(s.title, f"faq:{s.topic}")] for s in reply.suggestions]
    return View(reply.text, InlineKeyboardMarkup(keyboard) if keyboard else None)


async def answer_question(update: Update, context: BotContext, text: str) -> faq.Reply | None:
    """Answer free text as a question; None when it was too long to read as one."""
    chat_id = update.effective_chat.id
    if len(text) > QUESTION_MAX_CHARS:
        message = TOO_LONG_QUESTION.format(length=len(text), limit=QUESTION_MAX_CHARS)
        await send_view(context.bot, chat_id, View(message))
        return None
    reply = faq.answer(text)
    await send_view(context.bot, chat_id, reply_view(reply))
    return reply


async def cmd_faq(update: Update, context: BotContext) -> None:
    topics = faq.list_topics()
    keyboard = [[button(t.title, f"faq:{t.topic}")] for t in topics]
    text = "<b>Questions about RLS</b>\nPick a topic, or just type your question in your own words."
    await send_view(
        context.bot, update.effective_chat.id, View(text, InlineKeyboardMarkup(keyboard))
    )


async def on_topic(update: Update, context: BotContext) -> None:
    query = update.callback_query
    topic = (query.data or "").removeprefix("faq:")
    try:
        reply = faq.topic_reply(topic)
    except KeyError:
        await query.answer("I don't have that topic any more. /faq shows the current list.")
        return
    await send_view(context.bot, update.effective_chat.id, reply_view(reply))
    await query.answer()
