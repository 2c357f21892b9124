"""/privacy and /delete: what is stored and why; deleting everything, asked twice."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.data import privacy, sent, users
from bot.i18n import N_, Texts
from handlers import callbacks, updates
from handlers.callbacks import Value
from handlers.context import BotContext
from handlers.shown import Shown, show
from handlers.views import View, button, edit_view

PRIVACY = N_(
    "<b>Your data and your privacy</b>\n\n"
    "<b>What I store:</b> your answers to the check-ins and sleep diaries, the medicine "
    "names you typed, your time zone and times, your reminder settings and when reminders "
    "were sent, and for 48 hours the ids of the messages I sent you (no content), so I can "
    "delete them if you ask. Nothing from group chats, no location (a shared location is "
    "only used to find your time zone), no phone number.\n"
    "<b>Why:</b> to show you your own patterns, to remind you at your hours, and to build "
    "summaries you can show your doctor.\n"
    "<b>Where:</b> in this bot's database, on the server of whoever runs it. It is not "
    "shared, sold or used for anything else, and your answers never go into log files.\n\n"
    "<b>Encrypted:</b> your answers (how the night was, symptoms, times, sleep), your notes, "
    "your medicine names and amounts, your own factors, and the appointment date and name "
    "you gave for your doctor's report are stored encrypted with a key of yours, so a copy "
    "of the database or of a backup shows none of them. "
    "<b>Not encrypted:</b> your Telegram id, time zone, reminder times and settings, which "
    "nights have an entry, and which question you are on: the bot needs them to remind you "
    "and to carry on where you stopped. If whoever runs the bot loses its master key, "
    "nobody can read the encrypted answers any more, not even them: there is no way back.\n\n"
    "<b>How long:</b> until you delete it. /delete removes all of it from the database at "
    "once and destroys your key: the copies in the server's backups can no longer be read "
    "once the key's own backups have run out (after two days, as the bot is usually set "
    "up). The chat itself is kept by Telegram, not by me. After /delete I can also delete "
    "the messages I sent you here in the last 48 hours (Telegram lets a bot delete no "
    "others); your own messages and my older ones stay until you delete them or the chat "
    "in Telegram.\n\n"
    "/export gives you a spreadsheet, a report for your doctor, or everything stored "
    "about you (JSON). Send that JSON file back to me (after /delete, from a new account, or "
    "to another Stillnight bot) to bring it all back."
)

DELETED = N_(
    "Done: everything I stored about you is deleted from my database, and your key is "
    "destroyed, so the copies in the server's backups can no longer be read; "
    "this chat stays in Telegram until you delete it there. "
    "Thank you for trying Stillnight. If you ever send /start again, we "
    "begin fresh."
)
LEFT_IN_CHAT = N_(
    "What is left in this chat (your own messages, and mine older than 48 hours) Telegram "
    "keeps until you delete it there: deleting the chat clears it from your devices."
)
log = logging.getLogger(__name__)
NOT_CONFIRMED = N_("Nothing was deleted: please start again with /delete and confirm both steps.")
CONFIRM_WITHIN = timedelta(minutes=10)  # the second "yes" must follow the first soon
DELETE_AT_ONCE = 100  # deleteMessages takes up to 100 ids


def _data(step: str) -> str:
    return callbacks.DELETE.encode(Value(step))


def ask_view(t: Texts) -> View:
    keyboard = [
        [button(t.gettext("Yes, delete everything"), _data("1"))],
        [button(t.gettext("No, keep my data"), _data("no"))],
    ]
    text = t.gettext(
        "<b>Delete everything?</b> All your check-ins, sleep diaries, medicines, settings and "
        "reminders will be removed. Consider /export first if you want a copy."
    )
    return View(text, InlineKeyboardMarkup(keyboard))


async def _delete_messages(update: Update, context: BotContext, ids: list[int]) -> str:
    """Delete the bot's messages `ids` in this chat, all but the tapped one (which then says
    what was deleted and what is left); the words for it."""
    chat_id, t = updates.chat_id(update), context.texts
    tapped = updates.tapped_message(update).message_id
    others = [message_id for message_id in ids if message_id != tapped]
    for start in range(0, len(others), DELETE_AT_ONCE):
        try:
            await context.bot.delete_messages(chat_id, others[start : start + DELETE_AT_ONCE])
        except TelegramError:
            log.warning("could not delete the bot's messages in a chat")
    cleared = t.ngettext(
        "I also deleted {n} message I sent you here.",
        "I also deleted {n} messages I sent you here.",
        len(others),
    )
    return f"{cleared} {t.gettext(LEFT_IN_CHAT)}"


async def cmd_privacy(update: Update, context: BotContext) -> None:
    await show(update, context, Shown(sends=(View(context.texts.gettext(PRIVACY)),)))


async def cmd_delete(update: Update, context: BotContext) -> None:
    await show(update, context, Shown(sends=(ask_view(context.texts),)))


async def on_button(update: Update, context: BotContext) -> None:
    """del:1 → the second question; del:2 → delete, if del:1 was tapped just before (del:2m:
    and the bot's own messages in this chat); del:no → nothing. The first "yes" is noted in
    the database: a forged or replayed del:2 on its own deletes nothing."""
    query, t, now = updates.tap(update), context.texts, context.now()
    tap = callbacks.DELETE.decode(query.data)
    step = tap.value if tap else "no"
    user_id = updates.user_id(update)
    if step == "1":
        async with context.transaction() as tx:
            await users.ask_delete(tx, user_id, now)
        keyboard = [
            [button(t.gettext("Delete for good"), _data("2"))],
            [button(t.gettext("Delete for good, and my messages here"), _data("2m"))],
            [button(t.gettext("Cancel"), _data("no"))],
        ]
        text = t.gettext(
            "<b>Are you sure?</b> This cannot be undone.\n\nI can also delete the messages I "
            "sent you in this chat in the last 48 hours. Telegram lets a bot delete no older "
            "ones, and your own messages stay."
        )
        view = View(text, InlineKeyboardMarkup(keyboard))
    elif step in ("2", "2m"):
        ids: list[int] = []
        async with context.transaction() as tx:
            confirmed = await users.delete_was_asked(tx, user_id, now - CONFIRM_WITHIN)
            if confirmed and step == "2m":
                ids = await sent.take_deletable(tx, updates.chat_id(update), now)
            if confirmed:
                # The data key first: from then on nothing of theirs opens, in any backup.
                await context.keyring.destroy(user_id, now)
                await privacy.delete_everything(tx, user_id)
        if not confirmed:
            await query.answer(t.gettext(NOT_CONFIRMED), show_alert=True)
            return
        done = t.gettext(DELETED)
        if step == "2m":
            done = f"{done}\n\n{await _delete_messages(update, context, ids)}"
        view = View(done)
    else:
        view = View(t.gettext("OK, nothing was deleted."))
    await edit_view(updates.tapped_message(update), view)
    await query.answer()
