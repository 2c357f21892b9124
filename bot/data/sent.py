"""The ids of the bot's recent messages in each private chat (models/sent.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError

from bot.data import Sessions, Tx
from bot.data.dialects import insert
from models import SentMessage

DELETABLE_FOR = timedelta(hours=48)  # Telegram: a bot deletes its own message within 48 h


async def note(maker: Sessions, chat_id: int, message_id: int, at: datetime) -> bool:
    """Note a message the bot sent; False when the database did not answer (the message is
    then simply not among those the bot can delete later)."""
    try:
        async with maker.begin() as tx:
            await tx.execute(
                insert(tx, SentMessage)
                .values(chat_id=chat_id, message_id=message_id, sent_at=at)
                .on_conflict_do_nothing()
            )
    except (SQLAlchemyError, OSError):
        return False
    return True


async def take_deletable(tx: Tx, chat_id: int, now: datetime) -> list[int]:
    """The ids of the bot's messages in the chat it may still delete, forgotten from here."""
    ids = list(
        await tx.scalars(
            select(SentMessage.message_id)
            .where(SentMessage.chat_id == chat_id, SentMessage.sent_at > now - DELETABLE_FOR)
            .order_by(SentMessage.message_id)
        )
    )
    await tx.execute(delete(SentMessage).where(SentMessage.chat_id == chat_id))
    return ids


async def prune(tx: Tx, now: datetime) -> None:
    """Past 48 hours Telegram lets no bot delete the message: its id can go."""
    await tx.execute(delete(SentMessage).where(SentMessage.sent_at <= now - DELETABLE_FOR))
