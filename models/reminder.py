"""Reminders as data: what is due next, and a record of every send (the outbox)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class Reminder(Base):
    """One recurring reminder of a user; `due_at` is its next firing in UTC (None when off)."""

    __tablename__ = "reminders"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    enabled: Mapped[bool] = mapped_column(default=True)
    due_at: Mapped[datetime | None] = mapped_column(index=True)


class Delivery(Base):
    """One message to send for a firing. Unique per (user, kind, night, round): a second send
    of the same reminder cannot even be recorded. Round 0 is the firing, 1.. its snoozes.

    `lease_until` lets one process own a pending row for a while; a crash lets it expire,
    and another process picks the row up.
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", "night", "round"),
        Index("ix_deliveries_pending", "status", "send_after"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    night: Mapped[date]
    round: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime]
    send_after: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="pending")
    lease_until: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    sent_at: Mapped[datetime | None]
