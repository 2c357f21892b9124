"""Production code never imports the development tools or the benchmarks.

bot/, handlers/, models/ and migrations/ are what production runs; stillnight_dev (the Bot API
stand-in and the demo) and bench ship in the same distribution but only use the bot, never
the other way round. The demo reaches `python -m bot` as a plugin, through the
`stillnight.commands` entry point (bot/cli_plugins.py).
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import bot.cli_plugins
from bot.cli import BUILT_IN, _parser, main
from bot.cli_plugins import GROUP, Unavailable, discover
from tests.processes import run_bot

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = ("bot", "handlers", "models", "migrations")
DEVELOPMENT = ("stillnight_dev", "bench")
IMPORT_FUNCTIONS = {"import_module", "__import__"}


def imported(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, module) of each absolute import, and of each module named by a string
    literal to importlib.import_module() or __import__()."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:  # relative imports stay in their package
                yield node.lineno, node.module
        elif isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else None
            name = function.id if isinstance(function, ast.Name) else name
            if name in IMPORT_FUNCTIONS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    yield node.lineno, first.value


def development_imports(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    return sorted(
        (line, module)
        for line, module in imported(ast.parse(source, filename))
        if module.split(".")[0] in DEVELOPMENT
    )


def production_files() -> list[Path]:
    return sorted(
        path
        for package in PRODUCTION
        for path in (ROOT / package).rglob("*.py")
        if "__pycache__" not in path.parts
    )


def test_production_code_never_imports_the_development_tools_or_the_benchmarks() -> None:
    files = production_files()
    assert ROOT / "bot" / "cli.py" in files and ROOT / "migrations" / "env.py" in files
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in files
        for line, module in development_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert found == [], "production code imports development code:\n" + "\n".join(found)


def test_the_check_sees_every_kind_of_import() -> None:
    source = """
import stillnight_dev
import os, bench.load as load
from stillnight_dev.standin import BotApiStandin
from bench import faq
from . import stillnight_dev
import importlib
importlib.import_module("stillnight_dev.demo.main")
from importlib import import_module
import_module("bench")
__import__("stillnight_dev.standin")
importlib.import_module("bot.faq")
from bot import demo_text
import stillnight
"""
    assert development_imports(source) == [
        (2, "stillnight_dev"),
        (3, "bench.load"),
        (4, "stillnight_dev.standin"),
        (5, "bench"),
        (8, "stillnight_dev.demo.main"),
        (10, "bench"),
        (11, "stillnight_dev.standin"),
    ]


async def test_the_demo_is_a_subcommand_through_its_entry_point(tmp_path: Path) -> None:
    code, out, err = await run_bot("demo", "--help", cwd=tmp_path, env={})
    assert code == 0, err
    assert "--script" in out
    code, out, err = await run_bot("--help", cwd=tmp_path, env={})
    assert code == 0, err
    assert "demo" in out and "not available" not in out


def commands_of(parser: argparse.ArgumentParser) -> set[str]:
    action = next(a for a in parser._actions if a.dest == "command")
    assert isinstance(action.choices, dict)
    return set(action.choices)


def test_without_plugins_the_built_in_subcommands_remain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.cli_plugins, "entry_points", lambda group: [])
    assert commands_of(_parser()) == {"run", "migrate", "ask", "make-key", "rotate-key"}


def test_a_plugin_that_cannot_load_says_so_and_the_rest_still_work(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    points = [
        EntryPoint("demo", "not_installed_anywhere.main:command", GROUP),
        EntryPoint("ask", "stillnight_dev.demo.main:command", GROUP),  # built-in names win
        EntryPoint("notes", "argparse:ArgumentParser", GROUP),  # not a command
    ]
    monkeypatch.setattr(bot.cli_plugins, "entry_points", lambda group: points)
    commands = discover(reserved=BUILT_IN)
    assert sorted(commands) == ["demo", "notes"]
    assert all(isinstance(command, Unavailable) for command in commands.values())
    assert commands_of(_parser()) == {*BUILT_IN, "demo", "notes"}
    assert main(["demo", "--fresh"]) == 2
    assert "not_installed_anywhere" in capsys.readouterr().err
