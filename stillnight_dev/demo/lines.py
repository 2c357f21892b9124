"""The demo for programs: input read line by line from a pipe, each played as it comes.

Plain text (as a transcript, never redrawn) or, with --jsonl, one JSON object per event
and a "ready" line each time the demo waits for the next input. What the bot sends on its
own while the demo waits is shown as it comes.
"""

from __future__ import annotations

from typing import TextIO

from stillnight_dev.demo.driver import Demo
from stillnight_dev.demo.reading import LineReader, play_lines
from stillnight_dev.demo.session import DemoOptions, DemoSession
from stillnight_dev.demo.view import Output


async def run_lines(options: DemoOptions, stdin: TextIO, output: Output) -> None:
    def read_line() -> str | None:
        """The next input; lines starting with # are comments, as in a script."""
        while (line := stdin.readline()).lstrip().startswith("#"):
            pass
        return line or None  # "" only at the end of input

    reader = LineReader(read_line)
    async with DemoSession(options) as session:
        demo = Demo(session, output)
        await demo.intro(
            f"Demo database: {options.database} (--fresh starts over).",
            f"Photos and documents from the bot are saved in {options.files}/.",
        )

        def show_unasked() -> None:
            demo.feed.flush()
            output.ready()

        await play_lines(demo, reader, output.ready, show_unasked)
    output.note(f"Bye. The demo data stays in {options.database}; --fresh starts over.")
