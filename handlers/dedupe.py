"""A delivered-twice update (webhook retry, a poll repeated after a crash) is ignored."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.core import updates
from handlers.context import BotContext

KEEP = timedelta(days=2)


async def skip_seen(update: Update, context: BotContext) -> None:
    async with context.session() as session:
        if await updates.seen(session, update.update_id):
            raise ApplicationHandlerStop


async def mark_handled(update: Update, context: BotContext) -> None:
    async with context.session() as session:
        await updates.mark(session, update.update_id, context.now())


async def prune_job(context: BotContext) -> None:
    async with context.session() as session:
        await updates.prune(session, context.now() - KEEP)
