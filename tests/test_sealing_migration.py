"""Migrations 0014 and 0016 on a database from before encryption: every value sealed in
place, in batches, and a run interrupted half way goes on where it stopped."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
from alembic import command
from pydantic import SecretStr
from sqlalchemy import LargeBinary, Table, select, text, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.data import sealing
from bot.db import make_engine, make_sessionmaker, shown
from bot.keys import open_keyring, startup
from bot.migrate import alembic_config
from bot.settings import Settings
from models import (
    Checkin,
    Factor,
    FaqMemory,
    Medicine,
    MedicineEvent,
    ReportDetails,
    SealingTodo,
    SleepDiary,
)
from models.sealed import MARK, Sealed, attach
from tests.harness import MASTER_KEY

DOSES = [{"id": 1, "time": "21:00", "amount": "0.25 mg"}]
NAME = "Ana Müller, born 12 May 1961"


def plain_database(connection: Connection, url: str) -> None:
    """Revision 0010 with two users' nights in clear, as a database of before 0014 holds."""
    config = alembic_config(url)
    config.attributes["connection"] = connection
    command.downgrade(config, "0010")
    for user in (7, 8):
        connection.execute(
            text(
                "INSERT INTO users (id, consent, checkin_time, morning_time, onboarded, active,"
                " monthly_summary, weekly_feedback, created_at) VALUES (:u, true, '22:00:00',"
                " '07:30:00', true, true, false, false, '2026-11-01 20:00:00')"
            ),
            {"u": user},
        )
        connection.execute(
            text(
                "INSERT INTO medicines (id, user_id, name, retired)"
                " VALUES (:m, :u, 'Pramipexole', false)"
            ),
            {"m": user, "u": user},
        )
        connection.execute(
            text(
                "INSERT INTO medicine_events (user_id, medicine_id, day, kind, note, created_at)"
                " VALUES (:u, :m, '2026-11-01', 'changed', 'half a tablet more', '2026-11-01')"
            ),
            {"m": user, "u": user},
        )
        connection.execute(
            text("INSERT INTO factors (user_id, name, retired) VALUES (:u, 'Hot bath', false)"),
            {"u": user},
        )
        connection.execute(
            text(
                "INSERT INTO faq_memory (user_id, topic, answered_at)"
                " VALUES (:u, 'iron', '2026-11-01 20:00:00')"
            ),
            {"u": user},
        )
        for night in (date(2026, 11, 2), date(2026, 11, 3)):
            connection.execute(
                text(
                    "INSERT INTO checkins (user_id, night, zone, severity, onset, locations,"
                    " took_medicine, doses, caffeine, note, answered, updated_at) VALUES (:u,"
                    " :night, 'Europe/Berlin', 7, 'bedtime', :locations, true, :doses, false,"
                    " 'Plain old note', '[]', '2026-11-03 10:00:00')"
                ),
                {"u": user, "night": night, "locations": '["calves"]', "doses": json.dumps(DOSES)},
            )
            connection.execute(
                text(
                    "INSERT INTO sleep_diaries (user_id, night, zone, bed_time, quality,"
                    " comments, answered, updated_at) VALUES (:u, :night, 'Europe/Berlin',"
                    " '23:10:00', 2, 'Slept badly', '[]', '2026-11-03 10:00:00')"
                ),
                {"u": user, "night": night},
            )
    command.upgrade(config, "0015")  # the report's details, on `users` in clear until 0016
    connection.execute(
        text("UPDATE users SET appointment = '2026-10-12', report_name = :name WHERE id = 7"),
        {"name": NAME},
    )
    connection.execute(text("UPDATE users SET report_name = :name WHERE id = 8"), {"name": NAME})
    command.upgrade(config, "head")


async def raw_values(engine: AsyncEngine, table: Table) -> list[bytes]:
    names = [c.name for c in table.c if isinstance(c.type, Sealed)]
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(*(type_coerce(table.c[n], LargeBinary) for n in names))
        )
        return [bytes(v) for row in rows for v in row if v is not None]


async def test_a_plain_database_is_sealed_in_place_and_an_interrupted_run_goes_on(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(plain_database, database_url)
    tables = sealing.sealed_tables()
    plain = [v for t in tables for v in await raw_values(engine, t)]
    assert b"Plain old note" in plain and not any(v.startswith(MARK) for v in plain)

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        master_key=SecretStr(MASTER_KEY),
        keystore_url=f"sqlite+aiosqlite:///{tmp_path}/keys.db",
    )
    keyring = await open_keyring(settings)
    attach(engine, keyring)
    monkeypatch.setattr(sealing, "BATCH", 1)
    batches = 0
    seal_batch = sealing._seal_batch

    async def stopping_after_three(*args: object) -> int:
        nonlocal batches
        batches += 1
        if batches > 3:
            raise KeyboardInterrupt  # the operator's Ctrl+C, half way through
        return await seal_batch(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sealing, "_seal_batch", stopping_after_three)
    with pytest.raises(KeyboardInterrupt):
        await startup.start(engine, keyring, shown(settings.key_store))
    half = [v for t in tables for v in await raw_values(engine, t)]
    assert 0 < sum(v.startswith(MARK) for v in half) < len(half), "some sealed, not all"

    monkeypatch.setattr(sealing, "_seal_batch", seal_batch)
    await startup.start(engine, keyring, shown(settings.key_store))  # the next start goes on
    sealed = [v for t in tables for v in await raw_values(engine, t)]
    assert len(sealed) == len(plain) and all(v.startswith(MARK) for v in sealed)
    assert not any(b"Plain old note" in v or b"Pramipexole" in v for v in sealed)
    assert not any(b"2026-10-12" in v or "Müller".encode() in v for v in sealed)

    async with engine.connect() as connection:
        assert (await connection.execute(select(SealingTodo))).all() == []
    async with make_sessionmaker(engine)() as session:
        checkins = list(await session.scalars(select(Checkin).order_by(Checkin.id)))
        diaries = list(await session.scalars(select(SleepDiary)))
        medicines = list(await session.scalars(select(Medicine)))
        events = list(await session.scalars(select(MedicineEvent)))
        factors = list(await session.scalars(select(Factor)))
        topics = list(await session.scalars(select(FaqMemory.topic)))
        details = list(await session.scalars(select(ReportDetails).order_by(ReportDetails.user_id)))
    assert len(checkins) == 4 and len(diaries) == 4
    for checkin in checkins:
        assert (checkin.severity, checkin.onset, checkin.locations) == (7, "bedtime", ["calves"])
        assert (checkin.took_medicine, checkin.caffeine, checkin.doses) == (True, False, DOSES)
        assert checkin.note == "Plain old note" and checkin.urge is None
    for diary in diaries:
        assert (diary.bed_time, diary.quality, diary.comments) == (time(23, 10), 2, "Slept badly")
    assert [m.name for m in medicines] == ["Pramipexole"] * 2
    assert [(e.kind, e.note) for e in events] == [("changed", "half a tablet more")] * 2
    assert [f.name for f in factors] == ["Hot bath"] * 2 and topics == ["iron"] * 2
    kept = [(d.user_id, d.appointment, d.name) for d in details]
    assert kept == [(7, date(2026, 10, 12), NAME), (8, None, NAME)]
    await keyring.close()
    await engine.dispose()
