"""`python -m bot demo`: options in; the interactive demo, a transcript or JSON lines out.

A terminal on stdin gets the interactive demo; a pipe is read line by line, each input
played as it comes (lines.py); --script plays a file. --jsonl writes events as JSON.

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
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES
from stillnight_dev.demo.screen import Screen
from stillnight_dev.demo.session import DEMO_TOKEN, DemoOptions, default_database, files_for
from stillnight_dev.demo.text_view import TextOutput
from stillnight_dev.demo.view import Output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"the demo's SQLite database (default: {default_database()}, never the real one)",
    )
    parser.add_argument("--fresh", action="store_true", help="start over: delete the database")
    parser.add_argument(
        "--script",
        metavar="FILE",
        help="play the inputs in FILE (one per line; - reads stdin) and print the transcript",
    )
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="write one JSON object per event (schema in the README), read inputs line by line",
    )
    parser.add_argument(
        "--files",
        metavar="DIR",
        help="where photos and documents from the bot are saved (default: beside the database)",
    )
    parser.add_argument(
        "--language",
        choices=list(LANGUAGES),
        default=DEFAULT_LANGUAGE,
        help="the demo user's Telegram language, which the bot speaks from /start on "
        "(default: %(default)s)",
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


def options_from(args: argparse.Namespace, start: datetime | None) -> DemoOptions:
    database = Path(args.db).expanduser() if args.db else default_database()
    files = Path(args.files).expanduser() if args.files else files_for(database)
    return DemoOptions(
        database=database, files=files, start=start, fresh=args.fresh, language=args.language
    )


def run_demo(args: argparse.Namespace) -> int:
    try:
        start = parse_start(args.start)
    except ValueError:
        example = "2026-11-24T21:00:00Z"
        print(f"--start: {args.start!r} is not an instant like {example}", file=sys.stderr)
        return 2
    options = options_from(args, start)
    lines: list[str] | None = None
    if args.script == "-":
        lines = sys.stdin.readlines()
    elif args.script is not None:
        try:
            lines = Path(args.script).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            print(f"--script: cannot read {args.script}: {error.strerror}", file=sys.stderr)
            return 2
    _quiet_logs()
    try:
        asyncio.run(_play(options, lines, jsonl=args.jsonl))
    except KeyboardInterrupt:
        print("\nBye.")
    return 0


async def _play(options: DemoOptions, lines: list[str] | None, *, jsonl: bool) -> None:
    if lines is None and not jsonl and sys.stdin.isatty():
        from stillnight_dev.demo.repl import run_repl

        await run_repl(options, sys.stdin, sys.stdout)
        return
    output: Output
    if jsonl:
        from stillnight_dev.demo.jsonl import JsonOutput

        output = JsonOutput(sys.stdout)
    else:
        screen = Screen(sys.stdout, ansi=sys.stdout.isatty(), redraw=False)
        output = TextOutput(screen, echoed=False)
    if lines is None:
        from stillnight_dev.demo.lines import run_lines

        await run_lines(options, sys.stdin, output)
    else:
        from stillnight_dev.demo.script import play_script

        await play_script(lines, output, options)


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
