"""Bringing a JSON export back in: read the file, show what it adds, import on a yes.

The file is read and checked in full (bot/core/archive.py) before anything is stored; the
account keeps what it has and gains what it lacks (bot/data/archive.py). Between the
preview and the yes, only the file's Telegram id is held (bot/data/pending.py), and the
file is read again on the yes, so what is imported is what was shown.

Who may import: anyone who agreed to store answers, set up or not (after /delete and /start
a user is asked to agree again; the file then brings the settings back too). A file from
another Telegram account is accepted only when that account no longer uses this bot here
(a new account, or another server); otherwise its owner still has the data here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.archive import Archive
from bot.core.problems import Code, Problem
from bot.data import Tx, archive, pending, users
from bot.data.archive import Plan


@dataclass(frozen=True)
class Offer:
    """What a file would add, and the id of the hold (None: nothing to add, nothing held)."""

    archive: Archive
    plan: Plan
    pending_id: int | None


async def may_import(tx: Tx, user_id: int) -> bool:
    user = await users.get_user(tx, user_id)
    return user is not None and user.consent


async def offer(tx: Tx, user_id: int, file: Archive, file_id: str, now: datetime) -> Offer | None:
    """The preview of a checked file, held for the yes when it adds anything; None for
    someone who has not agreed to store answers."""
    user = await users.get_user(tx, user_id)
    if user is None or not user.consent:
        return None
    await _not_someone_elses(tx, user_id, file)
    found = await archive.plan(tx, user, file)
    if not found.adds_anything():
        await pending.drop(tx, user_id)
        return Offer(file, found, None)
    return Offer(file, found, await pending.hold(tx, user_id, file_id, now))


async def _not_someone_elses(tx: Tx, user_id: int, file: Archive) -> None:
    """Refuse the export of another account that still uses this bot (has agreed here)."""
    owner = file.account.telegram_user_id
    if owner == user_id:
        return
    other = await users.get_user(tx, owner)
    if other is not None and other.consent:
        raise Problem(Code.IMPORT_OTHER_ACCOUNT)


async def held_file(tx: Tx, user_id: int, pending_id: int) -> str | None:
    """The Telegram id of the file the user is answering, if it is still held."""
    found = await pending.held(tx, user_id)
    return found.file_id if found is not None and found.id == pending_id else None


async def confirm(
    tx: Tx, user_id: int, pending_id: int, file: Archive, now: datetime
) -> Plan | None:
    """Import the held file (read again); None when it is no longer held (done, replaced)."""
    user = await users.get_user(tx, user_id)
    if user is None or await held_file(tx, user_id, pending_id) is None:
        return None
    await _not_someone_elses(tx, user_id, file)
    found = await archive.plan(tx, user, file)
    await archive.restore(tx, user, file, found, now)
    await pending.drop(tx, user_id)
    return found


async def cancel(tx: Tx, user_id: int) -> None:
    await pending.drop(tx, user_id)
