"""Which button an input taps: a number as shown beside it, or `/tap REGEX` on its label.

A pattern is searched in each label, case-insensitively; a label it matches whole wins
over labels it only appears in ("/tap 1" taps "1", not "10"). No match, or several, taps
nothing: the demo says so and lists the buttons.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stillnight_dev.demo import render
from stillnight_dev.demo.view import Tapped


class NoTap(ValueError):
    """The input names no single button; the message says why and lists the buttons."""


def by_number(rows: Sequence[Sequence[Tapped]], number: int) -> Tapped | None:
    return next((b for row in rows for b in row if b.number == number), None)


def by_label(rows: Sequence[Sequence[Tapped]], pattern: str) -> Tapped:
    if not rows:
        raise NoTap("No message has buttons to tap right now.")
    if not pattern.strip():
        raise NoTap(_listed("Use /tap LABEL (part of it, or a regular expression).", rows))
    try:
        wanted = re.compile(pattern.strip(), re.IGNORECASE)
    except re.error as error:
        raise NoTap(f"/tap {pattern.strip()}: not a regular expression ({error}).") from None
    buttons = [b for row in rows for b in row]
    whole = [b for b in buttons if wanted.fullmatch(b.label)]
    found = whole if len(whole) == 1 else [b for b in buttons if wanted.search(b.label)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NoTap(_listed(f"No button matches “{pattern.strip()}”.", rows))
    labels = ", ".join(f"[{b.number}] {b.label}" for b in found)
    raise NoTap(_listed(f"“{pattern.strip()}” matches {len(found)} buttons: {labels}.", rows))


def _listed(reason: str, rows: Sequence[Sequence[Tapped]]) -> str:
    return "\n".join([reason, "The buttons:", *render.button_lines(rows)])
