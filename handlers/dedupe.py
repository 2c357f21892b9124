"""A delivered-twice update (webhook retry, a poll repeated after a crash) is ignored.

The claim itself happens in the update's first transaction (`BotContext.transaction`); this
module looks for a claim before any handler runs (a handler that stores nothing would
otherwise reply again before any transaction could notice), claims updates whose handlers
opened no transaction, and prunes old claims (and follow-up memory past its time).
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.data import faq_memory, updates, users
from handlers.context import BotContext

KEEP = timedelta(days=2)


async def stop_if_handled(update: Update, context: BotContext) -> None:
    """Runs first: an update handled before gets no second reply and changes nothing.
    Otherwise the user's stored language is read, in the same round trip's session."""
    maker = context.bot_data.sessionmaker
    if maker is None or context.unclaimed_update is None:
        return
    user = update.effective_user
    async with maker() as tx:
        handled = await updates.was_handled(tx, context.unclaimed_update)
        if not handled and user is not None:
            context.stored_language = await users.language_of(tx, user.id)
    if handled:
        raise ApplicationHandlerStop


async def claim_if_unclaimed(update: Update, context: BotContext) -> None:
    """Runs after the handlers: help, a FAQ answer and the like stored nothing."""
    if context.unclaimed_update is not None:
        async with context.transaction():
            pass


async def prune_job(context: BotContext) -> None:
    """Hourly: old update claims, and follow-up memory past its half hour."""
    async with context.transaction() as tx:
        await updates.prune(tx, context.now() - KEEP)
        await faq_memory.prune(tx, context.now())
