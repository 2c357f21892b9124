"""The demo as text: bot messages as blocks with numbered buttons, for terminals and files.

Each message's header carries its id ("Stillnight #12:"), so an edit ("Stillnight #12
(updated):") says which message changed. The `Screen` decides whether an edit is redrawn
in place (an interactive terminal) or printed again with that header.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from stillnight_dev.demo import render, timejump
from stillnight_dev.demo.screen import Screen
from stillnight_dev.demo.view import Shown, Tapped

BOT_NAME = "Stillnight"
LOCATION_HINT = "(type /location LAT LON to share a place, e.g. /location 52.52 13.40)"


class TextOutput:
    """An `Output` on a `Screen`. `echoed`: the terminal already shows what the user typed."""

    def __init__(self, screen: Screen, *, echoed: bool) -> None:
        self.screen = screen
        self.echoed = echoed

    def message(self, shown: Shown) -> None:
        self.screen.message(shown.message_id, self._block(shown, ""))

    def edited(self, shown: Shown, *, buttons_only: bool) -> None:
        updated = self._block(shown, " (updated)")
        if buttons_only and not shown.buttons:
            # Only the buttons went away: say so instead of repeating the whole text.
            first = shown.text.split("\n", 1)[0]
            updated = [f"{_header(shown, ' (updated)')} no more buttons under “{first}”"]
        self.screen.edited(shown.message_id, self._block(shown, ""), updated)

    def deleted(self, message_id: int, text: str) -> None:
        first = text.split("\n", 1)[0]
        self.screen.note(f"({BOT_NAME} deleted its message #{message_id} “{first}”)")

    def popup(self, text: str, *, alert: bool) -> None:
        self.screen.popup(f"[{'alert' if alert else 'popup'}] {text}")

    def note(self, text: str) -> None:
        self.screen.note(text)

    def time(self, instant: datetime, zone: tzinfo) -> None:
        self.screen.note(f"[demo time] {timejump.describe(instant, zone)}")

    def said(self, line: str, tap: Tapped | None) -> None:
        shown = None
        if tap is not None:  # "[7] 7" for a typed 7; "/tap save → [9] ✅ Save"
            button = f"[{tap.number}] {tap.label}"
            shown = button if line.strip().isdigit() else f"{line.strip()} → {button}"
        self.screen.said(line, shown=shown, echoed=self.echoed, tap=tap is not None)

    def ready(self) -> None:
        """Nothing to draw: a terminal shows the prompt, a pipe reads on."""

    def _block(self, shown: Shown, mark: str) -> list[str]:
        lines = [_header(shown, mark)]
        where = render.path(shown.file) if shown.file is not None else shown.url
        if where is not None:
            lines.append(f"{render.INDENT}[{shown.kind}] {where}")
        if shown.text:
            text = render.styled(
                shown.text,
                shown.entities,
                ansi=self.screen.ansi,
                indent=render.INDENT,
                width=self.screen.width,
            )
            lines.extend(text.split("\n"))
        lines.extend(render.button_lines(shown.buttons))
        if shown.keyboard:
            cells = [label for row in shown.keyboard for label in row]
            keys = render.BUTTON_GAP.join(f"[{label}]" for label in cells)
            lines.append(f"{render.INDENT}Keyboard: {keys}")
            if shown.wants_location:
                lines.append(f"{render.INDENT}{LOCATION_HINT}")
        return lines


def _header(shown: Shown, mark: str) -> str:
    return f"{BOT_NAME} #{shown.message_id}{mark}:"
