"""Help and the command menu, the private-chat guard, unknown commands, anything not text."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from html import escape

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.i18n import N_, Texts
from handlers import dedupe, updates
from handlers.context import BotContext
from handlers.flows import show_current
from handlers.shown import Shown, show
from handlers.views import View

log = logging.getLogger(__name__)
LEAVING = datetime.max.replace(tzinfo=UTC)
COMMANDS: tuple[tuple[str, str], ...] = (
    ("checkin", N_("Tonight's check-in, about a minute")),
    ("morning", N_("Last night's sleep diary")),
    ("summary", N_("Your month in a chart and a few lines")),
    ("export", N_("A report for your doctor, a spreadsheet, or all your data")),
    ("settings", N_("Time zone, times, reminders, medicines")),
    ("language", N_("The language I write to you in")),
    ("pause", N_("Pause reminders for a while")),
    ("resume", N_("Turn reminders back on")),
    ("faq", N_("Questions about RLS, by topic")),
    ("privacy", N_("What I store, why, and where")),
    ("delete", N_("Delete everything I store about you")),
    ("start", N_("Set up, or see your settings")),
    ("help", N_("What I can do")),
)
PRIVATE_ONLY = N_(
    "Thanks for having me! I work in private chats only, because check-ins are about "
    "your health, so I'm leaving this group. Please message me directly."
)
NOT_TEXT = N_("I can only read text and button taps, not stickers, photos or files.")


def command_menu(t: Texts) -> list[BotCommand]:
    return [BotCommand(name, t.gettext(about)) for name, about in COMMANDS]


def help_text(t: Texts) -> str:
    lines = "\n".join(f"/{name} – {t.gettext(about)}" for name, about in COMMANDS)
    return (
        t.gettext("<b>What I can do</b>")
        + f"\n{lines}\n\n"
        + t.gettext("You can also just type a question about RLS, in your own words.")
        + "\n\n<i>"
        + t.gettext(
            "I'm an information and tracking tool, not a clinician. For anything about your "
            "treatment, please ask your doctor or pharmacist."
        )
        + "</i>"
    )


async def cmd_help(update: Update, context: BotContext) -> None:
    await show(update, context, Shown(sends=(View(help_text(context.texts)),)))


async def private_only(update: Update, context: BotContext) -> None:
    """Groups and channels: one polite reply, then the bot leaves; nothing stored.

    Telegram allows a bot 20 messages a minute in a group: answering every message there
    would soon be refused, and nothing the bot does belongs in a group anyway.
    """
    chat = update.effective_chat
    if chat is not None and chat.type == chat.PRIVATE:
        return
    if chat is None or not _answered_before(update, context, chat.id):
        try:
            await _reply_and_leave(update, context)
        except TelegramError:
            if chat is not None:  # not answered: the next message there is
                context.bot_data.groups_left.pop(chat.id, None)
            raise
    await dedupe.finish_claim(update, context)
    raise ApplicationHandlerStop


def _answered_before(update: Update, context: BotContext, chat_id: int) -> bool:
    """A message sent before this process left the group (or while it is leaving it)."""
    left_at = context.bot_data.groups_left.get(chat_id)
    message = update.effective_message
    return left_at is not None and (message is None or message.date <= left_at)


async def _reply_and_leave(update: Update, context: BotContext) -> None:
    chat = update.effective_chat
    left = context.bot_data.groups_left
    if chat is not None:
        left[chat.id] = LEAVING
    text = context.texts.gettext(PRIVATE_ONLY)
    if update.callback_query is not None:
        await updates.tap(update).answer(text[:200])
    elif update.message is not None:
        await update.message.reply_text(text)
    if chat is None:
        return
    if chat.type in (chat.GROUP, chat.SUPERGROUP):
        try:
            await chat.leave()
        except TelegramError:
            log.warning("could not leave a group chat")
    left[chat.id] = datetime.now(UTC)  # Telegram's time, as in message dates


async def unknown_command(update: Update, context: BotContext) -> None:
    t = context.texts
    command = (updates.message(update).text or "").split()[0]
    unknown = t.gettext(
        "I don't know the command {command}. Here is what I can do:",
        command=escape(command[:40]),
    )
    await show(update, context, Shown(sends=(View(f"{unknown}\n\n{help_text(t)}"),)))
    await show_current(update, context, t.gettext("And here is where you were:"))


async def not_text(update: Update, context: BotContext) -> None:
    t = context.texts
    shown = await show_current(update, context, f"<i>{t.gettext(NOT_TEXT)}</i>")
    if not shown:
        text = t.gettext(
            "I can only read text and button taps, not stickers, photos or files. "
            "Type a question about RLS, or see /help."
        )
        await show(update, context, Shown(sends=(View(text),)))
