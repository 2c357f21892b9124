"""``python -m bench hops``: which of the bot's modules one update passes through.

A user is onboarded and has a check-in open, against the Bot API stand-in and a SQLite file.
Then two updates are traced with a profiler hook: a tap on an answer ("6" at the first
question) and a typed answer (the note). For each, the bot's own modules (bot/, handlers/,
models/) are listed in the order the update first entered them, and the calls that double
back: a call into a module that is already on the call stack below another of our modules
(handler A calls B, which calls A again). Library code, the stand-in and the test harness are
left out. Modules and calls are counted, not timed, so the figures do not depend on the
machine's speed.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from bot.clock import ManualClock
from bot.db import make_engine
from bot.migrate import upgrade
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
from tests.harness import TOKEN, BotHarness

ROOT = Path(__file__).resolve().parents[1]
OURS = tuple(str(ROOT / package) + "/" for package in ("bot", "handlers", "models"))


class Trace:
    """The bot's modules in the order an update first enters them, and where it doubles back."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.doubling_back: set[tuple[str, str]] = set()  # (from module, back into module)

    def hook(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event != "call":
            return
        path = frame.f_code.co_filename
        if not path.startswith(OURS):
            return
        module = path.removeprefix(str(ROOT) + "/")
        if module not in self.order:
            self.order.append(module)
        stack = _our_modules_below(frame)
        if stack and stack[0] != module and module in stack[1:]:
            self.doubling_back.add((stack[0], module))


def _our_modules_below(frame: FrameType) -> list[str]:
    """Our modules on the call stack under `frame`, nearest first, each run of one counted once."""
    modules: list[str] = []
    caller = frame.f_back
    while caller is not None:
        path = caller.f_code.co_filename
        if path.startswith(OURS):
            module = path.removeprefix(str(ROOT) + "/")
            if not modules or modules[-1] != module:
                modules.append(module)
        caller = caller.f_back
    return modules


async def traced(step: Callable[[], Awaitable[object]]) -> Trace:
    trace = Trace()
    sys.setprofile(trace.hook)
    try:
        await step()
    finally:
        sys.setprofile(None)
    return trace


async def measure() -> dict[str, Trace]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/hops.db"
        engine = make_engine(url)
        await upgrade(engine)
        await engine.dispose()
        standin = BotApiStandin(valid_token=TOKEN)
        await standin.start()
        bot = BotHarness(standin.url, url, ManualClock(datetime(2026, 11, 24, 21, 0, tzinfo=UTC)))
        await bot.start()
        try:
            user = standin.user(7001, "Hops")
            await onboard(user)
            await user.command("/checkin")
            tap = await traced(lambda: user.tap("6"))
            for label in ("Only at bedtime", "Often", "Done ➜", "Done ➜", "None today", "Done ➜"):
                await user.tap(label)
            typed = await traced(lambda: user.send("A long walk"))
        finally:
            await bot.close()
            await standin.stop()
    return {"tap": tap, "typed answer": typed}


def main(argv: list[str]) -> int:
    for name, trace in asyncio.run(measure()).items():
        back = ", ".join(f"{a} → {b}" for a, b in sorted(trace.doubling_back)) or "none"
        print(f"{name}: {len(trace.order)} modules; doubles back: {back}")
        for module in trace.order:
            print(f"  {module}")
    return 0
