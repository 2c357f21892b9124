"""The ids of the bot's messages in private chats, kept 48 hours and no content.

Telegram lets a bot delete its own message in a private chat only within 48 hours of
sending it, and only by id: these rows are what "delete my messages here" needs after
/delete. They are pruned 48 hours after the message was sent.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class SentMessage(Base):
    __tablename__ = "sent_messages"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    sent_at: Mapped[datetime] = mapped_column(index=True)
