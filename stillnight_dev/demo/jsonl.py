"""`python -m bot demo --jsonl`: every event as one JSON object on a line, for programs.

The schema is in the README ("Driving the demo from a program"). Each object has an
"event" key; bot messages carry their id, so an "edited" or "deleted" line says which
message changed. Text is plain (no formatting); buttons carry the number that taps them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, tzinfo
from typing import Any, TextIO

from stillnight_dev.demo import timejump
from stillnight_dev.demo.view import Shown, Tapped


class JsonOutput:
    """An `Output` that writes JSON lines to `out`, flushed one by one."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def message(self, shown: Shown) -> None:
        self._write("message", **_message(shown))
        if shown.file is not None:
            name = shown.file.name
            path = str(shown.file.resolve())
            self._write("file", message_id=shown.message_id, kind=shown.kind, name=name, path=path)

    def edited(self, shown: Shown, *, buttons_only: bool) -> None:
        self._write("edited", **_message(shown))

    def deleted(self, message_id: int, text: str) -> None:
        self._write("deleted", id=message_id, text=text)

    def popup(self, text: str, *, alert: bool) -> None:
        self._write("popup", text=text, alert=alert)

    def note(self, text: str) -> None:
        self._write("note", text=text)

    def time(self, instant: datetime, zone: tzinfo) -> None:
        at = instant.astimezone(UTC).isoformat().replace("+00:00", "Z")
        self._write("time", at=at, local=timejump.describe(instant, zone))

    def said(self, line: str, tap: Tapped | None) -> None:
        self._write("you", text=line, tap=_button(tap) if tap is not None else None)

    def ready(self) -> None:
        self._write("ready")

    def _write(self, event: str, **fields: Any) -> None:
        self.out.write(json.dumps({"event": event, **fields}, ensure_ascii=False) + "\n")
        self.out.flush()


def _message(shown: Shown) -> dict[str, Any]:
    return {
        "id": shown.message_id,
        "kind": shown.kind,
        "text": shown.text,
        "buttons": [[_button(b) for b in row] for row in shown.buttons],
        "keyboard": shown.keyboard,
        "url": shown.url,
    }


def _button(tap: Tapped) -> dict[str, Any]:
    return {"number": tap.number, "label": tap.label}
