"""A user's stored nights, as NightRecord lists for summaries, charts and exports."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, union
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.diary_steps import metrics_of
from bot.core.records import NightRecord
from models import Checkin, Medicine, SleepDiary, User


def _checkin_fields(checkin: Checkin, medicines: dict[int, str]) -> dict[str, object]:
    return {
        "checkin_saved": checkin.saved_at is not None,
        "severity": checkin.severity,
        "onset": checkin.onset,
        "urge": checkin.urge,
        "locations": tuple(checkin.locations or ()),
        "sensations": tuple(checkin.sensations or ()),
        "took_medicine": checkin.took_medicine,
        "medicine": medicines.get(checkin.medicine_id) if checkin.medicine_id else None,
        "medicine_time": checkin.medicine_time,
        "caffeine": checkin.caffeine,
        "alcohol": checkin.alcohol,
        "exercise": checkin.exercise,
        "nicotine": checkin.nicotine,
        "note": checkin.note,
    }


def _diary_fields(diary: SleepDiary, zone: str) -> dict[str, object]:
    derived = metrics_of(diary, zone)
    return {
        "diary_saved": diary.saved_at is not None,
        "bed_time": diary.bed_time,
        "tried_time": diary.tried_time,
        "latency_min": diary.latency_min,
        "awakenings": diary.awakenings,
        "awake_min": diary.awake_min,
        "wake_time": diary.wake_time,
        "out_time": diary.out_time,
        "quality": diary.quality,
        "legs": diary.legs,
        "walks": diary.walks,
        "time_in_bed_min": derived.time_in_bed_min,
        "total_sleep_min": derived.total_sleep_min,
        "sleep_efficiency_pct": derived.sleep_efficiency_pct,
    }


async def nights(
    session: AsyncSession, user: User, start: date, end: date, saved_only: bool = True
) -> list[NightRecord]:
    """The nights from `start` to `end` (inclusive) with a check-in or a diary, oldest first."""

    def between(model: type[Checkin] | type[SleepDiary]):
        query = select(model).where(
            model.user_id == user.id, model.night >= start, model.night <= end
        )
        return query.where(model.saved_at.is_not(None)) if saved_only else query

    checkins = {c.night: c for c in await session.scalars(between(Checkin))}
    diaries = {d.night: d for d in await session.scalars(between(SleepDiary))}
    medicines = {
        m.id: m.name
        for m in await session.scalars(select(Medicine).where(Medicine.user_id == user.id))
    }
    zone = user.timezone or "UTC"
    records = []
    for night in sorted(checkins.keys() | diaries.keys()):
        fields: dict[str, object] = {}
        if night in checkins:
            fields |= _checkin_fields(checkins[night], medicines)
        if night in diaries:
            fields |= _diary_fields(diaries[night], zone)
        records.append(NightRecord(night=night, **fields))
    return records


async def entry_nights(session: AsyncSession, user_id: int) -> list[date]:
    """Every night with a saved check-in or diary (for the month picker)."""
    query = union(
        select(Checkin.night).where(Checkin.user_id == user_id, Checkin.saved_at.is_not(None)),
        select(SleepDiary.night).where(
            SleepDiary.user_id == user_id, SleepDiary.saved_at.is_not(None)
        ),
    )
    return sorted(await session.scalars(query))
