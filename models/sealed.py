"""Columns sealed per user: health answers are stored encrypted, never in clear.

A sealed column holds ``MARK + key id + nonce + AES-GCM ciphertext`` of the value's JSON
(NULL stays NULL: that a question was skipped is no secret, `answered` says it anyway). The
key is the data key of the row's user, and the associated data is the column's name and the
user's id, so a ciphertext copied to another column or another user's row does not open.

Which user's key seals a value: a flush of rows of one user seals with that user's key (the
flush hook below finds them, and asks the key store for the user's current key once per
session, so a key destroyed by another process is not used by the next update); a Core
statement that writes sealed columns runs inside :func:`writing_for`. A flush with rows of
two users is refused rather than guessed.

The keys themselves live in the key store (bot/keys); an engine is given its :class:`Sealer`
with :func:`attach`, and a sealed value read or written on an engine without one is an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, time
from typing import Any, Protocol

from sqlalchemy import LargeBinary, event, inspect
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Mapper, Session, UOWTransaction
from sqlalchemy.types import TypeDecorator
from sqlalchemy.util import await_

MARK = b"\x01"  # format version 1; a value without it was never sealed


class Sealer(Protocol):
    async def prepare(self, user_id: int) -> None:
        """Load (or make) the user's current data key, so seal() can run without I/O."""

    def seal(self, user_id: int, label: str, plain: bytes) -> bytes: ...

    def open(self, label: str, sealed: bytes) -> bytes:
        """The plain bytes; raises when the key is gone or the ciphertext was tampered with."""


class NotSealable(RuntimeError):
    """A sealed value with no user to seal it for, or no keys on the engine."""


_writer: ContextVar[int | None] = ContextVar("sealed_writer", default=None)
_flushing: ContextVar[int | None] = ContextVar("sealed_flushing", default=None)
_ATTRIBUTE = "stillnight_sealer"
_PREPARED = "sealed_prepared"  # session.info: the users whose current key this session asked


def attach(engine: AsyncEngine, sealer: Sealer) -> None:
    """Give the engine the keys its sealed columns use (each engine has its own dialect)."""
    setattr(engine.sync_engine.dialect, _ATTRIBUTE, sealer)


def sealer_of(dialect: Dialect) -> Sealer:
    sealer: Sealer | None = getattr(dialect, _ATTRIBUTE, None)
    if sealer is None:
        raise NotSealable("this engine has no keys: bot.keys.open_keyring() and attach() it")
    return sealer


@contextmanager
def writing_for(user_id: int) -> Iterator[None]:
    """Core statements inside seal for this user (call the sealer's prepare() first)."""
    token = _writer.set(user_id)
    try:
        yield
    finally:
        _writer.reset(token)


def encode(value: object, kind: str) -> bytes:
    if kind in ("time", "date"):
        assert isinstance(value, time | date)
        value = value.isoformat()
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def decode(plain: bytes, kind: str) -> Any:
    value = json.loads(plain)
    if kind == "time":
        return time.fromisoformat(value)
    return date.fromisoformat(value) if kind == "date" else value


class Sealed(TypeDecorator[Any]):
    """A value of `kind` (json, str, int, bool, time, date) sealed under `label`, which is
    "table.column"."""

    impl = LargeBinary
    cache_ok = True

    def __init__(self, label: str, kind: str = "json") -> None:
        super().__init__()
        self.label, self.kind = label, kind

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        user_id = _flushing.get() or _writer.get()
        if user_id is None:
            raise NotSealable(f"{self.label}: written with no user to seal it for")
        return sealer_of(dialect).seal(user_id, self.label, encode(value, self.kind))

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return decode(sealer_of(dialect).open(self.label, bytes(value)), self.kind)


def sealed_columns(mapper: Mapper[Any]) -> list[str]:
    return [c.key for c in mapper.columns if isinstance(c.type, Sealed) and c.key is not None]


def _owners(session: Session) -> set[int]:
    owners = set()
    for instance in (*session.new, *session.dirty):
        if sealed_columns(inspect(instance).mapper):
            owners.add(instance.user_id)
    return owners


@event.listens_for(Session, "before_flush")
def _choose_writer(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    owners = _owners(session)
    if len(owners) > 1:
        raise NotSealable("one flush writes sealed rows of several users: flush each apart")
    user_id = next(iter(owners), None)
    prepared: set[int] = session.info.setdefault(_PREPARED, set())
    if user_id is not None and user_id not in prepared:  # once per session (one update)
        await_(sealer_of(session.get_bind().dialect).prepare(user_id))
        prepared.add(user_id)
    _flushing.set(user_id)


@event.listens_for(Session, "after_flush_postexec")
def _flushed(session: Session, _flush: UOWTransaction) -> None:
    _flushing.set(None)


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, _previous: object) -> None:
    _flushing.set(None)
