"""Each update is handled once: delivered twice (a webhook retry, a poll repeated after a
crash) or to two processes at the same instant.

The claim is taken before any handler runs (a handler that stores nothing, /help, would
otherwise reply twice), finished by the update's first transaction or after the handlers
(bot/data/updates.py), and given back when handling failed (handlers/errors.py). This module
also prunes old claims (and follow-up memory past its time).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.data import faq_memory, sent, updates, users
from handlers import tap_deadline
from handlers.context import BotContext

KEEP = timedelta(days=2)
LOOK_AGAIN_S = 0.05  # while another process handles the same update


async def claim_first(update: Update, context: BotContext) -> None:
    """Runs first: take the update's claim, or stop when it was (or is being) handled.

    While another process holds the claim, wait: it finishes (nothing more to do here), gives
    it back after a failure, or dies and its lease runs out (then this one handles it).
    With the claim, the user's stored language is read, in the same transaction.
    """
    maker = context.bot_data.sessionmaker
    if maker is None:
        return
    user = update.effective_user
    while True:
        async with maker.begin() as tx:
            claim = await updates.take(tx, update.update_id, context.now())
            if claim is updates.Claim.TAKEN and user is not None:
                context.stored_language = await users.language_of(tx, user.id)
        if claim is updates.Claim.TAKEN:
            context.held_claim = update.update_id
            return
        if claim is updates.Claim.HANDLED:
            tap_deadline.handled_before(update, context)
            raise ApplicationHandlerStop
        await asyncio.sleep(LOOK_AGAIN_S)


async def finish_claim(_update: object, context: BotContext) -> None:
    """After the handlers, or where a guard stops the update: help, a FAQ answer, a group's
    reply and the like stored nothing, so no transaction finished the claim."""
    if context.held_claim is not None:
        async with context.transaction():
            pass


async def release_claim(context: BotContext) -> None:
    """Handling failed: the update is handled in full if it comes again."""
    maker = context.bot_data.sessionmaker
    if maker is not None and context.held_claim is not None:
        await updates.release(maker, context.held_claim)
        context.held_claim = None


async def prune_job(context: BotContext) -> None:
    """Hourly: old update claims, follow-up memory past its half hour, and the ids of sent
    messages past the 48 hours in which they could be deleted."""
    async with context.transaction() as tx:
        await updates.prune(tx, context.now() - KEEP)
        await faq_memory.prune(tx, context.now())
        await sent.prune(tx, context.now())
