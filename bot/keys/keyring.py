"""Per-user data keys: made on first use, unwrapped once per process, destroyed at /delete.

Ciphertexts name the data key that sealed them (its random id), so a process that still
holds a destroyed key in memory cannot seal with it: every flush asks the key store for the
user's current key (prepare()), and a key once gone stays gone.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import await_

from bot.db import close_engine
from bot.keys.master import KeyProblem, MasterKey
from bot.keys.messages import WRONG_KEY
from bot.keys.store import data_keys, deletions, metadata
from models.sealed import MARK

NONCE = 12
KEY_ID = 8


class KeyGone(LookupError):
    """The data key of a ciphertext no longer exists: its user was deleted."""


def _wrap_context(key_id: int, user_id: int) -> bytes:
    return b"stillnight-data-key:%d:%d" % (key_id, user_id)


def _aad(label: str, user_id: int) -> bytes:
    return f"{label} of {user_id}".encode()


class Keyring:
    """The models' Sealer (models/sealed.py) over one key store."""

    def __init__(
        self,
        engine: AsyncEngine,
        masters: list[MasterKey],
        reload: Callable[[], list[MasterKey]] | None = None,
        shown: str = "",
    ) -> None:
        self.engine = engine
        self.masters = masters
        self._reload = reload  # MASTER_KEY_FILE read again: a rotation may have changed it
        self._shown = shown
        self._keys: dict[int, tuple[int, AESGCM]] = {}  # key id → (user id, cipher)
        self._current: dict[int, int] = {}  # user id → key id, as of the last prepare()

    async def create_tables(self) -> None:
        async with self.engine.begin() as connection:
            await connection.run_sync(metadata.create_all)

    def master(self, master_id: str) -> MasterKey:
        """The master key of that id, reading MASTER_KEY_FILE again if it is not known."""
        for key in self.masters:
            if key.id == master_id:
                return key
        if self._reload is not None:
            self.masters = self._reload()
            for key in self.masters:
                if key.id == master_id:
                    return key
        raise KeyProblem(WRONG_KEY.format(store=self._shown))

    def current_master(self) -> MasterKey:
        if self._reload is not None:
            self.masters = self._reload()
        return self.masters[0]

    def unwrap(self, key_id: int, user_id: int, wrapped: bytes, master_id: str) -> bytes:
        """A data key's secret, opened with the master key that wrapped it."""
        try:
            return AESGCM(self.master(master_id).secret).decrypt(
                wrapped[:NONCE], wrapped[NONCE:], _wrap_context(key_id, user_id)
            )
        except InvalidTag:
            raise KeyProblem(WRONG_KEY.format(store=self._shown)) from None

    def _unwrap(self, key_id: int, user_id: int, wrapped: bytes, master_id: str) -> AESGCM:
        cipher = AESGCM(self.unwrap(key_id, user_id, wrapped, master_id))
        self._keys[key_id] = (user_id, cipher)
        return cipher

    @staticmethod
    def wrap(master: MasterKey, key_id: int, user_id: int, secret: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE)
        return nonce + AESGCM(master.secret).encrypt(nonce, secret, _wrap_context(key_id, user_id))

    async def prepare(self, user_id: int) -> None:
        query = select(data_keys).where(data_keys.c.user_id == user_id)
        async with self.engine.connect() as connection:
            row = (await connection.execute(query)).one_or_none()
        if row is None:
            row = await self._make(user_id)
        if row.key_id not in self._keys:
            self._unwrap(row.key_id, user_id, row.wrapped, row.master_id)
        self._current[user_id] = row.key_id

    async def _make(self, user_id: int) -> Row[Any]:
        key_id, secret = secrets.randbits(63), AESGCM.generate_key(bit_length=256)
        master = self.current_master()
        values = {
            "key_id": key_id,
            "user_id": user_id,
            "wrapped": self.wrap(master, key_id, user_id, secret),
            "master_id": master.id,
            "created_at": datetime.now(UTC),
        }
        try:
            async with self.engine.begin() as connection:
                await connection.execute(insert(data_keys).values(values))
        except IntegrityError:  # another process made this user's key first: use that one
            pass
        query = select(data_keys).where(data_keys.c.user_id == user_id)
        async with self.engine.connect() as connection:
            return (await connection.execute(query)).one()

    def seal(self, user_id: int, label: str, plain: bytes) -> bytes:
        if user_id not in self._current:
            await_(self.prepare(user_id))
        key_id = self._current[user_id]
        _owner, cipher = self._keys[key_id]
        nonce = secrets.token_bytes(NONCE)
        sealed = cipher.encrypt(nonce, plain, _aad(label, user_id))
        return MARK + key_id.to_bytes(KEY_ID, "big") + nonce + sealed

    def open(self, label: str, sealed: bytes) -> bytes:
        if not sealed.startswith(MARK):
            raise ValueError(f"{label}: a value that was never sealed")
        key_id = int.from_bytes(sealed[1 : 1 + KEY_ID], "big")
        if key_id not in self._keys:
            await_(self._load(key_id))
        user_id, cipher = self._keys[key_id]
        body = sealed[1 + KEY_ID :]
        return cipher.decrypt(body[:NONCE], body[NONCE:], _aad(label, user_id))

    async def _load(self, key_id: int) -> None:
        query = select(data_keys).where(data_keys.c.key_id == key_id)
        async with self.engine.connect() as connection:
            row = (await connection.execute(query)).one_or_none()
        if row is None:
            raise KeyGone(key_id)  # its user was deleted
        self._unwrap(key_id, row.user_id, row.wrapped, row.master_id)

    async def destroy(self, user_id: int, now: datetime) -> None:
        """/delete: the data key goes and the deletion is recorded, in one transaction."""
        async with self.engine.begin() as connection:
            await connection.execute(delete(data_keys).where(data_keys.c.user_id == user_id))
            await connection.execute(insert(deletions).values(user_id=user_id, deleted_at=now))
        key_id = self._current.pop(user_id, None)
        if key_id is not None:
            self._keys.pop(key_id, None)

    async def deletions(self) -> list[tuple[int, datetime]]:
        query = select(deletions.c.user_id, deletions.c.deleted_at)
        async with self.engine.connect() as connection:
            return [(row.user_id, row.deleted_at) for row in await connection.execute(query)]

    async def check(self) -> bool:
        """Every wrapped key opens with a configured master key (KeyProblem if not); whether
        the store holds any key or deletion at all."""
        async with self.engine.connect() as connection:
            rows = (await connection.execute(select(data_keys).limit(1))).all()
            masters = (await connection.execute(select(data_keys.c.master_id).distinct())).all()
            deleted = await connection.scalar(select(func.count()).select_from(deletions))
        for (master_id,) in masters:
            self.master(master_id)
        for row in rows:
            self._unwrap(row.key_id, row.user_id, row.wrapped, row.master_id)
        return bool(rows) or bool(deleted)

    async def count(self) -> int:
        async with self.engine.connect() as connection:
            return await connection.scalar(select(func.count()).select_from(data_keys)) or 0

    async def close(self) -> None:
        await close_engine(self.engine)
