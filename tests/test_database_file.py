"""The default SQLite database: owner-only whatever the umask, and the same file whichever
folder the bot starts in (as a person or systemd runs `python -m bot`)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from bot.db import make_engine
from tests.processes import run_bot


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_the_default_database_is_owner_only_and_found_from_any_folder(
    tmp_path: Path,
) -> None:
    data_home = tmp_path / "xdg-data"
    database = data_home / "stillnight" / "stillnight.db"
    env = {"XDG_DATA_HOME": str(data_home)}
    previous = os.umask(0)  # the loosest umask: nothing may depend on it
    try:
        for folder in ("one", "other"):
            cwd = tmp_path / folder
            cwd.mkdir()
            code, out, err = await run_bot("migrate", cwd=cwd, env=env)
            assert code == 0, err
            assert str(database) in out, "the bot says where its database is"
            assert not (cwd / "data").exists(), "nothing depends on the working folder"
            if folder == "one":
                with sqlite3.connect(database) as db:
                    db.execute(
                        "INSERT INTO processed_updates (update_id, handled_at) "
                        "VALUES (1, '2026-12-01')"
                    )
    finally:
        os.umask(previous)
    assert (mode(database.parent), mode(database)) == (0o700, 0o600)
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM processed_updates").fetchone() == (1,)


async def test_an_existing_database_file_is_made_owner_only(tmp_path: Path) -> None:
    database = tmp_path / "mine" / "stillnight.db"
    database.parent.mkdir(mode=0o755)
    sqlite3.connect(database).close()
    database.chmod(0o644)
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    code, _out, err = await run_bot("migrate", cwd=tmp_path, env=env)
    assert code == 0, err
    assert mode(database) == 0o600
    assert mode(database.parent) == 0o755, "a folder the operator made is theirs"


async def test_the_bots_sqlite_connections_overwrite_deleted_rows(tmp_path: Path) -> None:
    """secure_delete is set by the bot, not left to how this system's SQLite was built."""
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/s.db")
    async with engine.connect() as connection:
        assert (await connection.exec_driver_sql("PRAGMA secure_delete")).scalar() == 1
    await engine.dispose()
