"""Questions answered in a chat, outside any dialog: follow-ups ("source?", "why?") about
the last topic answered there, which is remembered a short while (bot/data/faq_memory.py)."""

from __future__ import annotations

from datetime import datetime

from bot import faq
from bot.data import Tx, faq_memory
from bot.i18n import Texts


async def answer_in_chat(tx: Tx, user_id: int, question: str, now: datetime, t: Texts) -> faq.Reply:
    last = await faq_memory.last_topic(tx, user_id, now) if faq.is_followup(question) else None
    reply = faq.answer(question, t, last_topic=last)
    if reply.kind == "answer" and reply.topic is not None:
        await faq_memory.remember(tx, user_id, reply.topic, now)
    return reply


async def topic_shown(tx: Tx, user_id: int, topic: str, now: datetime) -> None:
    """A topic opened by button is the last answer too."""
    await faq_memory.remember(tx, user_id, topic, now)
