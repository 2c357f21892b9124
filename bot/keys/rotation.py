"""Master key rotation while the bot runs: every data key re-wrapped, none lost on the way.

The bots read MASTER_KEY_FILE again whenever they make a data key or meet a key wrapped by a
master key they do not know (bot/keys/keyring.py). So a rotation:

1. writes the file as [new, old]: from then on new data keys are wrapped with the new key,
   and the old one still opens what it wrapped;
2. re-wraps every data key still under another master key, each row only if it has not
   changed since it was read (two rotations, or a /delete, at once lose nothing);
3. waits `grace` seconds, for a bot that read the file just before step 1 to write the key it
   was making, then writes the file as [new] and re-wraps once more whatever that left.

The data itself is never touched: its data keys stay the same, only their wrapping changes.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import select, update

from bot.keys import master
from bot.keys.keyring import Keyring
from bot.keys.master import MasterKey
from bot.keys.store import data_keys

BATCH = 200


async def rewrap(keyring: Keyring, new: MasterKey) -> int:
    """Wrap every data key not yet under `new` with it; how many were."""
    moved = 0
    while True:
        query = select(data_keys).where(data_keys.c.master_id != new.id).limit(BATCH)
        async with keyring.engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        if not rows:
            return moved
        async with keyring.engine.begin() as connection:
            for row in rows:
                secret = keyring.unwrap(row.key_id, row.user_id, row.wrapped, row.master_id)
                wrapped = Keyring.wrap(new, row.key_id, row.user_id, secret)
                result = await connection.execute(
                    update(data_keys)
                    .where(data_keys.c.key_id == row.key_id)
                    .where(data_keys.c.master_id == row.master_id)
                    .values(wrapped=wrapped, master_id=new.id)
                )
                moved += result.rowcount


async def rotate(keyring: Keyring, key_file: Path, grace: float = 5.0) -> MasterKey:
    """Make a new master key, move every data key to it, leave only it in `key_file`."""
    old = master.read_file(key_file)
    new = master.new_key()
    keyring.masters = [new, *old]
    master.write_file(key_file, [new, *old])
    await rewrap(keyring, new)
    await asyncio.sleep(grace)
    master.write_file(key_file, [new])
    await rewrap(keyring, new)
    return new
