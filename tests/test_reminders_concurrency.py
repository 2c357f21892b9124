"""Two bot processes (two Applications, two engines) on one database: each reminder once."""

from __future__ import annotations

import asyncio
from collections import Counter

import asyncpg
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from bench.seed import seed_users
from bot.app import build_application, close_resources, open_resources
from bot.clock import ManualClock
from bot.db import make_engine, make_sessionmaker
from bot.settings import Settings
from stillnight_dev.standin import BotApiStandin
from tests.harness import MASTER_KEY, TOKEN, keystore_for

USERS = 1000
# Connections per process: several tests (and other checkouts) share one PostgreSQL server of
# 100 connections; two processes at the default (20, and 20 more at peaks) took 80 of them.
POOL = 4


async def test_two_dispatchers_send_each_of_1000_due_reminders_exactly_once(
    standin: BotApiStandin, database_url: str, clock: ManualClock
) -> None:
    ids = range(10_001, 10_001 + USERS)
    engine = make_engine(database_url)
    async with make_sessionmaker(engine).begin() as session:
        await seed_users(session, ids, ["Europe/Berlin"], clock.now(), [clock.now()] * USERS)
    await engine.dispose()
    for uid in ids:
        standin.add_chat(uid)
    standin.limits.repeat_window = 60  # a double send becomes a violation
    # The bot is set to send 5000 a second (send_rate_per_second below) so that 1000 sends take
    # seconds, not Telegram's 30 a second: this test is about claims, not pacing (the pacer's
    # own tests and tests/test_crash_e2e.py keep Telegram's rate).
    standin.limits.overall_per_second = None

    settings = Settings(
        telegram_bot_token=SecretStr(TOKEN),
        telegram_base_url=standin.url,
        database_url=database_url,
        master_key=SecretStr(MASTER_KEY),
        keystore_url=keystore_for(database_url),
        send_rate_per_second=5000,
        database_pool_size=POOL,
    )
    apps = [build_application(settings, clock) for _ in range(2)]
    for app in apps:
        await app.initialize()
        await open_resources(app)
    peak = await connections_now(database_url)
    try:
        watch = asyncio.create_task(watch_connections(database_url))
        outcomes = await asyncio.gather(*(app.bot_data.dispatcher.run_once() for app in apps))
        watch.cancel()
        peak = max(peak, max(seen_connections, default=0))
    finally:
        for app in apps:
            await close_resources(app)
            await app.shutdown()

    per_chat = Counter(call["chat_id"] for call in standin.calls_to("sendMessage"))
    assert len(per_chat) == USERS and set(per_chat.values()) == {1}
    assert sum(o.sent for o in outcomes) == USERS
    claimed = [set(o.claimed) for o in outcomes]
    assert not claimed[0] & claimed[1], "no delivery was claimed by both"
    assert peak <= 2 * 2 * POOL + 1, f"{peak} connections: the pool setting is not kept"


seen_connections: list[int] = []


async def connections_now(database_url: str) -> int:
    """Backends open on this test's database (0 on SQLite), the watcher's own left out."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        return 0
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(dsn)
    try:
        query = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        return int(await conn.fetchval(query)) - 1
    finally:
        await conn.close()


async def watch_connections(database_url: str) -> None:
    seen_connections.clear()
    while True:
        seen_connections.append(await connections_now(database_url))
        await asyncio.sleep(0.02)
