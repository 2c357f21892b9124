"""The interactive demo: read a line, play it, show what the bot did; until /quit or EOF.

input() blocks, so it runs in a daemon thread of its own (not the loop's default executor:
asyncio.run waits for those at exit, which would hang Ctrl+C until Enter). Meanwhile a
watcher shows anything the bot sends on its own, such as a reminder, above the prompt.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from typing import TextIO

from stillnight_dev.demo.driver import Demo
from stillnight_dev.demo.screen import PROMPT, Screen
from stillnight_dev.demo.session import DemoOptions, DemoSession

WATCH_TIMEOUT = 3600.0


class LineReader:
    """`await reader.read(prompt)` is input(prompt) off the event loop; None at EOF."""

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()

    def read(self, prompt: str) -> asyncio.Future[str | None]:
        future: asyncio.Future[str | None] = self._loop.create_future()

        def work() -> None:
            try:
                line: str | None = input(prompt)
            except (EOFError, KeyboardInterrupt):
                line = None
            self._loop.call_soon_threadsafe(_settle, future, line)

        threading.Thread(target=work, name="demo-input", daemon=True).start()
        return future


def _settle(future: asyncio.Future[str | None], line: str | None) -> None:
    if not future.done():
        future.set_result(line)


def _line_buffer() -> str:
    """What the user has typed at the prompt so far (readline only)."""
    readline = sys.modules.get("readline")
    return readline.get_line_buffer() if readline is not None else ""


@contextlib.contextmanager
def terminal_kept(stream: TextIO) -> Iterator[None]:
    """Restore the terminal's modes at the end, even if we leave while readline holds it."""
    try:
        import termios

        saved = termios.tcgetattr(stream.fileno())
    except (ImportError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        termios.tcsetattr(stream.fileno(), termios.TCSADRAIN, saved)


async def run_repl(options: DemoOptions, stdin: TextIO, out: TextIO) -> None:
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history for input())
    echoed = out.isatty()
    screen = Screen(out, ansi=out.isatty(), redraw=out.isatty())
    reader = LineReader()
    interrupted = _on_ctrl_c()
    with terminal_kept(stdin):
        async with DemoSession(options) as session:
            demo = Demo(session, screen, echoed=echoed)
            await demo.intro(
                f"Demo database: {options.database} (--fresh starts over).",
                f"Photos and documents from the bot are saved in {options.files}/.",
                "New here? Send /start.",
            )
            waiting = _Waiting()
            watcher = asyncio.create_task(_watch(demo, waiting))
            try:
                while True:
                    if echoed:
                        screen.prompt_lead()
                    else:  # stdout is a file or pipe: the prompt goes to the terminal only
                        sys.stderr.write(PROMPT)
                        sys.stderr.flush()
                    waiting.on = True
                    line = await _unless(reader.read(PROMPT if echoed else ""), interrupted)
                    waiting.on = False
                    if line is None or not await demo.handle(line):
                        break
            finally:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
    if echoed:
        out.write("\n")
    out.write(f"Bye. The demo data stays in {options.database}; --fresh starts over.\n")


def _on_ctrl_c() -> asyncio.Event:
    """An event set by Ctrl+C, so the demo leaves like /quit: through the bot's clean stop
    and "Bye", instead of a KeyboardInterrupt cancelling whatever runs. The loop's handler
    wakes it whichever thread the signal lands on (often the input thread, in readline)."""
    event = asyncio.Event()
    with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows, odd embeddings
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, event.set)
    return event


async def _unless(line: asyncio.Future[str | None], interrupted: asyncio.Event) -> str | None:
    """The line read, or None (as at end of input) once Ctrl+C was pressed."""
    stop = asyncio.ensure_future(interrupted.wait())
    await asyncio.wait({line, stop}, return_when=asyncio.FIRST_COMPLETED)
    stop.cancel()
    return line.result() if line.done() else None


class _Waiting:
    on = False  # the prompt is showing and nobody is acting


async def _watch(demo: Demo, waiting: _Waiting) -> None:
    """Show what the bot sends while the user is at the prompt, then put the prompt back."""
    standin = demo.session.standin
    while True:
        with contextlib.suppress(AssertionError):
            await standin.wait_for(lambda: waiting.on and demo.feed.pending(), WATCH_TIMEOUT)
            await demo.session.settle()
            if not waiting.on:
                continue  # the main loop shows it after the current action
            if demo.echoed:
                demo.screen.interrupt_prompt()
            demo.feed.flush()
            if demo.echoed:
                demo.screen.restore_prompt(_line_buffer())
