"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection

from bot.db import make_engine
from bot.migrate import alembic_config
from models import Base, User
from tests.processes import run_bot


def _diff(connection: Connection) -> list:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, Base.metadata)


async def test_models_and_migrations_do_not_drift(database_url: str) -> None:
    engine = make_engine(database_url)
    async with engine.connect() as connection:
        assert await connection.run_sync(_diff) == []
    await engine.dispose()


async def test_downgrade_to_nothing_and_up_again(database_url: str) -> None:
    engine = make_engine(database_url)

    def cycle(connection: Connection) -> set[str]:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        command.upgrade(config, "head")
        return set(inspect(connection).get_table_names())

    async with engine.begin() as connection:
        tables = await connection.run_sync(cycle)
    await engine.dispose()
    assert {t.name for t in Base.metadata.sorted_tables} <= tables


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_processes_starting_at_once_migrate_one_at_a_time(
    database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)

    def down(connection: Connection) -> None:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.downgrade(config, "base")

    async with engine.begin() as connection:
        await connection.run_sync(down)
    env = {"DATABASE_URL": database_url}
    results = await asyncio.gather(*(run_bot("migrate", cwd=tmp_path, env=env) for _ in range(3)))
    assert [code for code, _, _ in results] == [0, 0, 0], results
    async with engine.connect() as connection:
        assert await connection.run_sync(_diff) == []
    await engine.dispose()


async def test_consent_given_before_versions_counts_as_the_first_text(database_url: str) -> None:
    """0007: everyone who agreed before it agreed to version 1, when their row was made."""
    engine = make_engine(database_url)
    made = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)

    def back_and_up(connection: Connection) -> tuple[object, ...]:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        connection.execute(
            text(
                "INSERT INTO users (id, consent, checkin_time, morning_time, onboarded, active,"
                " monthly_summary, created_at) VALUES (7, true, '22:00:00', '07:30:00', true,"
                " true, false, :made)"
            ),
            {"made": made},
        )
        command.upgrade(config, "head")
        return tuple(connection.execute(select(User.consent_version, User.consent_at)).one())

    async with engine.begin() as connection:
        version, at = await connection.run_sync(back_and_up)
    await engine.dispose()
    assert version == 1 and at == made


async def test_one_medicine_a_night_upgrades_to_doses_with_nothing_lost(database_url: str) -> None:
    """A database made by revision 0004 (one medicine per check-in) upgrades with every
    answer kept, and a medicine taken before gets its "started" event on its first night."""
    engine = make_engine(database_url)

    def at_0004(connection: Connection) -> None:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        connection.execute(
            text(
                "INSERT INTO users (id, consent, checkin_time, morning_time, onboarded, active,"
                " monthly_summary, created_at) VALUES (7, true, '22:00:00', '07:30:00', true,"
                " true, false, '2026-11-01 10:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO medicines (id, user_id, name, retired)"
                " VALUES (3, 7, 'Ropinirole', false)"
            )
        )
        for night, medicine, taken in (
            ("2026-11-02", 3, "'21:30:00'"),
            ("2026-11-03", 3, "NULL"),
            ("2026-11-04", "NULL", "NULL"),
        ):
            connection.execute(
                text(
                    "INSERT INTO checkins (user_id, night, severity, took_medicine, medicine_id,"
                    f" medicine_time, answered, updated_at) VALUES (7, '{night}', 5,"
                    f" {'true' if medicine != 'NULL' else 'false'}, {medicine}, {taken},"
                    " '[\"sev\", \"med\"]', '2026-11-04 10:00:00')"
                )
            )

    def up(connection: Connection) -> tuple[list, list]:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0010")  # the data as it was, before 0012 makes it bytes
        rows = connection.execute(
            text("SELECT night, severity, took_medicine, doses FROM checkins ORDER BY night")
        ).all()
        events = connection.execute(
            text("SELECT medicine_id, day, kind FROM medicine_events")
        ).all()
        weekly = connection.execute(text("SELECT weekly_feedback FROM users")).scalars().all()
        assert [bool(w) for w in weekly] == [False], "existing users: weekly feedback off"
        return [tuple(r) for r in rows], [tuple(e) for e in events]

    async with engine.begin() as connection:
        await connection.run_sync(at_0004)
    async with engine.begin() as connection:
        rows, events = await connection.run_sync(up)
    await engine.dispose()

    def doses(raw: object) -> object:
        return json.loads(raw) if isinstance(raw, str) else raw

    assert [(str(n), s, bool(took), doses(d)) for n, s, took, d in rows] == [
        ("2026-11-02", 5, True, [{"id": 3, "time": "21:30", "amount": None}]),
        ("2026-11-03", 5, True, [{"id": 3, "time": None, "amount": None}]),
        ("2026-11-04", 5, False, None),
    ]
    assert [(m, str(day), kind) for m, day, kind in events] == [(3, "2026-11-02", "started")]


async def test_nights_logged_before_get_their_users_zone(database_url: str) -> None:
    """Check-ins and diaries made before revision 0008 are given their user's zone (UTC for
    a user who never chose one); the data exports then say where each night was logged."""
    engine = make_engine(database_url)

    def at_0005(connection: Connection) -> None:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        for user, zone in ((7, "'Europe/Berlin'"), (8, "NULL")):
            connection.execute(
                text(
                    "INSERT INTO users (id, consent, timezone, checkin_time, morning_time,"
                    f" onboarded, active, monthly_summary, created_at) VALUES ({user}, true,"
                    f" {zone}, '22:00:00', '07:30:00', true, true, false, '2026-11-01 10:00:00')"
                )
            )
            for table in ("checkins", "sleep_diaries"):
                connection.execute(
                    text(
                        f"INSERT INTO {table} (user_id, night, answered, updated_at)"
                        f" VALUES ({user}, '2026-11-02', '[]', '2026-11-03 10:00:00')"
                    )
                )

    def up(connection: Connection) -> list[tuple[int, str]]:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0010")  # the data as it was, before 0012 makes it bytes
        return [
            tuple(row)
            for table in ("checkins", "sleep_diaries")
            for row in connection.execute(
                text(f"SELECT user_id, zone FROM {table} ORDER BY user_id")
            ).all()
        ]

    async with engine.begin() as connection:
        await connection.run_sync(at_0005)
    async with engine.begin() as connection:
        zones = await connection.run_sync(up)
    await engine.dispose()
    assert zones == [(7, "Europe/Berlin"), (8, "UTC")] * 2
