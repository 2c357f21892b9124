"""Texts in the code that bypass the catalog: string literals that read as words to a person.

    python -m stillnight_dev.literals [ROOT]   # lists them; tests/test_catalog.py wants none

A literal counts when, once markup and {fields} are taken out, it holds two words, or one
capitalised word ("Skip"). Not counted: docstrings; texts given to the catalog (N_,
gettext, ngettext, pgettext); log messages; messages of exceptions meant for developers;
regular expressions; the word lists of the input parsers (sets, and lists or dicts of short
lower-case words); FAQ matching vocabulary (`keywords=`, `examples=`); a field's key and
export name. What this reads as prose but is not shown to users sits in NOT_SHOWN.

The command line (bot/cli.py, bot/cli_plugins.py, and the keys' paragraphs in
bot/keys/messages.py) speaks to whoever runs the bot, in
English like the logs and like argparse itself: it is not part of the users' catalog.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGES = ("bot", "handlers")
FOR_OPERATORS = {"bot/cli.py", "bot/cli_plugins.py", "bot/keys/messages.py"}
CATALOG_CALLS = {"N_", "gettext", "ngettext", "pgettext", "npgettext"}
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}
DEVELOPER_ERRORS = {
    "ValueError", "RuntimeError", "TypeError", "LookupError", "KeyError", "AssertionError",
    "NotImplementedError", "ImportError", "NotThatUpdate",
}  # fmt: skip
VOCABULARY_ARGS = {"keywords", "examples", "help", "metavar", "description", "prog"}
_TAGS = re.compile(r"<[^>]+>|\{[^{}]*\}|&\w+;")
_WORD = re.compile(r"[^\W\d_]{2,}")
_REGEX = re.compile(r"\(\?|\\[sbdwSBDW]|\[\^?[\w\\]|\|.*\|")
_CAPITALISED = re.compile(r"^\W*[A-Z][a-z]{2,}\b")
_VOCABULARY = re.compile(r"\s*(?:[a-z']+\s+){10,}[a-z']*\s*")
# Read as words, but never shown to a person: SQL, format patterns, HTTP answers to machines.
NOT_SHOWN = {
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA secure_delete=ON",
    "PRAGMA wal_checkpoint(TRUNCATE)",
    "BEGIN IMMEDIATE",
    "LLLL yyyy",
    "d MMM yyyy",
    "%(asctime)s %(levelname)s %(name)s: %(message)s",
    "not an update",  # bot/webhook.py: to Telegram
    "not modified",  # handlers/views.py: matched in Telegram's error, not shown
    "query is too old",  # bot/telegram_bot.py: matched in Telegram's error, not shown
    "database unavailable",  # bot/webhook.py: to a load balancer
    "upper center",  # a matplotlib position
    "Helvetica",  # a PDF font
    "Stillnight",  # the PDF's creator
}


@dataclass(frozen=True)
class Literal:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text[:70]!r}"


def reads_as_words(text: str) -> bool:
    if _VOCABULARY.fullmatch(text):  # a word list written as one string
        return False
    plain = _TAGS.sub(" ", text)
    if _REGEX.search(text) or "/" in plain.strip().split(" ")[0]:
        return False
    spaced = " " in plain.strip()
    words = _WORD.findall(plain)
    return (spaced and len(words) >= 2) or bool(
        _CAPITALISED.match(plain) and not plain.strip().isupper()
    )


def _is_word_list(node: ast.AST) -> bool:
    """A set, or a list/tuple/dict of short lower-case strings: the words a parser knows."""
    if isinstance(node, ast.Set):
        return True
    if isinstance(node, ast.Dict):
        items = [k for k in node.keys if k is not None]
    elif isinstance(node, ast.List | ast.Tuple):
        items = node.elts
    else:
        return False
    strings = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
    return (
        bool(strings)
        and len(strings) == len(items)
        and all(s == s.lower() and len(s.split()) <= 6 for s in strings)
    )


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.found: list[Literal] = []

    def _skip_docstring(self, body: list[ast.stmt]) -> list[ast.stmt]:
        first = body[0] if body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            return body[1:]
        return body

    def visit_Module(self, node: ast.Module) -> None:
        for statement in self._skip_docstring(node.body):
            self.visit(statement)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        self.visit(node.args)
        for statement in self._skip_docstring(node.body):
            self.visit(statement)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for statement in self._skip_docstring(node.body):
            self.visit(statement)

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        if name in CATALOG_CALLS or name in LOG_CALLS or name in {"compile", "Field"}:
            return
        self.visit(node.func)
        for arg in node.args:
            self.visit(arg)
        for keyword in node.keywords:
            if keyword.arg not in VOCABULARY_ARGS:
                self.visit(keyword.value)

    def visit_Raise(self, node: ast.Raise) -> None:
        error = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        if _name(error) not in DEVELOPER_ERRORS and node.exc is not None:
            self.visit(node.exc)

    def visit_Assert(self, node: ast.Assert) -> None:
        self.visit(node.test)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        """ "a an the".split(): a word list written as one string."""
        if not (isinstance(node.value, ast.Constant) and node.attr == "split"):
            self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if not any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            self.generic_visit(node)

    def generic_visit(self, node: ast.AST) -> None:
        if _is_word_list(node):
            return
        super().generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        text = node.value
        if isinstance(text, str) and text not in NOT_SHOWN and reads_as_words(text):
            self.found.append(Literal(self.path, node.lineno, text))


def find(root: Path, packages: tuple[str, ...] = PACKAGES) -> list[Literal]:
    found: list[Literal] = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if str(path.relative_to(root)) in FOR_OPERATORS:
                continue
            finder = _Finder(str(path.relative_to(root)))
            finder.visit(ast.parse(path.read_text(encoding="utf-8")))
            found += finder.found
    return found


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1]
    found = find(root)
    print("\n".join(map(str, found)))
    print(f"{len(found)} texts outside the catalog")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
