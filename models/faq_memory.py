"""The last FAQ topic answered in a user's chat, so "source?", "tell me more" or "why?"
can be answered by whichever process gets the follow-up. One row per user, kept only a
short while (bot/data/faq_memory.py), and only for users who consented to storage."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.sealed import Sealed


class FaqMemory(Base):
    __tablename__ = "faq_memory"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(Sealed("faq_memory.topic", "str"))
    answered_at: Mapped[datetime]
