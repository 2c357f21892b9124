"""`python -m bot demo`: options in, the interactive demo or a scripted transcript out.

``command`` is the subcommand's plugin object, named by the ``stillnight.commands`` entry
point in pyproject.toml (see bot/cli_plugins.py).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.cli_plugins import Command
from stillnight_dev.demo.session import DEFAULT_DATABASE, DEFAULT_FILES, DEMO_TOKEN, DemoOptions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fresh", action="store_true", help=f"start over: delete {DEFAULT_DATABASE} first"
    )
    parser.add_argument(
        "--script",
        metavar="FILE",
        help="play the inputs in FILE (one per line; - reads stdin) and print the transcript",
    )
    parser.add_argument(
        "--files",
        metavar="DIR",
        default=str(DEFAULT_FILES),
        help="where photos and documents from the bot are saved (default: %(default)s)",
    )
    parser.add_argument(
        "--start",
        metavar="INSTANT",
        help="start the demo clock at this ISO instant, e.g. 2026-11-24T21:00:00Z (default: now)",
    )


def parse_start(text: str | None) -> datetime | None:
    """An ISO 8601 instant; without a zone it is read as UTC."""
    if text is None:
        return None
    instant = datetime.fromisoformat(text.strip())
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)


def run_demo(args: argparse.Namespace) -> int:
    try:
        start = parse_start(args.start)
    except ValueError:
        example = "2026-11-24T21:00:00Z"
        print(f"--start: {args.start!r} is not an instant like {example}", file=sys.stderr)
        return 2
    options = DemoOptions(files=Path(args.files), start=start, fresh=args.fresh)
    # Not a terminal on stdin (a pipe, a file): play it like a script.
    script = args.script if args.script is not None else (None if sys.stdin.isatty() else "-")
    lines: list[str] | None = None
    if script == "-":
        lines = sys.stdin.readlines()
    elif script is not None:
        try:
            lines = Path(script).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            print(f"--script: cannot read {script}: {error.strerror}", file=sys.stderr)
            return 2
    _quiet_logs()
    try:
        if lines is None:
            from stillnight_dev.demo.repl import run_repl

            asyncio.run(run_repl(options, sys.stdin, sys.stdout))
        else:
            from stillnight_dev.demo.script import play_script

            asyncio.run(play_script(lines, sys.stdout, options))
    except KeyboardInterrupt:
        print("\nBye.")
    return 0


def _quiet_logs() -> None:
    """Only errors, so log lines don't break up the chat (the token is a fake one anyway)."""
    from bot.logs import setup_logging

    setup_logging("ERROR", [DEMO_TOKEN])


class DemoCommand:
    """`python -m bot demo`, as a :class:`~bot.cli_plugins.Command`."""

    help = "try the whole bot in this terminal: no token, no Telegram, its own database"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        add_arguments(parser)

    def run(self, args: argparse.Namespace) -> int:
        return run_demo(args)


command: Command = DemoCommand()
