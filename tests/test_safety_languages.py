"""The other languages' safety patterns: run after the English ones, on every message,
kind by kind (crisis, overdose, red flag, dosing), the reply in the user's language."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from bot.faq import safety
from bot.faq.safety_languages import PATTERNS, Alarm, alarm, fold
from bot.i18n import texts_for

NEVER = re.compile(r"(?!)")


def patterns(**found: str) -> SimpleNamespace:
    kinds = ("CRISIS", "OVERDOSE", "RED_FLAG", "DOSING")
    return SimpleNamespace(**{k: re.compile(found[k]) if k in found else NEVER for k in kinds})


@pytest.fixture
def two_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PATTERNS, "xa", patterns(DOSING=r"\bдоза\b", RED_FLAG=r"отёк"))
    monkeypatch.setitem(PATTERNS, "xb", patterns(CRISIS=r"\bquiero morir\b"))


def test_fold_keeps_accents_and_folds_case_width_and_spaces() -> None:
    assert fold("  Quiero\tMORIR\n ＡＢＣ Straße Ёж ") == "quiero morir abc strasse ёж"


@pytest.mark.usefixtures("two_languages")
def test_every_language_runs_and_a_crisis_in_any_wins_over_dosing_in_another() -> None:
    assert alarm("какая доза нужна") is Alarm.DOSING
    assert alarm("какая доза… quiero morir") is Alarm.CRISIS
    assert alarm("отёк и доза") is Alarm.RED_FLAG
    assert alarm("ничего особенного") is None


@pytest.mark.usefixtures("two_languages")
def test_the_reply_follows_the_english_checks_and_names_the_medicine() -> None:
    t = texts_for("en")
    crisis = safety.check("Quiero morir", t)
    assert crisis is not None and crisis.topic == "crisis"
    dosing = safety.check("какая доза ропинирола, ropinirole", t)
    assert dosing is not None and dosing.kind == "decline" and "agonists" in dosing.text
    english_first = safety.check("i want to die", t)
    assert english_first is not None and english_first.topic == "crisis"
    assert safety.check("как спать лучше", t) is None
