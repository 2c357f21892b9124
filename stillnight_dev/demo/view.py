"""What the demo shows, as events: the terminal text and the JSON lines both render these.

`Feed` turns what the bot did into `Shown` messages; `Demo` (driver.py) adds the demo's
own notes, the user's inputs and the clock. An `Output` draws them: `TextOutput`
(text_view.py) for people and transcripts, `JsonOutput` (jsonl.py) for programs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol

from stillnight_dev.standin import Entity


@dataclass(frozen=True)
class Tapped:
    """A button as the demo numbers it (typing the number, or /tap, taps it)."""

    number: int
    label: str


@dataclass(frozen=True)
class Shown:
    """A bot message as it was at one moment (a later edit is another `Shown`)."""

    message_id: int
    kind: str  # text | photo | document | other
    text: str  # the visible text (or caption)
    entities: tuple[Entity, ...]  # its formatting, in UTF-16 offsets as Telegram counts
    buttons: list[list[Tapped]]  # the inline keyboard, numbered
    keyboard: list[list[str]]  # a reply keyboard under the input field (labels), if any
    wants_location: bool  # that keyboard has a "share my location" button
    file: Path | None = None  # where the photo or document was saved
    url: str | None = None  # a photo or document the bot sent by URL


class Output(Protocol):
    def message(self, shown: Shown) -> None:
        """A new bot message."""

    def edited(self, shown: Shown, *, buttons_only: bool) -> None:
        """A bot message changed; `buttons_only`: only its keyboard did."""

    def deleted(self, message_id: int, text: str) -> None:
        """The bot deleted a message (`text`: what it said)."""

    def popup(self, text: str, *, alert: bool) -> None:
        """The answer to a tap: a toast, or an alert the user must close."""

    def note(self, text: str) -> None:
        """A line of the demo itself: the intro, a hint, why an input was refused."""

    def time(self, instant: datetime, zone: tzinfo) -> None:
        """The demo clock stands at `instant` (shown in the user's zone)."""

    def said(self, line: str, tap: Tapped | None) -> None:
        """What the user typed; `tap`: the button it tapped, if it tapped one."""

    def ready(self) -> None:
        """The demo waits for the next input."""
