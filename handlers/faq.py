"""Questions in the user's own words, /faq topics by group as buttons, and the help lines
of the user's country for crisis replies."""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import InlineKeyboardMarkup, Update

from bot import faq
from bot.data import Tx, users
from bot.data.updates import transaction
from bot.i18n import N_, Texts
from bot.services import faq as faq_service
from handlers import callbacks, updates
from handlers.callbacks import Value
from handlers.context import BotContext
from handlers.shown import Shown, show
from handlers.views import View, button, edit_view, rows

log = logging.getLogger(__name__)

QUESTION_MAX_CHARS = 600
TOO_LONG = N_(
    "That's a long message ({length} characters). Could you ask in a sentence or two? "
    "I read questions of up to {limit} characters."
)
FAQ_TITLE = N_(
    "<b>Questions about RLS</b>\nPick a group, or just type your question in your own words."
)
GROUP_TITLE = N_("<b>{group}</b>\nPick a topic, or type your question in your own words.")
ALL_GROUPS = N_("‹ All groups")


def reply_view(reply: faq.Reply) -> View:
    keyboard = [
        [button(s.title, callbacks.TOPIC.encode(Value(s.topic)))] for s in reply.suggestions
    ]
    return View(reply.text, InlineKeyboardMarkup(keyboard) if keyboard else None)


def _too_long(text: str, t: Texts) -> View | None:
    if len(text) <= QUESTION_MAX_CHARS:
        return None
    limits = {"length": t.number(len(text)), "limit": t.number(QUESTION_MAX_CHARS)}
    return View(t.gettext(TOO_LONG, **limits))


def answer_view(text: str, t: Texts) -> tuple[View, faq.Reply | None]:
    """Free text answered as a question; no reply when it is too long to read as one."""
    too_long = _too_long(text, t)
    if too_long is not None:
        return too_long, None
    reply = faq.answer(text, t)
    return reply_view(reply), reply


async def answer_outside_dialog(tx: Tx, user_id: int, text: str, now: datetime, t: Texts) -> View:
    """A question typed with no dialog open: follow-ups ("source?") are about the last
    topic answered in this chat, and the topic answered now is remembered."""
    too_long = _too_long(text, t)
    if too_long is not None:
        return too_long
    return reply_view(await faq_service.answer_in_chat(tx, user_id, text, now, t))


async def help_lines(context: BotContext, user_id: int) -> faq.HelpLines:
    """The help lines of the user's country, from their time zone.

    Read without claiming the update (a crisis message delivered again is answered again),
    and the international lines whenever the zone can't be read: the reply must go out.
    """
    maker = context.bot_data.sessionmaker
    if maker is None:
        return faq.INTERNATIONAL
    try:
        async with transaction(maker, None) as tx:
            zone = await users.zone_of(tx, user_id)
    except Exception:  # any failure at all: the international lines, never none
        log.warning("help lines: the user's zone could not be read; international lines sent")
        return faq.INTERNATIONAL
    return faq.lines_for(zone)


def _groups_view(t: Texts) -> View:
    keyboard = [
        [button(t.gettext(title), callbacks.FAQ_GROUP.encode(Value(group)))]
        for group, title in faq.groups()
    ]
    return View(t.gettext(FAQ_TITLE), InlineKeyboardMarkup(keyboard))


def _group_view(group: str, t: Texts) -> View:
    title = dict(faq.groups())[group]
    topics = [
        button(s.title, callbacks.TOPIC.encode(Value(s.topic))) for s in faq.list_topics(t, group)
    ]
    back = [button(t.gettext(ALL_GROUPS), callbacks.FAQ_GROUP.encode(Value("all")))]
    text = t.gettext(GROUP_TITLE, group=t.gettext(title))
    return View(text, InlineKeyboardMarkup([*rows(topics, 2), back]))


async def cmd_faq(update: Update, context: BotContext) -> None:
    await show(update, context, Shown(sends=(_groups_view(context.texts),)))


async def on_group(update: Update, context: BotContext) -> None:
    query, t = updates.tap(update), context.texts
    tap = callbacks.FAQ_GROUP.decode(query.data)
    group = tap.value if tap else "all"
    view = _groups_view(t) if group == "all" else _group_view(group, t)
    await edit_view(updates.tapped_message(update), view)
    await query.answer()


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
    async with context.transaction() as tx:
        await faq_service.topic_shown(tx, updates.user_id(update), reply.topic or "", context.now())
    await show(update, context, Shown(sends=(reply_view(reply),)))
    await query.answer()
