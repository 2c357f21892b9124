"""Texts per language: Russian's three plural forms through Babel, and the check the journeys
use to find English left on another language's screen (it must see it)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.faq import _NO_MATCH
from bot.i18n import texts_for
from tests.languages import OTHERS, english_left


@pytest.mark.parametrize(
    ("n", "words"),
    [(1, "1 ночь"), (2, "2 ночи"), (5, "5 ночей"), (11, "11 ночей"), (21, "21 ночь"),
     (22, "22 ночи"), (25, "25 ночей"), (1234, "1234 ночи")],
)  # fmt: skip
def test_russian_counts_nights_in_three_forms(n: int, words: str) -> None:
    t = texts_for("ru")
    assert words in t.ngettext("(over {n} night)", "(over {n} nights)", n).replace("\xa0", "")


@pytest.mark.parametrize("language", OTHERS)
def test_the_english_check_sees_an_english_text_and_passes_the_translation(language: str) -> None:
    english, translated = texts_for("en").gettext(_NO_MATCH), texts_for(language).gettext(_NO_MATCH)
    assert english_left([f"<i>{english}</i>"], language) != set()
    assert english_left([translated], language) == set()


def _literal_texts(tree: ast.AST) -> set[str]:
    """The literal texts passed to gettext, ngettext and pgettext anywhere, f-strings too."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        position = {"gettext": 0, "ngettext": 0, "pgettext": 1}.get(node.func.attr)
        if position is None or len(node.args) <= position:
            continue
        text = node.args[position]
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            found.add(text.value)
    return found


def test_every_literal_text_reaches_the_catalog() -> None:
    """pybabel does not look inside f-strings: a text written there is shown untranslated
    in every language (the pseudo-language test cannot see that, the catalog can)."""
    root = Path(__file__).resolve().parent.parent
    with (root / "bot" / "locale" / "messages.pot").open("rb") as pot:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot) if m.id}
    texts: set[str] = set()
    for package in ("bot", "handlers"):
        for path in (root / package).rglob("*.py"):
            texts |= _literal_texts(ast.parse(path.read_text(encoding="utf-8")))
    assert sorted(texts - template) == []
