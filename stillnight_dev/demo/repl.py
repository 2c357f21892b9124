"""The interactive demo in a terminal: read a line, play it, show what the bot did; until
/quit, Ctrl+C or EOF. Edits are redrawn in place, and a reminder that arrives while the
user is at the prompt is shown above it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TextIO

from stillnight_dev.demo.driver import Demo
from stillnight_dev.demo.reading import LineReader, play_lines
from stillnight_dev.demo.screen import PROMPT, Screen
from stillnight_dev.demo.session import DemoOptions, DemoSession
from stillnight_dev.demo.text_view import TextOutput


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
    screen = Screen(out, ansi=echoed, redraw=echoed)
    # stdout a file or pipe: the prompt goes to the terminal (stderr) only
    reader = LineReader(lambda: input(PROMPT if echoed else ""))

    def before_read() -> None:
        if echoed:
            screen.prompt_lead()
        else:
            sys.stderr.write(PROMPT)
            sys.stderr.flush()

    def show_unasked() -> None:
        if echoed:
            screen.interrupt_prompt()
        demo.feed.flush()
        if echoed:
            screen.restore_prompt(_line_buffer())

    with terminal_kept(stdin):
        async with DemoSession(options) as session:
            demo = Demo(session, TextOutput(screen, echoed=echoed))
            await demo.intro(
                f"Demo database: {options.database} (--fresh starts over).",
                f"Photos and documents from the bot are saved in {options.files}/.",
                "New here? Send /start.",
            )
            await play_lines(demo, reader, before_read, show_unasked)
    if echoed:
        out.write("\n")
    out.write(f"Bye. The demo data stays in {options.database}; --fresh starts over.\n")
