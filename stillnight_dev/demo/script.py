"""`python -m bot demo --script FILE`: play a file of inputs, print the transcript.

The output is plain text when it is not a terminal and never redraws in place, so the
same script and start instant always give the same transcript (README, tests). With
--jsonl the same events come as JSON lines instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from stillnight_dev.demo.driver import Demo
from stillnight_dev.demo.session import DemoOptions, DemoSession
from stillnight_dev.demo.view import Output


def script_lines(lines: Iterable[str]) -> list[str]:
    """One input per line; blank lines and lines starting with # are left out."""
    stripped = (line.strip() for line in lines)
    return [line for line in stripped if line and not line.startswith("#")]


async def play_script(lines: Iterable[str], output: Output, options: DemoOptions) -> None:
    async with DemoSession(options) as session:
        demo = Demo(session, output)
        await demo.intro()
        for line in script_lines(lines):
            if not await demo.handle(line):
                break
