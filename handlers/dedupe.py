"""A delivered-twice update (webhook retry, a poll repeated after a crash) is ignored.

The claim itself happens in the update's first transaction (`BotContext.transaction`); this
module covers updates whose handlers opened none, and the pruning of old claims (and of
follow-up memory past its time).
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.data import faq_memory, updates
from handlers.context import BotContext

KEEP = timedelta(days=2)


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
