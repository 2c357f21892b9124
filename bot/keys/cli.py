"""`python -m bot make-key | rotate-key`, and the keys' part of `run` and `migrate`."""

from __future__ import annotations

import asyncio
import sys

from bot.db import make_engine, shown
from bot.keys import master, open_keyring, rotation, startup
from bot.keys.master import KeyProblem
from bot.keys.messages import NEEDS_FILE, ROTATED
from bot.settings import Settings
from models.sealed import attach


def make_key() -> int:
    print(master.new_key().text())
    return 0


def check_settings(settings: Settings) -> int:
    """0 when a master key is configured and well formed; else says why and gives 2."""
    try:
        master.from_settings(settings)
    except KeyProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    return 0


async def prepare(settings: Settings) -> None:
    """Open the keys, check them against the database, seal what migration 0014 left."""
    keyring = await open_keyring(settings)
    engine = make_engine(settings.database_url)
    attach(engine, keyring)
    try:
        await startup.start(engine, keyring, shown(settings.key_store))
    finally:
        await engine.dispose()
        await keyring.close()


def seal(settings: Settings) -> int:
    try:
        asyncio.run(prepare(settings))
    except KeyProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    return 0


async def _rotate(settings: Settings, grace: float) -> int:
    assert settings.master_key_file is not None
    keyring = await open_keyring(settings)
    try:
        await keyring.check()  # the current key must open the store before it is replaced
        await rotation.rotate(keyring, settings.master_key_file, grace)
        total = await keyring.count()
    finally:
        await keyring.close()
    print(ROTATED.format(count=total, path=settings.master_key_file))
    return 0


def rotate_key(settings: Settings, grace: float) -> int:
    if settings.master_key_file is None:
        print(NEEDS_FILE, file=sys.stderr)
        return 2
    try:
        return asyncio.run(_rotate(settings, grace))
    except KeyProblem as problem:
        print(problem, file=sys.stderr)
        return 2
