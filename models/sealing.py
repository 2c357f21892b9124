"""Tables whose rows from before encryption (migration 0012) still wait to be sealed."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class SealingTodo(Base):
    """One row per table left; bot/data/sealing.py removes it when the table is done."""

    __tablename__ = "sealing_todo"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
