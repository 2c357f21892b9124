"""Encryption at rest: the master key, the key store and the per-user data keys.

`open_keyring()` gives the keys for the settings; `attach()` (models/sealed.py) hands them
to a database engine; `start()` (bot/keys/startup.py) checks them and seals what is not yet.
"""

from __future__ import annotations

from bot.db import make_engine, shown
from bot.keys import master
from bot.keys.keyring import KeyGone, Keyring
from bot.keys.master import KeyProblem
from bot.settings import Settings


async def open_keyring(settings: Settings) -> Keyring:
    """The key store at KEYSTORE_URL with the configured master keys (KeyProblem if bad)."""
    masters = master.from_settings(settings)
    path = settings.master_key_file
    reload = (lambda: master.read_file(path)) if path is not None else None
    engine = make_engine(settings.key_store, postgres_pool=2)
    keyring = Keyring(engine, masters, reload, shown(settings.key_store))
    await keyring.create_tables()
    return keyring


__all__ = ["KeyGone", "KeyProblem", "Keyring", "open_keyring"]
