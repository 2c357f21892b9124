"""The nightly check-in: one row per user and night, filled in one answer at a time."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.sealed import Sealed


class Checkin(Base):
    """Every answer is sealed with the user's data key (models/sealed.py).

    `answered` lists the questions answered or skipped, in the order they were given.

    A question in `answered` whose column is empty was skipped; a question not in it is
    still open, which is how an interrupted check-in resumes at the right place.
    """

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("user_id", "night"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    night: Mapped[date]
    # The IANA zone the entry was logged in (the user's zone when it was made).
    zone: Mapped[str] = mapped_column(String(64))
    severity: Mapped[int | None] = mapped_column(Sealed("checkins.severity", "int"))
    onset: Mapped[str | None] = mapped_column(Sealed("checkins.onset", "str"))
    urge: Mapped[str | None] = mapped_column(Sealed("checkins.urge", "str"))
    locations: Mapped[list[str] | None] = mapped_column(Sealed("checkins.locations"))
    sensations: Mapped[list[str] | None] = mapped_column(Sealed("checkins.sensations"))
    took_medicine: Mapped[bool | None] = mapped_column(Sealed("checkins.took_medicine", "bool"))
    # The medicines taken that night, in the order given: [{"id": 3, "time": "21:00",
    # "amount": "0.25 mg"}], time and amount None when not given (bot/core/doses.py).
    doses: Mapped[list[dict[str, object]] | None] = mapped_column(Sealed("checkins.doses"))
    caffeine: Mapped[bool | None] = mapped_column(Sealed("checkins.caffeine", "bool"))
    alcohol: Mapped[bool | None] = mapped_column(Sealed("checkins.alcohol", "bool"))
    exercise: Mapped[bool | None] = mapped_column(Sealed("checkins.exercise", "bool"))
    nicotine: Mapped[bool | None] = mapped_column(Sealed("checkins.nicotine", "bool"))
    # The user's own factors that applied, by the name they had that night.
    own_factors: Mapped[list[str] | None] = mapped_column(Sealed("checkins.own_factors"))
    note: Mapped[str | None] = mapped_column(Sealed("checkins.note", "str"))
    answered: Mapped[list[str]] = mapped_column(JSON, default=list)
    saved_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
