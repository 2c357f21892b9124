"""The terminal side of the demo: printing blocks, and redrawing an edited message in place.

Every write leaves the cursor at the start of an empty line, and every block starts with
a blank line. To redraw a message we must know how many terminal rows it and everything
after it took, so the screen counts rows (wrapping included) as it prints. In-place
redraw happens only in an interactive terminal, and only when the message is the last
thing on screen apart from "erasable" lines: the line where the user tapped one of its
buttons and popups, which vanish in Telegram too. Otherwise, and always in scripts, the
new version is printed again marked "(updated)", so transcripts stay deterministic.
"""

from __future__ import annotations

import shutil
from typing import TextIO

from stillnight_dev.demo.render import display_width

PROMPT = "you> "
CLEAR_LINE = "\r\033[K"
FILE_WIDTH = 80  # columns of a transcript written to a file or pipe
MAX_WIDTH = 100  # wider lines are hard to read even in a wide terminal


class Screen:
    def __init__(self, out: TextIO, *, ansi: bool, redraw: bool) -> None:
        self.out = out
        self.ansi = ansi
        self.redraw = redraw
        self._last_message: int | None = None  # the message that ends the screen, if any
        self._last_rows = 0  # rows of that message's block
        self._tail_rows = 0  # erasable rows printed after it
        self._empty = True  # nothing written yet: no blank line before the first block

    @property
    def width(self) -> int:
        """Columns to wrap text at: the terminal's (capped), or a fixed width for files."""
        if not self.out.isatty():
            return FILE_WIDTH
        return min(MAX_WIDTH, shutil.get_terminal_size().columns - 1)

    # ------------------------------------------------------------------ bot output

    def message(self, message_id: int, lines: list[str]) -> None:
        """A new bot message (header, text, buttons)."""
        rows = self._write(lines)
        self._last_message, self._last_rows, self._tail_rows = message_id, rows, 0

    def edited(self, message_id: int, lines: list[str], updated_lines: list[str]) -> None:
        """An edited bot message: `lines` if redrawn in place, else `updated_lines` (marked)."""
        if self.redraw and self._last_message == message_id:
            self._up(self._last_rows + self._tail_rows)
            self.message(message_id, lines)
        else:
            self.message(message_id, updated_lines)

    def popup(self, text: str) -> None:
        """A toast: transient in Telegram, so a later redraw of the message may erase it."""
        self._tail_rows += self._write([text], blank=False)

    def note(self, text: str) -> None:
        """A line of the demo itself (time jumps, hints); it stays."""
        self._write([text])
        self._last_message = None

    # ------------------------------------------------------------------ user input

    def said(self, line: str, *, shown: str | None = None, echoed: bool, tap: bool) -> None:
        """What the user typed. `echoed`: the terminal already shows `PROMPT + line` (after
        a blank line); `shown` replaces it, e.g. a tap's number by the button's label. A tap
        is erasable (it is no message in Telegram); typed text and commands stay."""
        text = PROMPT + (shown or line)
        if echoed:
            typed = 1 + self._rows(PROMPT + line)
            if shown is not None:
                self._up(typed - 1)
                typed = 1 + self._write([text], blank=False)
        else:
            typed = self._write([text])
        if tap:
            self._tail_rows += typed
        else:
            self._last_message = None

    def prompt_lead(self) -> None:
        """The blank line before the interactive prompt (input() prints the prompt)."""
        self._raw("\n")

    def interrupt_prompt(self) -> None:
        """Clear the waiting prompt line (and its blank line) to print something above it."""
        self._raw(CLEAR_LINE + "\033[F")

    def restore_prompt(self, buffer: str) -> None:
        self._raw("\n" + PROMPT + buffer)

    # ------------------------------------------------------------------ plumbing

    def _write(self, lines: list[str], *, blank: bool = True) -> int:
        """Print lines (after a blank line unless `blank` is False); return the rows used."""
        block = ([""] if blank and not self._empty else []) + "\n".join(lines).split("\n")
        self._empty = False
        self._raw("\n".join(block) + "\n")
        return sum(self._rows(line) for line in block)

    def _rows(self, line: str) -> int:
        if not self.redraw:
            return 1
        columns = max(1, shutil.get_terminal_size().columns)
        return max(1, -(-display_width(line) // columns))

    def _up(self, rows: int) -> None:
        """Go up `rows` rows to column 0 and clear from there to the end of the screen."""
        self._raw((f"\033[{rows}F" if rows > 0 else "\r") + "\033[J")

    def _raw(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()
