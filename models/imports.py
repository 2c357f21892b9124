"""An export the user sent back to the bot, waiting for them to confirm the import."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class PendingImport(Base):
    """At most one per user: the Telegram file id of the file, read again on "Import".

    Only the id is kept, never the file's content; a newer file takes its place, and the
    row goes when the import is done or cancelled. `id` is in the confirm button, so a tap
    on an older confirmation cannot import a newer file.
    """

    __tablename__ = "pending_imports"
    # Ids never come back (SQLite would reuse a deleted row's), so an old button stays old.
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    file_id: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[datetime]
