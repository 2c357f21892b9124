"""Updates of different users are handled at once; one user's updates in the order they came.

python-telegram-bot handles updates one after another by default, so one user's database
round trips hold up everybody else. Handling them all at once could reorder one user's quick
taps or typed answers, which would put answers on the wrong question. This processor
does both: concurrency across users, order within a user.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# Enough to overlap the database and Telegram waits of several users. More costs CPU
# without adding throughput: `python -m bench load` on 2 cores, PostgreSQL, polling, CPU per
# update 9.2 ms at 4 or 8 at once, 9.6 ms at 16, 11.2-11.7 ms at 32 (bench/README.md).
MAX_CONCURRENT_UPDATES = 8


@dataclass
class _Turns:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    holders: int = 0  # updates of this user running or waiting


class PerUserOrder(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._turns: dict[int, _Turns] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[object]) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        if user is None:
            await coroutine
            return
        turns = self._turns.setdefault(user.id, _Turns())
        turns.holders += 1
        try:
            async with turns.lock:  # asyncio.Lock wakes its waiters first come, first served
                await coroutine
        finally:
            turns.holders -= 1
            if turns.holders == 0:
                del self._turns[user.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""
