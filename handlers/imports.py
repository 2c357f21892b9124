"""A JSON export sent back as a document: checked, previewed, imported on a yes.

The file is fetched from Telegram twice, for the preview and again on Import, so nothing of
it is kept in between but its Telegram id (bot/services/imports.py says why and who may).
"""

from __future__ import annotations

import asyncio

from telegram import Document, Update

from bot.core.archive import MAX_BYTES, MAX_MEGABYTES, Archive, read_archive
from bot.core.problems import Code, Problem
from bot.i18n.problems import problem_text
from bot.services import imports
from handlers import callbacks, updates
from handlers.context import BotContext
from handlers.entries import NEEDS_START, STALE
from handlers.imports_view import (
    CANCELLED,
    NO_LONGER_WAITING,
    NOTHING_NEW,
    done_view,
    preview_view,
    set_up_view,
)
from handlers.views import View, edit_view, send_view


async def _read(context: BotContext, file_id: str, size: int | None) -> Archive:
    """The file, fetched and checked; a Problem when it cannot be imported."""
    if size is not None and size > MAX_BYTES:
        raise Problem(Code.IMPORT_TOO_LARGE, most=MAX_MEGABYTES)
    found = await context.bot.get_file(file_id)
    raw = bytes(await found.download_as_bytearray())
    return await asyncio.to_thread(read_archive, raw)  # 40 ms a year of nights: not on the loop


async def on_document(update: Update, context: BotContext) -> None:
    t, user_id, chat_id = context.texts, updates.user_id(update), updates.chat_id(update)
    document: Document | None = updates.message(update).document
    if document is None:
        raise updates.NotThatUpdate("a document was expected")
    async with context.transaction() as tx:
        allowed = await imports.may_import(tx, user_id)
    if not allowed:
        await send_view(context.bot, chat_id, View(t.gettext(NEEDS_START)))
        return
    try:
        file = await _read(context, document.file_id, document.file_size)
        async with context.transaction() as tx:
            offer = await imports.offer(tx, user_id, file, document.file_id, context.now())
    except Problem as problem:
        await send_view(context.bot, chat_id, View(problem_text(t, problem)))
        return
    if offer is None:  # the consent was withdrawn meanwhile
        view = View(t.gettext(NEEDS_START))
    elif offer.pending_id is None:
        view = View(t.gettext(NOTHING_NEW))
    else:
        view = preview_view(offer.archive, offer.plan, offer.pending_id, t)
    await send_view(context.bot, chat_id, view)


async def on_button(update: Update, context: BotContext) -> None:
    """im:<pending id>:y imports the held file; im:<pending id>:n lets it go."""
    query, t = updates.tap(update), context.texts
    tap = callbacks.IMPORT.decode(query.data)
    user_id, message = updates.user_id(update), updates.tapped_message(update)
    if tap is None:
        await query.answer(t.gettext(STALE))
        return
    async with context.transaction() as tx:
        file_id = await imports.held_file(tx, user_id, tap.pending_id)
        if file_id is not None and tap.answer == "n":
            await imports.cancel(tx, user_id)
    set_up = False
    if file_id is None:
        view = View(t.gettext(NO_LONGER_WAITING))
    elif tap.answer == "n":
        view = View(t.gettext(CANCELLED))
    else:
        view, set_up = await _import(context, user_id, tap.pending_id, file_id)
    await edit_view(message, view)
    await query.answer()
    if set_up:  # the zone step's location keyboard is still under the message field
        await send_view(context.bot, updates.chat_id(update), set_up_view(t))


async def _import(
    context: BotContext, user_id: int, pending_id: int, file_id: str
) -> tuple[View, bool]:
    """What came of it, and whether the file's settings ended the setting up."""
    t = context.texts
    try:
        file = await _read(context, file_id, None)
        async with context.transaction() as tx:
            done = await imports.confirm(tx, user_id, pending_id, file, context.now())
    except Problem as problem:
        async with context.transaction() as tx:
            await imports.cancel(tx, user_id)
        return View(problem_text(t, problem)), False
    if done is None:
        return View(t.gettext(NO_LONGER_WAITING)), False
    return done_view(done, t), done.finished_setup
