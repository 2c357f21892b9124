"""Subcommands of `python -m bot` that live outside the runtime package: entry points.

An installed distribution adds one by declaring, in its pyproject.toml::

    [project.entry-points."stillnight.commands"]
    demo = "stillnight_dev.demo.main:command"

The entry point's name is the subcommand; the object it names is a :class:`Command`.
Stillnight's own distribution adds the demo this way, so `bot` never imports the development
tools. Without the entry point (the package not installed) there is no such subcommand; with
one that cannot be loaded (declared, but its code is not there, as in the production image,
which leaves stillnight_dev out) the subcommand says why when run, and the others still work.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

GROUP = "stillnight.commands"


@runtime_checkable
class Command(Protocol):
    """A subcommand: one line of help, its options, and what it does."""

    @property
    def help(self) -> str:
        """Shown next to the name by `python -m bot --help`."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add the subcommand's options to its own parser."""

    def run(self, args: argparse.Namespace) -> int:
        """Do it, with the parsed arguments; the exit code."""


@dataclass(frozen=True)
class Unavailable:
    """A declared subcommand whose object could not be loaded: it explains itself when run."""

    name: str
    reason: str

    @property
    def help(self) -> str:
        return f"not available here ({self.reason})"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """None: whatever follows the name is ignored (bot/cli.py lets it through)."""

    def run(self, args: argparse.Namespace) -> int:
        print(f"python -m bot {self.name}: not available here: {self.reason}", file=sys.stderr)
        return 2


def discover(reserved: Collection[str] = ()) -> dict[str, Command]:
    """The installed subcommands by name, sorted; names in ``reserved`` (built in) are skipped,
    and of two with the same name the first found wins."""
    commands: dict[str, Command] = {}
    for point in sorted(entry_points(group=GROUP), key=lambda point: point.name):
        if point.name in reserved or point.name in commands:
            continue
        try:
            loaded = point.load()
        except Exception as error:  # a broken plugin must not stop `run`, `migrate` or `ask`
            commands[point.name] = Unavailable(point.name, f"{type(error).__name__}: {error}")
            continue
        if not isinstance(loaded, Command):
            reason = f"{point.value} has no help, add_arguments() and run()"
            commands[point.name] = Unavailable(point.name, reason)
            continue
        commands[point.name] = loaded
    return commands
