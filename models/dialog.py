"""Which question a user is answering right now: kept here so any process can continue."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base

if TYPE_CHECKING:
    from models.user import User


class Dialog(Base):
    """At most one open dialog per user (onboarding or a check-in)."""

    __tablename__ = "dialogs"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    flow: Mapped[str] = mapped_column(String(16))
    step: Mapped[str] = mapped_column(String(16))
    night: Mapped[date | None]
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    return_to_recap: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime]

    # Loaded with the dialog in one query (users.get_dialog); never assigned through.
    user: Mapped[User] = relationship(viewonly=True)
