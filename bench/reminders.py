"""``python -m bench reminders [--quick]``: the reminder engine at 100,000 users.

Figures (the last line of output is one JSON object with all of them):
- start: seconds from building the Application to polling with the reminder job scheduled,
  with the users already in the database (nothing scans them at start-up);
- rss: the process's peak resident memory, stand-in included;
- claim throughput: every user's reminder due at once; deliveries per second through
  materialize + lease + the still-wanted check, with sending lifted out;
- send rate: a backlog sent through a stand-in that enforces 30 messages/s overall and one
  per second per chat (429 beyond), as a ratio of the configured limit, and the 429s;
- baseline, same run, same stand-in: the same dispatcher without pacing (sending as fast
  as it can and obeying each RetryAfter), which is what a naive sender does.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import resource
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from multiprocessing.connection import Connection
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import select, update

from bench.seed import BENCH_MASTER_KEY, bench_keystore, seed_users
from bot.app import build_application, polling
from bot.clock import ManualClock
from bot.core.schedule import Kind, next_due
from bot.data import deliveries as claim
from bot.data.wanted import still_wanted
from bot.db import make_engine, make_sessionmaker
from bot.migrate import upgrade
from bot.reminders.pacer import Pacer
from bot.settings import Settings
from models import Delivery, Reminder
from stillnight_dev.standin import BotApiStandin

TOKEN = "4242:bench"
ZONES = [
    "Europe/Berlin",
    "Europe/London",
    "Europe/Lisbon",
    "Europe/Kyiv",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Shanghai",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Africa/Lagos",
    "Asia/Dubai",
]
LIMIT = 30.0
START = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM).

    Not getrusage's ru_maxrss: Linux carries that across the fork + exec that starts the
    bot process, so it would report the parent's (the stand-in's) peak.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase(name: str) -> None:
    print(f"  [{name}: peak RSS so far {peak_rss_mb():.0f} MB]")


async def seed(url: str, users: int, now: datetime) -> None:
    rng = random.Random(7)
    engine = make_engine(url)
    await upgrade(engine)
    maker = make_sessionmaker(engine)
    chunk = 5000
    for first in range(0, users, chunk):
        ids = list(range(1_000_000 + first, 1_000_000 + min(first + chunk, users)))
        zones = [rng.choice(ZONES) for _ in ids]
        times = [clock_time(rng.randint(19, 23), rng.choice((0, 15, 30, 45))) for _ in ids]
        due = [next_due(Kind.EVENING, t, z, now) for t, z in zip(times, zones, strict=True)]
        async with maker.begin() as session:
            await seed_users(session, ids, zones, now, due)
    await engine.dispose()


async def claim_throughput(url: str, now: datetime) -> tuple[int, float]:
    """Everything due at once; claim it all without sending. Returns (count, seconds)."""
    engine = make_engine(url)
    maker = make_sessionmaker(engine)
    async with maker.begin() as session:
        await session.execute(
            update(Reminder).where(Reminder.kind == Kind.EVENING.value).values(due_at=now)
        )
    claimed = 0
    started = time.perf_counter()
    while True:
        async with maker.begin() as session:
            made = await claim.materialize(session, now, 1000)
        async with maker.begin() as session:
            batch = await claim.lease(session, now, 1000, timedelta(days=1))
            await still_wanted(session, batch, now)
        claimed += len(batch)
        if not made and not batch:
            break
    seconds = time.perf_counter() - started
    await engine.dispose()
    return claimed, seconds


async def make_backlog(url: str, skip: int, count: int) -> None:
    """Exactly `count` deliveries waiting to be sent (the ones after the first `skip`)."""
    engine = make_engine(url)
    async with make_sessionmaker(engine).begin() as session:
        chosen = select(Delivery.id).order_by(Delivery.id).offset(skip).limit(count)
        await session.execute(
            update(Delivery).values(status=claim.Status.SKIPPED, lease_until=None)
        )
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chosen.scalar_subquery()))
            .values(status=claim.Status.PENDING)
        )
    await engine.dispose()


async def send_phase(app, paced: bool) -> dict[str, float]:
    dispatcher = app.bot_data.dispatcher
    if not paced:
        dispatcher.pacer = Pacer(1e9, 0.0)
    starts: list[float] = []
    original = dispatcher.send

    async def timed(item):
        starts.append(time.perf_counter())
        return await original(item)

    dispatcher.send = timed
    outcome = await dispatcher.run_once()
    dispatcher.send = original
    elapsed = (starts[-1] - starts[0]) if len(starts) > 1 else float("nan")
    rate = (outcome.sent - 1) / elapsed if outcome.sent > 1 else 0.0
    return {
        "sent": outcome.sent,
        "seconds": round(elapsed, 2),
        "rate_per_s": round(rate, 2),
        "ratio_of_limit": round(rate / LIMIT, 3),
        "http_429": outcome.retry_after,
    }


async def bot_side(url: str, api_url: str, users: int, backlog: int) -> dict[str, object]:
    """Everything the bot process does; runs in its own process so its memory is its own."""
    settings = Settings(
        telegram_bot_token=SecretStr(TOKEN),
        telegram_base_url=api_url,
        database_url=url,
        master_key=SecretStr(BENCH_MASTER_KEY),
        keystore_url=bench_keystore(url),
        send_rate_per_second=LIMIT,
        reminder_check_seconds=3600,
    )
    phase("bot process imported")
    t0 = time.perf_counter()
    app = build_application(settings, ManualClock(START))
    async with polling(app, poll_timeout=1):
        start_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        await app.bot_data.dispatcher.run_once()
        idle_ms = (time.perf_counter() - t0) * 1000
        print(
            f"start with {users:,} users: {start_seconds:.3f} s; an idle job run {idle_ms:.1f} ms"
        )
        claimed, claim_seconds = await claim_throughput(url, START)
        print(
            f"claim throughput (sending lifted): {claimed:,} in {claim_seconds:.1f} s "
            f"= {claimed / claim_seconds:,.0f}/s"
        )
        phase("claimed")
        await make_backlog(url, 0, backlog)
        paced = await send_phase(app, paced=True)
        print(f"paced send: {paced}")
        phase("paced send")
        await make_backlog(url, backlog, backlog)
        naive = await send_phase(app, paced=False)
        print(f"baseline, unpaced send: {naive}")
        phase("unpaced send")
    return {
        "start_seconds": round(start_seconds, 3),
        "idle_job_ms": round(idle_ms, 1),
        "claim_per_second": round(claimed / claim_seconds),
        "paced": paced,
        "baseline_unpaced": naive,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def _bot_process(url: str, api_url: str, users: int, backlog: int, out: Connection) -> None:
    out.send(asyncio.run(bot_side(url, api_url, users, backlog)))


async def run(users: int, backlog: int, database: str | None) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="bench-reminders-"))
    url = database or f"sqlite+aiosqlite:///{folder}/bench.db"
    t0 = time.perf_counter()
    await seed(url, users, START)
    print(f"seeded {users:,} users with spread zones and times in {time.perf_counter() - t0:.1f} s")
    api = BotApiStandin(valid_token=TOKEN, track_handling=False)
    await api.start()
    for uid in range(1_000_000, 1_000_000 + users):
        api.add_chat(uid)
    api.limits.overall_per_second, api.limits.per_chat_seconds = LIMIT, 1.0
    api.limits.per_chat_burst = 1  # one a second per chat, no bursts: what the pacer keeps to
    # The bot runs in a fresh interpreter: its peak memory is not the stand-in's or the seed's.
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_bot_process, args=(url, api.url, users, backlog, send))
    process.start()
    figures = await asyncio.to_thread(receive.recv)
    await asyncio.to_thread(process.join)
    await api.stop()
    return {
        "benchmark": "reminders",
        "users": users,
        "database": "postgresql" if database else "sqlite",
        **figures,
        "send_ratio_of_limit": figures["paced"]["ratio_of_limit"],
        "http_429": figures["paced"]["http_429"],
        "standin_429_total": api.limits.rejected,
        "targets": {
            "start_seconds": 2,
            "peak_rss_mb": 150,
            "send_ratio_of_limit": 0.85,  # the pacer keeps 0.88 (bot/reminders/pacer.py)
            "http_429": 0,
        },
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench reminders")
    parser.add_argument("--quick", action="store_true", help="10,000 users, a shorter backlog")
    parser.add_argument("--users", type=int, help="number of users (default 100,000)")
    parser.add_argument("--database", help="a PostgreSQL URL instead of a temporary SQLite")
    args = parser.parse_args(argv)
    users = args.users or (10_000 if args.quick else 100_000)
    backlog = 150 if args.quick else 600
    result = asyncio.run(run(users, backlog, args.database))
    print(json.dumps(result))
    return 0
