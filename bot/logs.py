"""Logging that never carries the bot token or a user's answers.

Third-party loggers are capped: httpx logs request URLs (which contain the token) at INFO,
and python-telegram-bot logs whole API payloads (user answers) at DEBUG. Our own code
never logs user content. As a second line of defence the formatter masks the token wherever
it appears in the written line: the message, its arguments, an exception's traceback (an
httpx error quotes the URL, token and all) and a stack.
"""

from __future__ import annotations

import logging
from typing import TextIO

QUIET_LOGGERS = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.INFO,
    "apscheduler": logging.WARNING,
    "asyncio": logging.WARNING,
    "sqlalchemy": logging.WARNING,
}
MASK = "<token>"


class SecretMaskFormatter(logging.Formatter):
    """Replace secrets in the whole formatted line, traceback and stack included."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        for secret in self.secrets:
            line = line.replace(secret, MASK)
        return line


def setup_logging(level: str, secrets: list[str], stream: TextIO | None = None) -> None:
    """Log to stderr (or `stream`) at `level`, with third-party loggers capped."""
    handler = logging.StreamHandler(stream)
    line = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(SecretMaskFormatter(line, secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name, cap in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(max(cap, root.level))
