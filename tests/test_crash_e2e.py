"""kill -9 of the bot process during a check-in and during reminder dispatch."""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bench.seed import seed_users
from bot.db import make_engine, make_sessionmaker
from bot.reminders.dispatcher import IN_FLIGHT
from models import Checkin, Delivery
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import TOKEN, sessions_with_keys
from tests.processes import kill_hard, start_bot

USERS = 150


def bot_env(api: BotApiStandin, database_url: str, **extra: str) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": api.url,
        "DATABASE_URL": database_url,
        **extra,
    }


async def polling_started(api: BotApiStandin, before: int) -> None:
    await api.wait_for(lambda: len(api.calls_to("getUpdates")) > before, timeout=30)


async def test_kill_during_a_checkin_loses_no_answer(database_url: str, tmp_path: Path) -> None:
    api = BotApiStandin(valid_token=TOKEN, track_handling=False)
    await api.start()
    env = bot_env(api, database_url)
    process = await start_bot(cwd=tmp_path, env=env)
    try:
        await polling_started(api, 0)
        user = api.user(user_id=4001, first_name="Kim")
        await onboard(user)
        await user.command("/checkin")
        await user.tap("7")
        await user.tap("Only at bedtime")
        await kill_hard(process)
        process = await start_bot(cwd=tmp_path, env=env)
        await polling_started(api, len(api.calls_to("getUpdates")))
        await user.command("/checkin")
        assert "3/8" in user.last_text
        await user.tap("Often")
    finally:
        await kill_hard(process)
        await api.stop()
    async with sessions_with_keys(database_url) as sessions, sessions() as session:
        [checkin] = list(await session.scalars(select(Checkin)))
    assert (checkin.severity, checkin.onset, checkin.urge) == (7, "bedtime", "often")
    assert not api.violations


@asynccontextmanager
async def database_held(database_url: str) -> AsyncIterator[None]:
    """Another client holds what the bot's next write needs (a backup, a migration)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        other = sqlite3.connect(str(url.database), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(dsn)
    try:
        async with conn.transaction():
            await conn.execute("LOCK TABLE processed_updates IN ACCESS EXCLUSIVE MODE")
            yield
    finally:
        await conn.close()


async def test_kill_while_a_tap_waits_for_the_database_loses_no_answer(
    database_url: str, tmp_path: Path
) -> None:
    """The tap was fetched and is being handled when the process dies: Telegram must not
    have been told it was received, so it comes again after the restart."""
    api = BotApiStandin(valid_token=TOKEN, track_handling=False)
    await api.start()
    env = bot_env(api, database_url)
    process = await start_bot(cwd=tmp_path, env=env)
    try:
        await polling_started(api, 0)
        user = api.user(user_id=4002, first_name="Lou")
        await onboard(user)
        await user.command("/checkin")
        async with database_held(database_url):
            await user.tap("7", wait=False)
            [tap] = [u["update_id"] for u in api.pending_updates() if "callback_query" in u]
            await api.wait_for(lambda: api.was_fetched(tap), timeout=10)
            polls = len(api.calls_to("getUpdates"))
            await asyncio.sleep(1.5)  # time enough for another getUpdates to confirm it
            await kill_hard(process)
        assert not api.is_confirmed(tap), "confirmed before it was handled"
        assert len(api.calls_to("getUpdates")) == polls, "no fetch while a batch is handled"
        process = await start_bot(cwd=tmp_path, env=env)
        [query] = [q for q in api.callback_queries() if q.update_id == tap]
        await api.wait_for(lambda: query.answer is not None, timeout=30)
        assert "2/8" in user.last_text
    finally:
        await kill_hard(process)
        await api.stop()
    async with sessions_with_keys(database_url) as sessions, sessions() as session:
        [checkin] = list(await session.scalars(select(Checkin)))
    assert checkin.severity == 7
    assert not api.violations


async def test_kill_during_dispatch_sends_nothing_twice_and_loses_nothing_else(
    database_url: str, tmp_path: Path
) -> None:
    ids = list(range(50_001, 50_001 + USERS))
    now = datetime.now(UTC)
    engine = make_engine(database_url)
    maker = make_sessionmaker(engine)
    async with maker.begin() as session:
        await seed_users(session, ids, ["Europe/Berlin"], now, [now - timedelta(minutes=1)] * USERS)
    api = BotApiStandin(valid_token=TOKEN, track_handling=False)
    await api.start()
    for uid in ids:
        api.add_chat(uid)
    api.limits.overall_per_second, api.limits.per_chat_seconds = 30, 1.0
    api.limits.per_chat_burst = 1  # one a second per chat, no bursts: what the pacer keeps to
    api.limits.repeat_window = 120  # a second copy to a chat is a violation
    env = bot_env(api, database_url, REMINDER_CHECK_SECONDS="0.5", REMINDER_LEASE_SECONDS="2")
    process = await start_bot(cwd=tmp_path, env=env)
    try:
        await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 40, timeout=30)
        await kill_hard(process)
        sent_at_kill = len(api.calls_to("sendMessage"))
        process = await start_bot(cwd=tmp_path, env=env)

        async def settled() -> list[str]:
            async with maker() as session:
                return list(await session.scalars(select(Delivery.status)))

        for _ in range(120):
            statuses = await settled()
            if len(statuses) == USERS and set(statuses) <= {"sent", "uncertain"}:
                break
            await asyncio.sleep(0.5)
    finally:
        await kill_hard(process)
        await api.stop()
    await engine.dispose()
    # What each user received; a send that Telegram refused with 429 and that was tried
    # again is one message, not two.
    shown = {uid: len(api.chat(uid).messages) for uid in ids}
    assert set(shown.values()) <= {0, 1}, "no reminder twice"
    counts = Counter(statuses)
    assert counts["sent"] + counts["uncertain"] == USERS, counts
    # Uncertain: marked as going out when the process died. That is the sends in flight,
    # usually one; more when the disk is slow to commit the "sent" marks, never more than
    # the dispatcher lets fly at once.
    assert counts["uncertain"] <= IN_FLIGHT and sent_at_kill < USERS
    assert sum(shown.values()) >= USERS - counts["uncertain"], "only uncertain ones missing"
    assert not api.violations
