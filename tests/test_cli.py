"""`python -m bot` as a person runs it: a real process, real settings, real exit codes."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

from stillnight_dev.standin import BotApiStandin
from tests.harness import TOKEN
from tests.processes import finish, run_bot, start_bot


async def test_help_lists_every_subcommand(tmp_path: Path) -> None:
    code, out, _ = await run_bot("--help", cwd=tmp_path, env={})
    assert code == 0
    for sub in ("run", "migrate", "ask"):
        assert sub in out


async def test_without_a_token_it_explains_where_to_get_one(tmp_path: Path) -> None:
    code, out, err = await run_bot(cwd=tmp_path, env={})
    assert code == 2
    assert "TELEGRAM_BOT_TOKEN" in err and "@BotFather" in err and ".env" in err
    assert "`python -m bot demo`" in err  # a newcomer can try everything without one
    assert "Traceback" not in err + out


async def test_a_token_not_shaped_like_one_is_refused_at_once(tmp_path: Path) -> None:
    """A token like "abc" cannot be one: refused before anything (TEST-NET would hang)."""
    for malformed in ("abc", "123456", ":secret", "12ab:secret", "123:sec ret"):
        env = {"TELEGRAM_BOT_TOKEN": malformed, "TELEGRAM_BASE_URL": "http://192.0.2.1:9"}
        code, out, err = await run_bot(cwd=tmp_path, env=env)
        assert code == 2, malformed
        assert "not shaped like a Telegram bot token" in err and "@BotFather" in err
        assert "`python -m bot demo`" in err and "Could not reach" not in err
        assert "Traceback" not in err + out and malformed not in out
        assert not (tmp_path / "data").exists()  # nothing done before the check


async def test_a_wrong_token_gets_the_same_kind_of_message(tmp_path: Path) -> None:
    api = BotApiStandin(valid_token=TOKEN, track_handling=False)
    await api.start()
    try:
        wrong = "999:not-the-right-one"
        env = {"TELEGRAM_BOT_TOKEN": wrong, "TELEGRAM_BASE_URL": api.url}
        code, out, err = await run_bot(cwd=tmp_path, env=env)
    finally:
        await api.stop()
    assert code == 2
    assert "401" in err and "@BotFather" in err
    assert "Traceback" not in err + out and wrong not in err + out


async def test_migrate_applies_the_schema_and_exits(tmp_path: Path) -> None:
    database = tmp_path / "nested" / "bot.db"
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    code, out, _ = await run_bot("migrate", cwd=tmp_path, env=env)
    assert code == 0 and "up to date" in out
    tables = {r[0] for r in sqlite3.connect(database).execute("select name from sqlite_master")}
    assert {"users", "checkins", "dialogs", "medicines", "alembic_version"} <= tables


async def test_the_bot_runs_answers_and_stops_cleanly(tmp_path: Path) -> None:
    api = BotApiStandin(valid_token=TOKEN, track_handling=False)
    await api.start()
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": api.url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/bot.db",
        "LOG_LEVEL": "DEBUG",
    }
    process = await start_bot(cwd=tmp_path, env=env)
    try:
        await api.wait_for(lambda: api.calls_to("getUpdates"), timeout=30)
        user = api.user(user_id=3001, first_name="Dee")
        await user.command("/start")
        assert "Stillnight" in user.last_text
        await user.tap("Yes, store my answers")
        assert "time zone" in user.last_text
    finally:
        process.send_signal(signal.SIGTERM)
        code, out, err = await finish(process)
        await api.stop()
    assert code == 0
    assert TOKEN not in err + out
    assert "Stillnight is running" in err
