"""Telegram messages as terminal text: formatting, links, numbered buttons.

Pure functions, so the transcript a script produces depends only on what the bot sent.
The stand-in already turned the bot's HTML into visible text plus entities (with UTF-16
offsets, as Telegram counts), so we style from entities instead of parsing HTML again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from stillnight_dev.demo.view import Tapped
from stillnight_dev.standin import Entity

RESET = "\033[0m"
#: Entity type -> ANSI SGR code. Anything else (mentions, hashtags...) stays plain.
STYLES = {
    "bold": "1",
    "italic": "3",
    "underline": "4",
    "strikethrough": "9",
    "code": "2",
    "pre": "2",
    "spoiler": "7",
    "text_link": "4",
}
INDENT = "  "
BUTTON_GAP = "   "
_BULLET = re.compile(r"\s*(?:[•·*–-]|\d{1,2}[.)])\s+")
_NUMBER_LABEL = re.compile(r"\W*?(\d+)\W*")
_ANSI = re.compile(r"\033\[[0-9;]*[A-Za-z]")


def _indices(text: str) -> dict[int, int]:
    """UTF-16 offset -> index into the Python string (emoji outside the BMP count twice)."""
    positions, unit = {0: 0}, 0
    for i, char in enumerate(text):
        unit += 2 if ord(char) > 0xFFFF else 1
        positions[unit] = i + 1
    return positions


def _link_suffix(label: str, url: str | None) -> str:
    """Show where a link goes, unless its text already says it (same rule as `bot ask`)."""
    if not url or label == url or url.endswith(label):
        return ""
    return f" ({url})"


def styled(
    text: str, entities: Sequence[Entity], *, ansi: bool, indent: str = "", width: int = 0
) -> str:
    """`text` with its bold/italic/... as ANSI codes (or plain), every line indented and, with
    a `width`, wrapped at spaces (bullet points keep a hanging indent)."""
    where = _indices(text)
    spans = []
    for ent in entities:
        start, end = where.get(ent.offset), where.get(ent.offset + ent.length)
        if start is not None and end is not None:
            spans.append((start, end, ent))
    added = {e: len(_link_suffix(text[s:e], ent.url)) for s, e, ent in spans if ent.url}
    breaks = wrap_points(text, width - len(indent), added) if width else {}
    out: list[str] = [indent]
    shown: frozenset[str] = frozenset()
    for i in range(len(text) + 1):
        suffixes = [_link_suffix(text[s:e], ent.url) for s, e, ent in spans if e == i and ent.url]
        active = frozenset(
            STYLES[ent.type] for s, e, ent in spans if s <= i < e and ent.type in STYLES
        )
        newline = i < len(text) and (text[i] == "\n" or i in breaks)
        if ansi and shown and (active != shown or newline or any(suffixes)):
            out.append(RESET)
            shown = frozenset()
        out.extend(suffixes)
        if i == len(text):
            break
        if newline:
            out.append("\n" + indent + breaks.get(i, ""))
            continue
        if ansi and active != shown:
            out.append("".join(f"\033[{code}m" for code in sorted(active)))
            shown = active
        out.append(text[i])
    if ansi and shown:
        out.append(RESET)
    return "\n".join(line.rstrip(" ") for line in "".join(out).split("\n"))


def wrap_points(text: str, width: int, added: dict[int, int] | None = None) -> dict[int, str]:
    """Where to break `text` so no line is wider than `width` columns: the index of each
    space that becomes a line break, with the indent of the line after it. `added`: columns
    shown right before an index (a link's URL). A word wider than `width` stays whole."""
    added = added or {}
    breaks: dict[int, str] = {}
    offset = 0
    for line in text.split("\n"):
        bullet = _BULLET.match(line)
        hang = " " * display_width(bullet.group(0)) if bullet else ""
        start, lead = 0, ""  # the current row begins at line[start], after `lead`
        for word in re.finditer(r"\S+", line):
            row = lead + line[start : word.end()]
            shown = offset + start, offset + word.end()
            extra = sum(n for at, n in added.items() if shown[0] < at <= shown[1])
            if (
                display_width(row) + extra > width
                and word.start() > start
                and line[word.start() - 1] == " "
            ):
                breaks[offset + word.start() - 1] = hang
                start, lead = word.start(), hang
        offset += len(line) + 1
    return breaks


def button_numbers(rows: Sequence[Sequence[str]]) -> list[list[int]]:
    """The number that taps each button.

    A button labelled with a number keeps it, so typing 7 on the 0-10 scale taps "7"
    rather than the seventh button ("6"); the other buttons count up from 1, skipping
    numbers already taken.
    """
    taken: set[int] = set()
    own: dict[tuple[int, int], int] = {}
    for r, row in enumerate(rows):
        for c, label in enumerate(row):
            match = _NUMBER_LABEL.fullmatch(label)
            if match and int(match.group(1)) not in taken:
                own[r, c] = int(match.group(1))
                taken.add(own[r, c])
    numbers, following = [], 1
    for r, row in enumerate(rows):
        numbered = []
        for c in range(len(row)):
            if (r, c) not in own:
                while following in taken:
                    following += 1
                own[r, c] = following
                taken.add(following)
            numbered.append(own[r, c])
        numbers.append(numbered)
    return numbers


def numbered(rows: Sequence[Sequence[str]]) -> list[list[Tapped]]:
    """A keyboard's labels with the number that taps each (see `button_numbers`)."""
    return [
        [Tapped(number, label) for label, number in zip(row, numbers, strict=True)]
        for row, numbers in zip(rows, button_numbers(rows), strict=True)
    ]


def button_lines(rows: Sequence[Sequence[Tapped]]) -> list[str]:
    """One line per keyboard row: "[1] Yes   [2] No"; a numbered label shows once: "[7]"."""
    lines = []
    for row in rows:
        cells = [
            f"[{b.label}]" if label_number(b.label) == b.number else f"[{b.number}] {b.label}"
            for b in row
        ]
        lines.append(INDENT + BUTTON_GAP.join(cells))
    return lines


def label_number(label: str) -> int | None:
    match = _NUMBER_LABEL.fullmatch(label)
    return int(match.group(1)) if match else None


def path(file: Path) -> str:
    """A saved file as the terminal shows it: relative to the working folder when inside it."""
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file.resolve())


def display_width(line: str) -> int:
    """Terminal columns of a line: ANSI codes take none, wide emoji and CJK take two."""
    width = 0
    for char in _ANSI.sub("", line):
        if unicodedata.combining(char) or char in "\u200d\ufe0e\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
