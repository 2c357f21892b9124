"""At start: the keys open what is stored, clear rows are sealed, deleted users stay deleted."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.data import Engine
from bot.data.privacy import delete_again
from bot.data.sealing import has_sealed_values, seal_plain_rows
from bot.db import make_sessionmaker
from bot.keys.keyring import Keyring
from bot.keys.master import KeyProblem
from bot.keys.messages import STORE_EMPTY

log = logging.getLogger(__name__)


async def start(engine: Engine, keyring: Keyring, store: str) -> None:
    """Check the keys against the database, seal what 0014 left in clear, purge the deleted.

    Raises KeyProblem (a paragraph for the operator) when the keys cannot be the right ones.
    """
    if not await keyring.check() and await has_sealed_values(engine):
        raise KeyProblem(STORE_EMPTY.format(store=store))
    await seal_plain_rows(engine, keyring)
    purged = await purge_deleted(engine, keyring)
    if purged:
        log.info("Deleted again %d users deleted since the database's backup", purged)


async def purge_deleted(engine: Engine, keyring: Keyring) -> int:
    """Users in the deletion record whose row is from before their deletion: a restored
    backup brought them back, so they go again. A row made after it is a user who came back."""
    deleted: dict[int, list[datetime]] = {}
    for user_id, deleted_at in await keyring.deletions():
        deleted.setdefault(user_id, []).append(deleted_at)
    return await delete_again(make_sessionmaker(engine), deleted)
