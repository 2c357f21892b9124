"""The text catalogs match the code: every text extracted is in the template and in every
language's catalog (translated, with the same fields and markup), nothing is left over, and
no text a user reads bypasses the catalog."""

from __future__ import annotations

from pathlib import Path

from bot.core.problems import Code
from bot.i18n.problems import MESSAGES
from stillnight_dev import catalog, literals

ROOT = Path(__file__).resolve().parent.parent


def test_the_catalogs_hold_exactly_the_texts_of_the_code() -> None:
    findings = catalog.check()
    assert findings == [], "run `python -m stillnight_dev.catalog update`:\n" + "\n".join(
        map(str, findings)
    )


def test_no_text_for_users_bypasses_the_catalog() -> None:
    found = literals.find(ROOT)
    assert found == [], "texts outside the catalog:\n" + "\n".join(map(str, found))


def test_the_literal_check_sees_what_it_should(tmp_path: Path) -> None:
    source = '''
"""A docstring is not shown."""
import logging
log = logging.getLogger(__name__)
SKIP = "Skip"
WORDS = {"skip", "pass"}
def view():
    log.info("a log line")
    raise ValueError("for developers")
    return f"<b>Your month</b> {1}", N_("In the catalog"), "utf-16-le", "ok"
'''
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "sample.py").write_text(source, encoding="utf-8")
    found = {literal.text for literal in literals.find(tmp_path, ("bot",))}
    assert found == {"Skip", "<b>Your month</b> "}


def test_every_problem_code_has_its_words() -> None:
    assert set(MESSAGES) == set(Code)


def test_an_update_that_changes_no_text_rewrites_no_file() -> None:
    """The template as written reads back as the same messages as a fresh extraction, so
    `update` leaves it (and its creation date) alone: otherwise every update by anyone
    touches every catalog and branches conflict on the date line."""
    assert catalog._same(catalog._read(catalog.TEMPLATE, "en"), catalog.extract())
