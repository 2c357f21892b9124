"""The key store: every user's data key, wrapped by the master key, and the deletion record.

A database of its own (KEYSTORE_URL), never the bot's main one: the main database's backups
must not carry the keys that open them, so that destroying a data key at /delete makes that
user's rows unreadable in every backup already taken (docs/DEPLOY.md). Its two tables are
made here, not by the main database's migrations.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, LargeBinary, MetaData, String, Table

from models.base import UTCDateTime

metadata = MetaData()

data_keys = Table(
    "data_keys",
    metadata,
    Column("key_id", BigInteger, primary_key=True, autoincrement=False),
    Column("user_id", BigInteger, nullable=False, unique=True),
    # nonce + AES-GCM(master key, data key, associated data: key id and user id)
    Column("wrapped", LargeBinary, nullable=False),
    Column("master_id", String(16), nullable=False, index=True),  # MasterKey.id
    Column("created_at", UTCDateTime, nullable=False),
)

# Users deleted, kept here because a restore of the main database does not roll it back: a
# user deleted since the backup is deleted again when the bot starts (bot/keys/purge.py).
deletions = Table(
    "deletions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", BigInteger, nullable=False, index=True),
    Column("deleted_at", UTCDateTime, nullable=False),
)
