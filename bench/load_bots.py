"""The bots under load in ``python -m bench load``: Stillnight and the bare echo bot.

Each bot runs in its own fresh process (multiprocessing "spawn"), so the stand-in and the
simulated users, which stay in the benchmark's process, do not share its event loop or its
CPU time, as Telegram's servers and the users' phones would not. ``--in-process`` runs them
in the benchmark's own event loop instead.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
import resource
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from typing import Any

from pydantic import SecretStr
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bench.load_users import LABELS
from bench.seed import BENCH_MASTER_KEY, bench_keystore
from bot.app import ALLOWED_UPDATES, build_application, polling
from bot.clock import ManualClock
from bot.logs import setup_logging
from bot.settings import Settings
from bot.webhook import webhook

TOKEN = "4343:load-bench"
SECRET = "load-bench-secret"
PUBLIC_URL = "https://stillnight.example/telegram"
START = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)  # a Tuesday, 22:00 in Berlin: check-in time
POLL_TIMEOUT = 10


@dataclass(frozen=True)
class BotSpec:
    kind: str  # "stillnight" | "echo"
    transport: str  # "polling" | "webhook"
    api_url: str
    database_url: str = ""
    register: bool = True  # webhook: this process calls setWebhook


def echo_application(api_url: str) -> Application:  # type: ignore[type-arg]
    """The ceiling: one MessageHandler and one CallbackQueryHandler, no database.

    A message gets a reply with a keyboard of every label a check-in taps; a tap edits that
    message (new text each time, as Telegram refuses an edit that changes nothing) and is
    answered, in the same order as Stillnight does it.
    """
    app = ApplicationBuilder().token(TOKEN).base_url(f"{api_url}/bot").build()
    buttons = [InlineKeyboardButton(text, callback_data=f"e:{i}") for i, text in enumerate(LABELS)]
    keyboard = InlineKeyboardMarkup([buttons[i : i + 4] for i in range(0, len(buttons), 4)])
    counter = itertools.count(1)

    async def reply(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(f"Echo {next(counter)}", reply_markup=keyboard)

    async def answer(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        await query.edit_message_text(f"Echo {next(counter)}: {query.data}", reply_markup=keyboard)
        await query.answer()

    app.add_handler(MessageHandler(filters.ALL, reply))
    app.add_handler(CallbackQueryHandler(answer))
    return app


def stillnight_settings(spec: BotSpec) -> Settings:
    return Settings(
        telegram_bot_token=SecretStr(TOKEN),
        telegram_base_url=spec.api_url,
        database_url=spec.database_url,
        master_key=SecretStr(BENCH_MASTER_KEY),
        keystore_url=bench_keystore(spec.database_url),
        reminder_check_seconds=3600,  # no reminder run inside the measured minute
        webhook_url=PUBLIC_URL,
        webhook_secret=SecretStr(SECRET),
        webhook_listen="127.0.0.1",
        webhook_port=0,
    )


@asynccontextmanager
async def running(spec: BotSpec) -> AsyncIterator[int | None]:
    """Run one bot until the block ends; yields the webhook port (None when polling)."""
    if spec.kind == "echo":
        app = echo_application(spec.api_url)
        async with app:
            await app.updater.start_polling(timeout=POLL_TIMEOUT, allowed_updates=ALLOWED_UPDATES)
            await app.start()
            try:
                yield None
            finally:
                await app.updater.stop()
                await app.stop()
        return
    settings = stillnight_settings(spec)
    app = build_application(settings, ManualClock(START))
    if spec.transport == "polling":
        async with polling(app, poll_timeout=POLL_TIMEOUT):
            yield None
    else:
        async with webhook(app, settings, register=spec.register) as port:
            yield port


def cpu_seconds() -> float:
    """User + system CPU time of this process, all threads included."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def _serve(spec: BotSpec, conn: Connection) -> None:
    try:
        async with running(spec) as port:
            conn.send(("ready", port))
            while await asyncio.to_thread(conn.recv) != "stop":
                conn.send(cpu_seconds())
    except Exception as error:  # tell the benchmark instead of leaving it waiting
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        raise
    conn.send({"cpu_seconds": cpu_seconds(), "peak_rss_mb": round(peak_rss_mb(), 1)})


def _process_main(spec: BotSpec, conn: Connection) -> None:
    setup_logging("WARNING", [TOKEN])
    asyncio.run(_serve(spec, conn))


class BotProcess:
    """A bot in its own spawned process, driven over a pipe: start, CPU time, stop."""

    def __init__(self, spec: BotSpec) -> None:
        self.spec = spec
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        # Not a daemon: the bot starts report worker processes, which a daemon may not have.
        self._process = context.Process(target=_process_main, args=(spec, child), daemon=False)

    async def _recv(self, timeout: float = 60) -> Any:  # noqa: ASYNC109
        if not await asyncio.to_thread(self._conn.poll, timeout):
            raise RuntimeError(f"the {self.spec.kind} bot process did not answer in {timeout} s")
        return await asyncio.to_thread(self._conn.recv)

    async def start(self) -> int | None:
        self._process.start()
        status, detail = await self._recv()
        if status != "ready":
            raise RuntimeError(f"the {self.spec.kind} bot did not start: {detail}")
        return detail

    async def cpu(self) -> float:
        self._conn.send("cpu")
        return float(await self._recv())

    async def stop(self) -> dict[str, Any]:
        self._conn.send("stop")
        figures = await self._recv()
        await asyncio.to_thread(self._process.join, 30)
        return figures


class InProcessBot:
    """The same bot in the benchmark's own event loop (``--in-process``); no CPU split."""

    def __init__(self, spec: BotSpec) -> None:
        self.spec = spec
        self._stop = asyncio.Event()
        self._ready: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        try:
            async with running(self.spec) as port:
                self._ready.set_result(port)
                await self._stop.wait()
        except Exception as error:
            if not self._ready.done():
                self._ready.set_exception(error)
            raise

    async def start(self) -> int | None:
        self._task = asyncio.create_task(self._run())
        return await self._ready

    async def cpu(self) -> float:
        return float("nan")

    async def stop(self) -> dict[str, Any]:
        self._stop.set()
        if self._task is not None:
            await self._task
        return {}
