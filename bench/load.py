"""``python -m bench load [--quick]``: real check-ins from many users at once, and the ceiling.

Simulated users (50; ``--quick``: 20), each an onboarded user seeded straight into the
database, do whole check-ins: /checkin, the eight questions and Save (12 updates), then go
on as the next seeded user. They talk to the Bot API stand-in (``stillnight_dev.standin``) in this
process; the bot runs in its own process(es). Modes:

- ``echo``: a bare python-telegram-bot echo bot, polling, no database: the ceiling;
- ``polling-sqlite``, ``polling-postgres``: Stillnight polling, one process;
- ``reports-sqlite``: as ``polling-sqlite``, while 3 more users (a year of nights each) ask
  for the doctor's report of everything, one after another, the whole time: compare its
  latency with ``polling-sqlite``'s in the same run (reports render in worker processes);
- ``webhook-sqlite``, ``webhook-postgres``: Stillnight's webhook server, one process;
- ``webhook-postgres-2p``: two webhook processes on one database, the stand-in posting
  to them in turn as a load balancer would.

Per mode, after a warm-up: a **saturation** phase (every user acts again as soon as the
bot replied: updates/s is the bot's capacity, and the ratio to the echo bot is taken here)
and a **paced** phase (each user waits 0.5-1.5 s before each update, a fast human's pace:
p50/p99 reply latency at that many concurrent users). Latency runs from injecting an update
to the bot's reply reaching the stand-in (sendMessage for /checkin, answerCallbackQuery
for a tap). CPU time of the bot process(es), of this process (stand-in + users), of
PostgreSQL (the server's processes and this run's backends) and of the whole machine is
taken over the saturation phase; "other" is the machine's rest: kernel networking, other
programs. More than 0.25 cores of it marks the mode's figures as disturbed.
``--echo-between`` runs the echo bot again after every Stillnight mode and takes each
ratio to the mean of the echo runs before and after it (a host whose speed drifts). The
last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
from sqlalchemy.engine import make_url

from bench.load_bots import PUBLIC_URL, START, TOKEN, BotProcess, BotSpec, InProcessBot
from bench.load_users import ReportUser, SimUser, TimedStandin, run_phase, summarize
from bench.seed import attach_bench_keys, seed_users, seed_year
from bot.db import make_engine, make_sessionmaker
from bot.migrate import upgrade

POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
TARGET_RATIO = 0.5
TARGET_P99_MS = 100.0
THINK = (0.5, 1.5)
FIRST_USER = 2_000_000
FIRST_REPORTER = 1_500_000
REPORT_TIMEOUT = 120.0
REPLY_TIMEOUT = 15.0
DISTURBED_CORES = 0.25  # CPU used by none of: the bots, this process, PostgreSQL


@dataclass(frozen=True)
class Mode:
    name: str
    kind: str  # stillnight | echo
    transport: str  # polling | webhook
    database: str | None  # sqlite | postgresql | None
    processes: int = 1
    reporters: int = 0  # users asking for a year's doctor's report, one after another


ECHO = Mode("echo", "echo", "polling", None)
MODES = [
    ECHO,
    Mode("polling-sqlite", "stillnight", "polling", "sqlite"),
    Mode("reports-sqlite", "stillnight", "polling", "sqlite", reporters=3),
    Mode("polling-postgres", "stillnight", "polling", "postgresql"),
    Mode("webhook-sqlite", "stillnight", "webhook", "sqlite"),
    Mode("webhook-postgres", "stillnight", "webhook", "postgresql"),
    Mode("webhook-postgres-2p", "stillnight", "webhook", "postgresql", processes=2),
]


@dataclass(frozen=True)
class Plan:
    users: int
    warmup: float
    saturation: float
    paced: float
    pool: int  # seeded users per mode (each check-in takes a fresh one)
    think: tuple[float, float]  # paced phase: seconds between a reply and the next update
    in_process: bool
    postgres_url: str
    echo_between: bool = False  # the echo bot again after every Stillnight mode


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@asynccontextmanager
async def database(kind: str, plan: Plan, reporters: int = 0) -> AsyncIterator[str]:
    """A fresh database with the schema, `plan.pool` onboarded users and `reporters` users
    with a year of nights; removed afterwards."""
    if kind == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
        try:
            url = f"sqlite+aiosqlite:///{folder}/load.db"
            await _seed(url, plan.pool, reporters)
            yield url
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    name = f"stillnight_bench_load_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(_asyncpg_dsn(plan.postgres_url))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        url = make_url(plan.postgres_url).set(database=name).render_as_string(hide_password=False)
        await _seed(url, plan.pool, reporters)
        yield url
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def _seed(url: str, count: int, reporters: int = 0) -> None:
    engine = make_engine(url)
    await upgrade(engine)
    keyring = await attach_bench_keys(engine, url)
    ids = list(range(FIRST_USER, FIRST_USER + count))
    reporting = list(range(FIRST_REPORTER, FIRST_REPORTER + reporters))
    async with make_sessionmaker(engine).begin() as session:
        await seed_users(
            session, ids + reporting, ["Europe/Berlin"], START, [None] * len(ids + reporting)
        )
        for uid in reporting:
            await seed_year(session, uid, START.date() - timedelta(days=1))
    await engine.dispose()
    await keyring.close()


def _user_ids(limit: int | None) -> Iterator[int]:
    for n in itertools.count():
        if limit is not None and n >= limit:
            raise RuntimeError(f"all {limit} seeded users used: raise Plan.pool")
        yield FIRST_USER + n


def postgres_ticks(database_name: str | None) -> dict[int, int]:
    """CPU ticks so far of the PostgreSQL processes that work for this run: the backends
    of `database_name` and the server's own (WAL writer, checkpointer...), not other
    databases' live backends. Backends that have ended count too: the postmaster collects
    their CPU time (cutime, cstime), so a short-lived connection's work is not lost. By
    process id, so a process that ends is not counted negative."""
    ticks: dict[int, int] = {}
    if database_name is None:
        return ticks
    for folder in Path("/proc").glob("[0-9]*"):
        try:
            stat = (folder / "stat").read_text()
            title = (folder / "cmdline").read_bytes().decode(errors="replace")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        name, rest = stat[stat.index("(") + 1 :].split(")", 1)
        backend = "(" in title or "[local]" in title
        if name == "postgres" and (not backend or database_name in title):
            fields = rest.split()  # fields[0] is field 3 of proc(5): state
            ticks[int(folder.name)] = sum(int(v) for v in fields[11:15])  # utime .. cstime
    return ticks


def postgres_seconds(before: dict[int, int], after: dict[int, int]) -> float:
    return sum(t - before.get(pid, 0) for pid, t in after.items()) / 100.0  # USER_HZ


async def postgres_sessions(plan: Plan, database_name: str | None) -> int:
    """Connections opened to the database so far (the server's statistics, which may lag
    by a second)."""
    if database_name is None:
        return 0
    connection = await asyncpg.connect(_asyncpg_dsn(plan.postgres_url))
    try:
        await connection.execute("SELECT pg_stat_clear_snapshot()")
        query = "SELECT sessions FROM pg_stat_database WHERE datname = $1"
        return int(await connection.fetchval(query, database_name) or 0)
    finally:
        await connection.close()


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    with open("/proc/stat") as stat:
        # user nice system idle iowait irq softirq steal (guest time is already in user)
        fields = [int(v) for v in stat.readline().split()[1:9]]
    ticks = 100.0  # USER_HZ
    idle = fields[3] + fields[4]
    return (sum(fields) - idle) / ticks, sum(fields) / ticks


async def measure(mode: Mode, plan: Plan) -> dict[str, Any]:
    async with _maybe_database(mode, plan) as url:
        standin = TimedStandin(TOKEN)
        await standin.start()
        runner = InProcessBot if plan.in_process else BotProcess
        bots = [
            runner(BotSpec(mode.kind, mode.transport, standin.url, url or "", register=i == 0))
            for i in range(mode.processes)
        ]
        started: list[BotProcess | InProcessBot] = []
        try:
            ports = []
            for bot in bots:
                ports.append(await bot.start())
                started.append(bot)
            if mode.transport == "webhook":
                path = urlsplit(PUBLIC_URL).path
                standin.deliver_webhooks_to([f"http://127.0.0.1:{p}{path}" for p in ports])
            rng = random.Random(2026)
            ids = _user_ids(plan.pool if url else None)
            users = [SimUser(standin, ids, rng, REPLY_TIMEOUT) for _ in range(plan.users)]
            check = mode.kind == "stillnight"  # the echo bot saves nothing
            reporters = [ReportUser(standin, FIRST_REPORTER + i) for i in range(mode.reporters)]
            reporting = [asyncio.create_task(r.run(REPORT_TIMEOUT)) for r in reporters]
            await run_phase(users, plan.warmup, None, check)

            bot_cpu = [await bot.cpu() for bot in bots]
            pg_name = make_url(url).database if url and "postgresql" in url else None
            sessions = await postgres_sessions(plan, pg_name)
            own_cpu, pg_ticks, (busy, total) = (
                time.process_time(),
                postgres_ticks(pg_name),
                machine_busy(),
            )
            out, start, until = await run_phase(users, plan.saturation, None, check)
            ended = time.perf_counter()
            bot_cpu = [await bot.cpu() - before for bot, before in zip(bots, bot_cpu, strict=True)]
            own_cpu = time.process_time() - own_cpu
            pg_cpu = postgres_seconds(pg_ticks, postgres_ticks(pg_name))
            sessions = await postgres_sessions(plan, pg_name) - sessions
            busy_after, total_after = machine_busy()
            busy, total = busy_after - busy, total_after - total
            saturated = summarize(out, start, until)
            wall = ended - start
            saturated["cpu"] = {
                "bot_ms_per_update": round(sum(bot_cpu) / len(out.samples) * 1000, 2),
                "bot_cores": round(sum(bot_cpu) / wall, 2),
                "standin_and_users_cores": round(own_cpu / wall, 2),
                "postgres_cores": round(pg_cpu / wall, 2),
                "machine_cores": round(busy / wall, 2),
                "other_cores": round((busy - sum(bot_cpu) - own_cpu - pg_cpu) / wall, 2),
                "postgres_connections_opened": sessions,
                "cores": round(total / wall, 2),
            }

            out, start, until = await run_phase(users, plan.paced, plan.think, check)
            paced = summarize(out, start, until)
            for task in reporting:
                task.cancel()
            reports = [s for r in reporters for s in r.seconds]
        finally:
            figures = [await bot.stop() for bot in started]
            refused = standin.pusher.refused if standin.pusher else 0
            await standin.stop()
    return {
        "mode": mode.name,
        "bot": mode.kind,
        "transport": mode.transport,
        "database": mode.database,
        "processes": mode.processes,
        "saturated": saturated,
        "paced": paced,
        "peak_rss_mb": [f.get("peak_rss_mb") for f in figures],
        "disturbed": saturated["cpu"]["other_cores"] > DISTURBED_CORES,
        "violations": list(standin.violations[:5]),
        "webhook_refused": refused,
        "reports": {
            "made": len(reports),
            "median_s": round(statistics.median(reports), 2) if reports else None,
            "failed": sum(r.failures for r in reporters),
        }
        if mode.reporters
        else None,
    }


@asynccontextmanager
async def _maybe_database(mode: Mode, plan: Plan) -> AsyncIterator[str | None]:
    if mode.database is None:
        yield None
        return
    async with database(mode.database, plan, mode.reporters) as url:
        yield url


def cpu_model() -> str:
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


async def machine(plan: Plan) -> dict[str, Any]:
    postgres = "unavailable"
    try:
        connection = await asyncpg.connect(_asyncpg_dsn(plan.postgres_url))
        postgres = await connection.fetchval("SHOW server_version")
        await connection.close()
    except (OSError, asyncpg.PostgresError):
        pass
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "python_telegram_bot": version("python-telegram-bot"),
        "sqlalchemy": version("SQLAlchemy"),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres,
    }


def _row(result: dict[str, Any]) -> str:
    sat, paced, cpu = result["saturated"], result["paced"], result["saturated"]["cpu"]
    ratio = result.get("ratio_to_echo")
    errors = sum(sat["errors"].values()) + sum(paced["errors"].values())
    return (
        f"{result['mode']:<21}{sat['updates_per_s']:>7.0f}"
        f"{'' if ratio is None else f'{ratio:.2f}':>7}"
        f"{sat['p50_ms']:>8.1f}{sat['p99_ms']:>8.1f}"
        f"{paced['updates_per_s']:>7.0f}{paced['p50_ms']:>8.1f}{paced['p99_ms']:>8.1f}"
        f"{cpu['bot_ms_per_update']:>8.2f}{cpu['bot_cores']:>6.2f}"
        f"{cpu['standin_and_users_cores']:>6.2f}{cpu['postgres_cores']:>6.2f}"
        f"{cpu['other_cores']:>6.2f}{errors:>5}"
    )


HEADER = (
    f"{'':<21}{'-- saturated -----------------':<30}{'-- paced --------------':<23}"
    f"{'-- CPU, saturated ---------------':<32}\n"
    f"{'mode':<21}{'upd/s':>7}{'ratio':>7}{'p50 ms':>8}{'p99 ms':>8}"
    f"{'upd/s':>7}{'p50 ms':>8}{'p99 ms':>8}"
    f"{'ms/upd':>8}{'bot':>6}{'main':>6}{'pg':>6}{'other':>6}{'err':>5}"
)
LEGEND = (
    "ratio: saturated updates/s over the echo bot's. ms/upd: bot CPU per update. "
    "bot / main / pg / other: CPU cores busy in the bot process(es), this process (stand-in "
    "and users), PostgreSQL, and anything else on the machine. err: failed updates."
)


async def run(plan: Plan, names: list[str]) -> dict[str, Any]:
    about = await machine(plan)
    print(
        f"{plan.users} users; warm-up {plan.warmup:g} s, saturated {plan.saturation:g} s, "
        f"paced ({plan.think[0]:g}-{plan.think[1]:g} s between updates) {plan.paced:g} s per mode; "
        f"bots {'in this process' if plan.in_process else 'in their own processes'}"
    )
    print(f"machine: {about['cpu']}, {about['cores']} cores, Python {about['python']}")
    results: dict[str, dict[str, Any]] = {}
    echo_rates: list[float] = []  # every run of the echo bot, in order
    t0 = time.perf_counter()
    for mode in (m for m in MODES if m.name in names):
        started = time.perf_counter()
        result = await measure(mode, plan)
        if mode.kind == "echo":
            echo_rates.append(result["saturated"]["updates_per_s"])
        elif echo_rates:
            around = echo_rates[-1:]  # the echo bot's run before this mode
            if plan.echo_between:
                echo_rates.append(await _echo_again(plan))
                around = echo_rates[-2:]  # and the one after it
            _set_ratio_to_echo(result, around)
        results[mode.name] = result
        print(
            f"  {mode.name}: {time.perf_counter() - started:.1f} s; "
            f"saturated {result['saturated']}; paced {result['paced']}"
        )
        other = result["saturated"]["cpu"]["other_cores"]
        if other > DISTURBED_CORES:
            print(f"  !! something else used {other:.2f} cores meanwhile: figures disturbed")
        for violation in result["violations"]:
            print(f"  !! {violation}")
    if "echo" in results:
        results["echo"]["saturated_runs_updates_per_s"] = echo_rates
    print()
    print(HEADER)
    for result in results.values():
        print(_row(result))
    if len(echo_rates) > 1:
        print(f"echo bot, every run: {', '.join(f'{r:.0f}' for r in echo_rates)} updates/s")
    print(LEGEND)
    stillnight = [r for r in results.values() if r["bot"] == "stillnight"]
    met = {
        r["mode"]: {
            "ratio_to_echo": r.get("ratio_to_echo", 0) >= TARGET_RATIO,
            "paced_p99_ms": r["paced"]["p99_ms"] < TARGET_P99_MS,
            "saturated_p99_ms": r["saturated"]["p99_ms"] < TARGET_P99_MS,
        }
        for r in stillnight
    }
    for label, key in (
        (f"ratio to the echo bot >= {TARGET_RATIO:g}", "ratio_to_echo"),
        (f"p99 < {TARGET_P99_MS:g} ms, paced", "paced_p99_ms"),
        (f"p99 < {TARGET_P99_MS:g} ms, saturated", "saturated_p99_ms"),
    ):
        yes = [name for name, flags in met.items() if flags[key]]
        print(f"target {label} (at {plan.users} users): met by {', '.join(yes) or 'none'}")
    return {
        "benchmark": "load",
        "users": plan.users,
        "seconds": {"warmup": plan.warmup, "saturated": plan.saturation, "paced": plan.paced},
        "think_seconds": list(plan.think),
        "bots_in_process": plan.in_process,
        "updates_per_checkin": 12,
        "machine": about,
        "modes": results,
        "targets": {"ratio_to_echo": TARGET_RATIO, "p99_ms": TARGET_P99_MS, "users": 50},
        "met": met,
        "total_seconds": round(time.perf_counter() - t0, 1),
    }


async def _echo_again(plan: Plan) -> float:
    """The echo bot's saturated updates/s, measured once more (`--echo-between`), so that a
    host whose speed drifts from minute to minute meets both bots alike."""
    again = await measure(ECHO, plan)
    rate = float(again["saturated"]["updates_per_s"])
    print(f"  echo again: {rate:.0f} updates/s")
    for violation in again["violations"]:
        print(f"  !! {violation}")
    return rate


def _set_ratio_to_echo(result: dict[str, Any], echo_rates: list[float]) -> None:
    """The mode's saturated updates/s over the mean of the echo bot's runs around it."""
    result["echo_updates_per_s"] = round(sum(echo_rates) / len(echo_rates), 1)
    result["ratio_to_echo"] = round(
        result["saturated"]["updates_per_s"] / result["echo_updates_per_s"], 3
    )


def _no_nan(value: Any) -> Any:
    """NaN (no sample, or no CPU split in-process) as null: JSON has no NaN."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_nan(v) for v in value]
    return value


