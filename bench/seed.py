"""Many users with due reminders, written straight to the database (tests and benchmarks)."""

from __future__ import annotations

import base64
import hashlib
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.core import consent
from bot.core.schedule import Kind
from bot.keys import Keyring, open_keyring
from bot.settings import Settings
from models import Checkin, Reminder, SleepDiary, User
from models.sealed import attach, writing_for

# Synthetic data only: one fixed master key for every benchmark process, and a key store per
# database in a folder of their own, so that bots in other processes find the same keys.
BENCH_MASTER_KEY = base64.urlsafe_b64encode(hashlib.sha256(b"stillnight bench").digest()).decode()
BENCH_KEYS = Path(tempfile.gettempdir()) / "stillnight-bench-keys"


def bench_keystore(database_url: str) -> str:
    BENCH_KEYS.mkdir(mode=0o700, exist_ok=True)
    name = hashlib.sha256(database_url.encode()).hexdigest()[:16]
    return f"sqlite+aiosqlite:///{BENCH_KEYS / name}.db"


async def attach_bench_keys(engine: AsyncEngine, database_url: str) -> Keyring:
    """The benchmark's keys on a seeding engine (close the keyring when done)."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        master_key=SecretStr(BENCH_MASTER_KEY),
        keystore_url=bench_keystore(database_url),
    )
    keyring = await open_keyring(settings)
    attach(engine, keyring)
    return keyring


async def seed_users(
    session: AsyncSession,
    ids: Sequence[int],
    zones: Sequence[str],
    now: datetime,
    due_at: Sequence[datetime | None],
) -> None:
    """Onboarded users with an evening reminder due at `due_at[i]` and a morning one off."""
    await session.execute(
        insert(User),
        [
            {
                "id": uid,
                "consent": True,
                "consent_version": consent.VERSION,
                "consent_at": now,
                "timezone": zones[i % len(zones)],
                "checkin_time": time(22, 0),
                "morning_time": time(7, 30),
                "onboarded": True,
                "active": True,
                "created_at": now,
            }
            for i, uid in enumerate(ids)
        ],
    )
    await session.execute(
        insert(Reminder),
        [
            row
            for i, uid in enumerate(ids)
            for row in (
                {"user_id": uid, "kind": Kind.EVENING.value, "enabled": True, "due_at": due_at[i]},
                {"user_id": uid, "kind": Kind.MORNING.value, "enabled": False, "due_at": None},
            )
        ],
    )


async def seed_year(session: AsyncSession, user_id: int, last: date, nights: int = 365) -> None:
    """A saved check-in and sleep diary on each of the `nights` nights up to `last` (a year
    of nights for a user who asks for reports)."""
    rows: list[dict[str, object]] = []
    diaries: list[dict[str, object]] = []
    for i in range(nights):
        night = last - timedelta(days=i)
        saved = datetime.combine(night, time(21, 0), UTC)
        rows.append({
            "user_id": user_id, "night": night, "zone": "Europe/Berlin",
            "severity": i % 11, "onset": "evening",
            "urge": "often", "locations": ["calves"], "sensations": ["tingling"],
            "took_medicine": False, "caffeine": i % 3 == 0, "alcohol": False, "exercise": False,
            "nicotine": False, "note": f"night {i}", "answered": [], "saved_at": saved,
            "updated_at": saved,
        })  # fmt: skip
        diaries.append({
            "user_id": user_id, "night": night, "zone": "Europe/Berlin",
            "bed_time": time(23), "tried_time": time(23, 10),
            "latency_min": 20, "awakenings": 2, "awake_min": 30, "wake_time": time(6, 40),
            "out_time": time(7), "quality": 3, "legs": 1, "walks": 1, "answered": [],
            "saved_at": saved, "updated_at": saved,
        })  # fmt: skip
    with writing_for(user_id):  # the answers are sealed with the user's key
        await session.execute(insert(Checkin), rows)
        await session.execute(insert(SleepDiary), diaries)
