"""The master key: it wraps every user's data key and is never stored in a database.

Given as MASTER_KEY (base64 text) or MASTER_KEY_FILE (a file of such keys, one a line). The
first key is the current one: new data keys are wrapped with it. Keys after it are older
ones, accepted while a rotation moves the data keys over (bot/keys/rotation.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from bot.keys.messages import MALFORMED, MISSING, UNREADABLE
from bot.settings import Settings

KEY_BYTES = 32  # AES-256


class KeyProblem(Exception):
    """A problem with the keys that stops the bot at start; str() is the paragraph to show."""


@dataclass(frozen=True)
class MasterKey:
    secret: bytes

    @property
    def id(self) -> str:
        """A fingerprint that names the key in the key store without revealing it."""
        return hmac.new(self.secret, b"stillnight master key id", hashlib.sha256).hexdigest()[:16]

    def text(self) -> str:
        return base64.urlsafe_b64encode(self.secret).decode()


def new_key() -> MasterKey:
    return MasterKey(secrets.token_bytes(KEY_BYTES))


def parse(text: str, where: str) -> MasterKey:
    try:
        secret = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError):
        raise KeyProblem(MALFORMED.format(where=where)) from None
    if len(secret) != KEY_BYTES:
        raise KeyProblem(MALFORMED.format(where=where))
    return MasterKey(secret)


def parse_lines(text: str, where: str) -> list[MasterKey]:
    return [parse(line, where) for line in text.splitlines() if line.strip()]


def read_file(path: Path) -> list[MasterKey]:
    try:
        keys = parse_lines(path.read_text(), str(path))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise KeyProblem(UNREADABLE.format(path=path, reason=reason)) from None
    if not keys:
        raise KeyProblem(MALFORMED.format(where=str(path)))
    return keys


def write_file(path: Path, keys: list[MasterKey]) -> None:
    """Replace the key file at once (a reader sees the old file or the new, never half)."""
    partial = path.with_name(f".{path.name}.new")
    descriptor = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write("".join(f"{key.text()}\n" for key in keys))
        file.flush()
        os.fsync(file.fileno())
    partial.replace(path)


def from_settings(settings: Settings) -> list[MasterKey]:
    """The configured master keys, current first; KeyProblem when there are none or bad."""
    if settings.master_key_file is not None:
        return read_file(settings.master_key_file)
    if settings.master_key is not None:
        text = settings.master_key.get_secret_value().replace(",", "\n")
        keys = parse_lines(text, "MASTER_KEY")
        if keys:
            return keys
    raise KeyProblem(MISSING)
