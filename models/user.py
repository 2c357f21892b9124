"""A person who talks to the bot, and the medicines they track by name."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import BigInteger, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.sealed import Sealed

DEFAULT_CHECKIN_TIME = time(22, 0)
DEFAULT_MORNING_TIME = time(7, 30)


class User(Base):
    """Keyed by the Telegram user id, which is also the id of their private chat."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    consent: Mapped[bool]
    consent_version: Mapped[int | None]  # the version of the text answered (bot/core/consent)
    consent_at: Mapped[datetime | None]  # when they answered
    timezone: Mapped[str | None] = mapped_column(String(64))
    checkin_time: Mapped[time] = mapped_column(default=DEFAULT_CHECKIN_TIME)
    morning_time: Mapped[time] = mapped_column(default=DEFAULT_MORNING_TIME)
    onboarded: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    paused_until: Mapped[datetime | None]
    monthly_summary: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Asked at onboarding; off for users from before it existed (they never asked for it).
    weekly_feedback: Mapped[bool] = mapped_column(default=False, server_default=false())
    # A code of bot.i18n.LANGUAGES; None until stored (Telegram's language_code decides).
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime]
    # When /delete's first "yes" was tapped: the second one counts only soon after it.
    delete_asked_at: Mapped[datetime | None]

    medicines: Mapped[list[Medicine]] = relationship(
        order_by="Medicine.id", cascade="all, delete-orphan", passive_deletes=True
    )
    factors: Mapped[list[Factor]] = relationship(
        order_by="Factor.id", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def zone(self) -> str:
        """The user's IANA time zone; UTC until they choose one (the first onboarding step)."""
        return self.timezone or "UTC"


class Medicine(Base):
    """A medicine the user named; the bot records it and when it was taken, nothing more."""

    __tablename__ = "medicines"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Sealed("medicines.name", "str"))
    # Removed from the list in /settings but kept, so past check-ins keep its name.
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())


class MedicineEvent(Base):
    """A medicine started, changed ("dose changed", in the user's words) or stopped on a day.

    Summaries and the doctor's report show these beside the nights, so a change in how the
    nights went can be read against what changed in the treatment.
    """

    __tablename__ = "medicine_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    medicine_id: Mapped[int] = mapped_column(ForeignKey("medicines.id", ondelete="CASCADE"))
    day: Mapped[date]
    # started, changed, stopped
    kind: Mapped[str] = mapped_column(Sealed("medicine_events.kind", "str"))
    # what changed, as the user typed it
    note: Mapped[str | None] = mapped_column(Sealed("medicine_events.note", "str"))
    created_at: Mapped[datetime]


class Factor(Base):
    """A factor of the user's own ("long car ride", "iron tablet"), asked in the check-in.

    Check-ins store the names that applied, so renaming or retiring one leaves past nights
    as they were.
    """

    __tablename__ = "factors"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Sealed("factors.name", "str"))
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())