def _think(parser: argparse.ArgumentParser, text: str) -> tuple[float, float]:
    try:
        low, high = (float(part) for part in text.split(","))
    except ValueError:
        parser.error(f"--think wants MIN,MAX seconds, not {text!r}")
    if not 0 <= low <= high:
        parser.error("--think: 0 <= MIN <= MAX")
    return low, high


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench load")
    parser.add_argument("--quick", action="store_true", help="20 users, shorter phases")
    parser.add_argument("--users", type=int, help="concurrent users (default 50, quick 20)")
    parser.add_argument("--seconds", type=float, help="length of each measured phase")
    parser.add_argument(
        "--modes",
        help="comma-separated, from: " + ", ".join(m.name for m in MODES) + " (default: all; "
        "--quick leaves out webhook-postgres, the one-process step between the issue's modes)",
    )
    parser.add_argument(
        "--in-process", action="store_true", help="run the bots in this process's event loop"
    )
    parser.add_argument(
        "--think",
        default=f"{THINK[0]:g},{THINK[1]:g}",
        help="paced phase: MIN,MAX seconds a user waits before each update (default %(default)s)",
    )
    parser.add_argument("--postgres", default=POSTGRES_URL, help="a PostgreSQL server to use")
    parser.add_argument(
        "--echo-between",
        action="store_true",
        help="run the echo bot again after every Stillnight mode and take each ratio to the "
        "mean of the runs before and after it (for a host whose speed drifts)",
    )
    args = parser.parse_args(argv)
    quick_modes = [m.name for m in MODES if m.name != "webhook-postgres"]
    chosen = args.modes or ",".join(quick_modes if args.quick else (m.name for m in MODES))
    names = [n.strip() for n in chosen.split(",") if n.strip()]
    unknown = set(names) - {m.name for m in MODES}
    if unknown:
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    plan = Plan(
        users=args.users or (20 if args.quick else 50),
        warmup=1.0 if args.quick else 2.0,
        saturation=args.seconds or (3.0 if args.quick else 8.0),
        paced=args.seconds or (4.0 if args.quick else 12.0),
        pool=4000 if args.quick else 8000,
        think=_think(parser, args.think),
        in_process=args.in_process,
        postgres_url=args.postgres,
        echo_between=args.echo_between,
    )
    result = asyncio.run(run(plan, names))
    print(json.dumps(_no_nan(result)))
    return 0
