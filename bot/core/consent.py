"""Which version of the consent text a user agreed to.

The text is handlers/start_view.WELCOME (with what /privacy says). Raise VERSION when it
changes materially (what is stored, why, where, for how long): everyone who agreed to an
older version is asked again before anything more is stored about them.
"""

from __future__ import annotations

VERSION = 2  # 1: until December 2026; 2: backups and Telegram's own copy of the chat named


def is_current(consent: bool, version: int | None) -> bool:
    """They said yes to the text as it is now."""
    return consent and version == VERSION
