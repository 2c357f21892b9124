"""The morning sleep diary: one row per user and night, filled in one answer at a time."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import JSON, BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.sealed import Sealed


class SleepDiary(Base):
    """The Consensus Sleep Diary core plus two RLS items (docs/CLINICAL_NOTES.md).

    Times are local clock times as the user gave them; the night's real instants and the
    derived metrics are computed from them and the user's zone (bot/core/sleep_diary.py).
    Every answer is sealed (models/sealed.py); `answered` works as on Checkin: listed but
    empty means skipped.
    """

    __tablename__ = "sleep_diaries"
    __table_args__ = (UniqueConstraint("user_id", "night"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    night: Mapped[date]
    # The IANA zone the entry was logged in (the user's zone when it was made).
    zone: Mapped[str] = mapped_column(String(64))
    bed_time: Mapped[time | None] = mapped_column(Sealed("sleep_diaries.bed_time", "time"))
    tried_time: Mapped[time | None] = mapped_column(Sealed("sleep_diaries.tried_time", "time"))
    latency_min: Mapped[int | None] = mapped_column(Sealed("sleep_diaries.latency_min", "int"))
    awakenings: Mapped[int | None] = mapped_column(Sealed("sleep_diaries.awakenings", "int"))
    awake_min: Mapped[int | None] = mapped_column(Sealed("sleep_diaries.awake_min", "int"))
    wake_time: Mapped[time | None] = mapped_column(Sealed("sleep_diaries.wake_time", "time"))
    out_time: Mapped[time | None] = mapped_column(Sealed("sleep_diaries.out_time", "time"))
    # 1 very poor .. 5 very good (SleepQuality)
    quality: Mapped[int | None] = mapped_column(Sealed("sleep_diaries.quality", "int"))
    # 0 no, 1 a little, 2 a lot (LegsImpact)
    legs: Mapped[int | None] = mapped_column(Sealed("sleep_diaries.legs", "int"))
    walks: Mapped[int | None] = mapped_column(Sealed("sleep_diaries.walks", "int"))
    comments: Mapped[str | None] = mapped_column(Sealed("sleep_diaries.comments", "str"))
    answered: Mapped[list[str]] = mapped_column(JSON, default=list)
    saved_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
