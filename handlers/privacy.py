"""/privacy and /delete: what is stored and why; deleting everything, asked twice."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.core.privacy import delete_everything
from handlers.context import BotContext
from handlers.views import View, button, edit_view, send_view

PRIVACY = (
    "<b>Your data and your privacy</b>\n\n"
    "<b>What I store:</b> your answers to the check-ins and sleep diaries, the medicine "
    "names you typed, your time zone and times, your reminder settings and when reminders "
    "were sent. Nothing from group chats, no location (a shared location is only used to "
    "find your time zone), no phone number.\n"
    "<b>Why:</b> to show you your own patterns, to remind you at your hours, and to build "
    "summaries you can show your doctor.\n"
    "<b>Where:</b> in this bot's database, on the server of whoever runs it. It is not "
    "shared, sold or used for anything else, and your answers never go into log files.\n\n"
    "/export gives you a spreadsheet, a report for your doctor, or everything stored "
    "about you (JSON). /delete removes all of it, for good."
)
ASK = (
    "<b>Delete everything?</b> All your check-ins, sleep diaries, medicines, settings and "
    "reminders will be removed. Consider /export first if you want a copy."
)
ASK_AGAIN = "<b>Are you sure?</b> This cannot be undone."
DELETED = (
    "Done: everything I stored about you is deleted. Thank you for trying Stillnight. "
    "If you ever send /start again, we begin fresh."
)
KEPT = "OK, nothing was deleted."


async def cmd_privacy(update: Update, context: BotContext) -> None:
    await update.effective_message.reply_text(PRIVACY)


async def cmd_delete(update: Update, context: BotContext) -> None:
    keyboard = [
        [button("Yes, delete everything", "del:1")],
        [button("No, keep my data", "del:no")],
    ]
    await send_view(
        context.bot, update.effective_chat.id, View(ASK, InlineKeyboardMarkup(keyboard))
    )


async def on_button(update: Update, context: BotContext) -> None:
    """del:1 → the second question; del:2 → delete; del:no → nothing."""
    query = update.callback_query
    answer = (query.data or "").removeprefix("del:")
    if answer == "1":
        keyboard = [[button("Delete for good", "del:2")], [button("Cancel", "del:no")]]
        view = View(ASK_AGAIN, InlineKeyboardMarkup(keyboard))
    elif answer == "2":
        async with context.session() as session:
            await delete_everything(session, update.effective_user.id)
        view = View(DELETED)
    else:
        view = View(KEPT)
    await edit_view(query.message, view)
    await query.answer()
