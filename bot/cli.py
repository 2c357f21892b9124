"""`python -m bot [run | migrate | ask | make-key | rotate-key | demo]`: the command line.

run, migrate, ask, make-key and rotate-key are built in; other subcommands (demo, from the
development tools) are plugins found through entry points (bot/cli_plugins.py), so production
never imports them.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import signal
import sys
from collections.abc import Mapping

from telegram.error import InvalidToken, NetworkError

from bot.cli_plugins import Command, Unavailable, discover
from bot.keys import cli as keys_cli
from bot.keys.master import KeyProblem
from bot.settings import Settings

log = logging.getLogger("bot")

GET_A_TOKEN = """\
To get one, open Telegram, talk to @BotFather, send /newbot and follow the steps; it answers \
with a token like 123456789:AAH... Put it in a file named .env in this folder as \
TELEGRAM_BOT_TOKEN=<your token> (.env.example lists every setting), or export \
TELEGRAM_BOT_TOKEN in your shell, then run `python -m bot` again. No token yet? \
`python -m bot demo` tries the whole bot in this terminal without one."""

MISSING_TOKEN = (
    "Stillnight needs a Telegram bot token, and TELEGRAM_BOT_TOKEN is not set. " + GET_A_TOKEN
)

MALFORMED_TOKEN = (
    "TELEGRAM_BOT_TOKEN is set, but it is not shaped like a Telegram bot token (the bot's id "
    "in digits, a colon, then the secret). " + GET_A_TOKEN
)

#: What every Telegram bot token looks like: the bot's numeric id, a colon, the secret.
TOKEN_SHAPE = re.compile(r"\d+:[A-Za-z0-9_-]+")

BAD_TOKEN = """\
Telegram did not accept the token in TELEGRAM_BOT_TOKEN (getMe answered 401 Unauthorized). \
It may be mistyped, or revoked. Open @BotFather in Telegram, choose your bot and \
"API Token" to copy the current one, put it in .env as TELEGRAM_BOT_TOKEN=<your token> (or \
export it in your shell), then run `python -m bot` again."""

NO_SECRET = """\
WEBHOOK_URL is set, so Stillnight runs as a webhook server, but WEBHOOK_SECRET is missing or \
not valid. Telegram sends it back with every update so that nobody else can post fake ones. \
Set WEBHOOK_SECRET in .env to 1-256 characters of A-Z, a-z, 0-9, _ and - (for example the \
output of `python -c "import secrets; print(secrets.token_urlsafe(32))"`), or leave \
WEBHOOK_URL empty to poll."""

NO_NETWORK = """\
Could not reach the Telegram Bot API at {url} ({error}). Check the internet connection, or \
TELEGRAM_BASE_URL if you point the bot at a local Bot API server, then try again."""


BUILT_IN = ("run", "migrate", "ask", "make-key", "rotate-key")


def _parser(commands: Mapping[str, Command] | None = None) -> argparse.ArgumentParser:
    """The parser of the built-in subcommands and of ``commands`` (default: the installed
    plugins)."""
    commands = discover(BUILT_IN) if commands is None else commands
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Stillnight, a Telegram companion for nights with restless legs.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("run", help="apply migrations and run the bot by polling (the default)")
    sub.add_parser("migrate", help="apply database migrations, then exit")
    ask = sub.add_parser("ask", help="answer an RLS question as the bot would")
    ask.add_argument("question", help='the question, or "-" to read one per line from stdin')
    ask.add_argument("--json", action="store_true", help="write one JSON object per line")
    sub.add_parser("make-key", help="print a new master key (for MASTER_KEY_FILE)")
    rotate = sub.add_parser(
        "rotate-key", help="move every data key to a new master key, while the bot runs"
    )
    rotate.add_argument(
        "--grace",
        type=float,
        default=5.0,
        help="seconds to wait for a bot that read the old key file (default 5)",
    )
    for name, command in commands.items():
        command.add_arguments(sub.add_parser(name, help=command.help))
    return parser


def main(argv: list[str] | None = None) -> int:
    commands = discover(BUILT_IN)
    parser = _parser(commands)
    args, unknown = parser.parse_known_args(argv)
    plugin = commands.get(args.command)
    if isinstance(plugin, Unavailable):  # it says why, whatever options it was given
        return plugin.run(args)
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command == "ask":
        from bot.faq.cli import run_ask

        return run_ask(args.question, args.json, sys.stdin, sys.stdout)
    if plugin is not None:
        return plugin.run(args)
    if args.command == "make-key":
        return keys_cli.make_key()
    settings = Settings()
    if args.command == "rotate-key":
        return keys_cli.rotate_key(settings, args.grace)
    if args.command == "migrate":
        return _migrate(settings)
    return _run(settings)


def _migrate(settings: Settings) -> int:
    from bot.db import shown
    from bot.logs import setup_logging
    from bot.migrate import upgrade_sync

    if keys_cli.check_settings(settings):
        return 2
    setup_logging(settings.log_level, [])
    upgrade_sync(settings.database_url)
    if keys_cli.seal(settings):  # the rows 0012 left in clear; a key that does not fit stops
        return 2
    print(f"Database is up to date: {shown(settings.database_url)}")
    return 0


def _run(settings: Settings) -> int:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token.strip():
        print(MISSING_TOKEN, file=sys.stderr)
        return 2
    if TOKEN_SHAPE.fullmatch(token) is None:
        print(MALFORMED_TOKEN, file=sys.stderr)  # never the token itself
        return 2
    from bot.db import shown
    from bot.logs import setup_logging
    from bot.migrate import upgrade_sync

    if settings.webhook_url and not valid_secret(settings):
        print(NO_SECRET, file=sys.stderr)
        return 2
    if keys_cli.check_settings(settings):  # before the migrations: 0012 needs the keys after
        return 2
    secrets = [token]
    if settings.master_key:
        secrets.extend(settings.master_key.get_secret_value().split(","))
    if settings.webhook_secret:
        secrets.append(settings.webhook_secret.get_secret_value())
    setup_logging(settings.log_level, secrets)
    log.info("Database: %s", shown(settings.database_url))
    upgrade_sync(settings.database_url)
    try:
        asyncio.run(_serve(settings))
    except KeyProblem as problem:  # a key that does not open the key store, or no key store
        print(problem, file=sys.stderr)
        return 2
    except InvalidToken:
        print(BAD_TOKEN, file=sys.stderr)
        return 2
    except NetworkError as error:
        # The message of a network error can hold the request URL, which holds the token.
        print(
            NO_NETWORK.format(url=settings.telegram_base_url, error=type(error).__name__),
            file=sys.stderr,
        )
        return 1
    return 0


def valid_secret(settings: Settings) -> bool:
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    return re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret) is not None


async def _serve(settings: Settings) -> None:
    from bot.app import build_application, polling
    from bot.webhook import webhook

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    app = build_application(settings)
    running = webhook(app, settings) if settings.webhook_url else polling(app)
    async with running:
        mode = "webhook" if settings.webhook_url else "polling"
        log.info("Stillnight is running (%s). Press Ctrl+C to stop.", mode)
        await stop.wait()
    log.info("Stillnight stopped.")
