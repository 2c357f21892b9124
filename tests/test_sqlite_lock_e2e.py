"""Another process holding SQLite's write lock (the CLI, a backup tool): the bot waits for
it without stopping its event loop, and answers once the lock is free, or says "try again"
if it stays taken too long."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from bot import sqlite_driver
from handlers.errors import ERROR
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins, stored_dialog
from tests.harness import BotHarness

ANA = 1001


@contextlib.contextmanager
def write_lock_held(database_url: str) -> Iterator[None]:
    """What another process does while it writes: SQLite's write lock, taken and held."""
    other = sqlite3.connect(make_url(database_url).database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("COMMIT")
        other.close()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_checkin_waits_for_the_write_lock_while_the_bot_runs_on(
    bot: BotHarness, standin: BotApiStandin, database_url: str
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    mark = user.mark()
    with write_lock_held(database_url):
        await user.command("/checkin", wait=False)
        # This test runs on the bot's event loop: it gets here only if the waiting
        # check-in leaves the loop free (a wait inside SQLite would end in an error reply).
        await asyncio.sleep(1.0)
        assert not user.sent_since(mark), "nothing can be answered while the lock is held"
    await user.wait_for_reply(mark)
    assert "1/8" in user.last_text
    assert (await stored_dialog(bot, ANA)).step == "sev"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_write_lock_held_too_long_gets_try_again_and_changes_nothing(
    bot: BotHarness, standin: BotApiStandin, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_driver, "LOCK_WAIT_S", 0.5)
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    with write_lock_held(database_url):
        await user.command("/checkin")
        assert user.last_text == ERROR
    assert await stored_dialog(bot, ANA) is None
    assert await stored_checkins(bot, ANA) == []
    await user.command("/checkin")
    assert "1/8" in user.last_text
