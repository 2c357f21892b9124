"""Logging that never carries the bot token or a user's answers.

Third-party loggers are capped: httpx logs request URLs (which contain the token) at INFO,
and python-telegram-bot logs whole API payloads (user answers) at DEBUG. Our own code
never logs user content. As a second line of defence every record passes a filter that
masks the token wherever it appears.
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


class SecretMaskFilter(logging.Filter):
    """Replace secrets in the fully formatted message (arguments included)."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = message
        for secret in self.secrets:
            masked = masked.replace(secret, MASK)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def setup_logging(level: str, secrets: list[str], stream: TextIO | None = None) -> None:
    """Log to stderr (or `stream`) at `level`, with third-party loggers capped."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(SecretMaskFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name, cap in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(max(cap, root.level))
