"""/language, and the language row of /settings: the user picks the language they read.

The choice is stored and used from this very reply on; the chat's command menu follows it.
"""

from __future__ import annotations

from telegram import BotCommandScopeChat, Update

from bot.i18n import LANGUAGES
from bot.services import settings
from handlers import callbacks, updates
from handlers.context import BotContext
from handlers.entries import NEEDS_START, STALE
from handlers.language_view import chosen_text, picker_view
from handlers.misc import command_menu
from handlers.settings_view import settings_view
from handlers.shown import Shown, show
from handlers.views import View, edit_view


async def cmd_language(update: Update, context: BotContext) -> None:
    await show(update, context, Shown(sends=(picker_view(context.language, context.texts),)))


async def on_button(update: Update, context: BotContext) -> None:
    """lg:<language>:[s]: store it; the screen says so (in it), or shows the settings."""
    query = updates.tap(update)
    tap = callbacks.LANGUAGE.decode(query.data)
    if tap is None or tap.language not in LANGUAGES:
        await query.answer(context.texts.gettext(STALE)[:200])
        return
    now, rows = context.now(), None
    async with context.transaction() as tx:
        user = await settings.set_language(tx, updates.user_id(update), tap.language)
        if user is not None and tap.back and user.onboarded:
            rows = await settings.overview(tx, user, now)
    if user is None:
        await query.answer(context.texts.gettext(NEEDS_START)[:200])
        return
    context.stored_language = tap.language
    t = context.texts
    view = View(chosen_text(t))
    if rows is not None:
        view = settings_view(user, rows, now, t).with_prefix(chosen_text(t))
    await edit_view(updates.tapped_message(update), view)
    await query.answer()
    scope = BotCommandScopeChat(updates.chat_id(update))
    await context.bot.set_my_commands(command_menu(t), scope=scope)
