"""Restore drills, as docs/DEPLOY.md describes them: a backup taken while the bot writes,
restored into a fresh database, and the bot resumes there with every row, an open check-in
where it stopped.

SQLite: the online backup API (what `sqlite3 … ".backup …"` runs). PostgreSQL: `pg_dump
-Fc` and `pg_restore` into a new database.
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.clock import ManualClock
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins
from tests.harness import BotHarness
from tests.test_deploy_files import needs

ANA, BEN = 1001, 1002


def sqlite_backup(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy)
    copy.close()
    live.close()


async def run(*command: str) -> None:
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    _out, err = await process.communicate()
    assert process.returncode == 0, err.decode()


def libpq_url(database_url: str) -> str:
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


async def back_up_while_the_bot_writes(
    database_url: str, tmp_path: Path, standin: BotApiStandin
) -> Path:
    """Ben taps through a check-in while the backup runs."""
    ben = standin.user(user_id=BEN, first_name="Ben")
    await onboard(ben)
    await ben.command("/checkin")
    target = tmp_path / "backup.db"
    url = make_url(database_url)

    async def back_up() -> None:
        if url.get_backend_name() == "sqlite":
            await asyncio.to_thread(sqlite_backup, Path(str(url.database)), target)
        else:
            dump = shutil.which("pg_dump") or "pg_dump"
            await run(dump, "-Fc", "-f", str(target), libpq_url(database_url))

    async def write() -> None:
        for label in ["4", "Only at bedtime", "Often", "Calves", "Done ➜"]:
            await ben.tap(label)

    await asyncio.gather(back_up(), write())
    return target


async def restore(backup: Path, database_url: str, tmp_path: Path, fresh: str) -> str:
    if make_url(database_url).get_backend_name() == "sqlite":
        restored = tmp_path / "restored" / "stillnight.db"
        restored.parent.mkdir()
        await asyncio.to_thread(sqlite_backup, backup, restored)
        with sqlite3.connect(restored) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return f"sqlite+aiosqlite:///{restored}"
    await run(shutil.which("pg_restore") or "pg_restore", "-d", libpq_url(fresh), str(backup))
    return fresh


@needs("pg_dump", "pg_restore", how="PostgreSQL's client tools, postgresql-client")
async def test_a_backup_taken_while_the_bot_writes_restores_and_the_bot_resumes(
    bot: BotHarness,
    standin: BotApiStandin,
    database_url: str,
    clock: ManualClock,
    tmp_path: Path,
    fresh_postgres: str,
) -> None:
    ana = standin.user(user_id=ANA, first_name="Ana")
    await onboard(ana)
    await ana.command("/checkin")
    await ana.tap("7")
    await ana.tap("Only at bedtime")
    backup = await back_up_while_the_bot_writes(database_url, tmp_path, standin)
    rows_then = await bot.stored_rows()
    await bot.stop()  # the server is lost; a new one starts from the backup

    restored_url = await restore(backup, database_url, tmp_path, fresh_postgres)
    # The key store is not in the backup (docs/DEPLOY.md): the restored database uses the same.
    restored = BotHarness(standin.url, restored_url, clock, keystore_url=bot.settings.key_store)
    await restored.start()
    try:
        restored_rows = await restored.stored_rows()
        for table in ("users", "reminders", "medicines", "dialogs"):
            assert restored_rows.get(table) == rows_then.get(table), table
        assert restored_rows["checkins"] == 2
        await ana.command("/checkin")
        assert "3/8" in ana.last_text, "the open check-in continues where it stopped"
        await ana.tap("Often")
        [checkin] = await stored_checkins(restored, ANA)
        assert (checkin.severity, checkin.onset, checkin.urge) == (7, "bedtime", "often")
    finally:
        await restored.close()
