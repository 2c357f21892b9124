"""The year's nights read from a database through the data layer, as a report reads them.

`python -m bench summary` times it beside the in-memory figures: this is where encryption at
rest costs (every answer opened on read). The same file runs on a tree without encryption
(bench.seed has no attach_bench_keys there), which is how before and after are compared.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta

import bench.seed
from bot.data import history
from bot.db import make_engine, make_sessionmaker
from bot.migrate import upgrade
from models import User

USER = 3_000_000
LAST = date(2026, 11, 23)


async def _timed(runs: int) -> dict[str, float | bool]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/year.db"
        engine = make_engine(url)
        await upgrade(engine)
        attach = getattr(bench.seed, "attach_bench_keys", None)
        keyring = await attach(engine, url) if attach is not None else None
        sessions = make_sessionmaker(engine)
        now = datetime(2026, 11, 24, 12, tzinfo=UTC)
        async with sessions.begin() as session:
            await bench.seed.seed_users(session, [USER], ["Europe/Berlin"], now, [None])
            await bench.seed.seed_year(session, USER, LAST)
        times = []
        for _ in range(runs + 1):  # the first warms the key cache, as a running bot has it
            async with sessions() as session:
                user = await session.get(User, USER)
                assert user is not None
                started = time.perf_counter()
                nights = await history.nights(session, user, LAST - timedelta(days=364), LAST)
                times.append((time.perf_counter() - started) * 1000)
            assert len(nights) == 365
        await engine.dispose()
        if keyring is not None:
            await keyring.close()
    return {"year_ms": round(statistics.median(times[1:]), 1), "sealed": keyring is not None}


def year_from_database(runs: int) -> dict[str, float | bool]:
    """Median ms to read a year of check-ins and diaries of one user (SQLite)."""
    return asyncio.run(_timed(runs))
