"""Reading input while the bot runs: lines off the event loop, Ctrl+C, and a watcher that
shows what the bot sends on its own (a reminder) while the demo waits for input.

Reading blocks, so it runs in a daemon thread of its own (not the loop's default
executor: asyncio.run waits for those at exit, which would hang Ctrl+C until Enter).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable
from typing import Any

from stillnight_dev.demo.driver import Demo

WATCH_TIMEOUT = 3600.0


class LineReader:
    """`await reader.read()` is `read_line()` off the event loop; None at EOF or Ctrl+C."""

    def __init__(self, read_line: Callable[[], str | None]) -> None:
        self._loop = asyncio.get_running_loop()
        self._read_line = read_line
        self._interrupted = _on_ctrl_c()

    async def read(self) -> str | None:
        future: asyncio.Future[str | None] = self._loop.create_future()

        def work() -> None:
            try:
                line = self._read_line()
            except (EOFError, KeyboardInterrupt):
                line = None
            self._loop.call_soon_threadsafe(_settle, future, line)

        threading.Thread(target=work, name="demo-input", daemon=True).start()
        stop = asyncio.ensure_future(self._interrupted.wait())
        either: set[asyncio.Future[Any]] = {future, stop}
        await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        stop.cancel()
        return future.result() if future.done() else None


def _settle(future: asyncio.Future[str | None], line: str | None) -> None:
    if not future.done():
        future.set_result(line)


def _on_ctrl_c() -> asyncio.Event:
    """An event set by Ctrl+C, so the demo leaves like /quit: through the bot's clean stop
    and "Bye", instead of a KeyboardInterrupt cancelling whatever runs. The loop's handler
    wakes it whichever thread the signal lands on (often the input thread, in readline)."""
    event = asyncio.Event()
    with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows, odd embeddings
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, event.set)
    return event


class Waiting:
    """Whether the demo is waiting for input (and nobody is acting)."""

    on = False


async def watch(demo: Demo, waiting: Waiting, show: Callable[[], None]) -> None:
    """While the demo waits for input, `show` what the bot sends on its own (show flushes
    the feed, with whatever the output needs around it)."""
    standin = demo.session.standin
    while True:
        with contextlib.suppress(AssertionError):
            await standin.wait_for(lambda: waiting.on and demo.feed.pending(), WATCH_TIMEOUT)
            await demo.session.settle()
            if waiting.on:  # else the main loop shows it after the current action
                show()


async def play_lines(
    demo: Demo,
    reader: LineReader,
    before_read: Callable[[], None],
    show_unasked: Callable[[], None],
) -> None:
    """Read and play lines until /quit or the end of input. `before_read` runs each time
    the demo starts waiting (a prompt, a "ready" line); `show_unasked` shows what the bot
    sent on its own meanwhile."""
    waiting = Waiting()
    watcher = asyncio.create_task(watch(demo, waiting, show_unasked))
    try:
        while True:
            before_read()
            waiting.on = True
            line = await reader.read()
            waiting.on = False
            if line is None or not await demo.handle(line):
                break
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
