"""The FAQ engine against the hand-written evaluation set (tests/faq_eval.jsonl)."""

from __future__ import annotations

import hashlib

import pytest

from bot.faq import Reply, answer, list_topics
from bot.faq.evaluation import EVAL_PATH, Case, accuracy, is_correct, load_cases
from bot.i18n import texts_for

CASES = load_cases()
FROZEN_SHA256 = "05224c101ba89a85483c5c09f00b2ce4e6da3fcbd2a2c7d7f42375940df78ffb"
FROZEN_FLOOR = 0.91
SAFETY_TOPICS = {"crisis", "crisis_negated", "overdose", "urgent_care", "dosing"}
EN = texts_for("en")


@pytest.fixture(scope="module")
def results() -> list[tuple[Case, Reply]]:
    return [(case, answer(case.question, EN)) for case in CASES]


def _failures(pairs: list[tuple[Case, Reply]]) -> list[str]:
    """What went wrong, for the tuned part; the frozen part is counted, never shown."""
    wrong = [(c, r) for c, r in pairs if not is_correct(c, r)]
    frozen = sum(c.frozen for c, _ in wrong)
    shown = [
        f"{c.question!r}: want {c.kinds}/{c.topic}, got {r.kind}/{r.topic}"
        for c, r in wrong
        if not c.frozen
    ]
    return [*shown, f"(and {frozen} of the frozen held-out part)"] if frozen else shown


def test_eval_set_is_big_enough_and_consistent() -> None:
    assert len(CASES) >= 120
    assert sum(c.heldout for c in CASES) >= 30
    known = {s.topic for s in list_topics(EN)} | SAFETY_TOPICS | {"greeting", "thanks"}
    for case in CASES:
        assert case.topic is None or case.topic in known, case.topic
        # One frozen line offers "exercise", a topic that does not exist, as an alternative:
        # a slip made when it was written, kept (frozen); it can only make scoring stricter.
        assert set(case.also) - {"exercise"} <= known if case.frozen else set(case.also) <= known
    assert {c.group for c in CASES} >= {"answer", "no_match", "decline", "crisis", "urgent"}


def test_the_frozen_held_out_part_is_unchanged() -> None:
    """Written before tuning (issue 16) and frozen: its lines, byte for byte."""
    lines = [line for line in EVAL_PATH.read_text("utf-8").splitlines() if '"frozen"' in line]
    assert len(lines) >= 150
    digest = hashlib.sha256("".join(f"{line}\n" for line in lines).encode()).hexdigest()
    assert digest == FROZEN_SHA256


def test_overall_accuracy(results: list[tuple[Case, Reply]]) -> None:
    before = [p for p in results if not p[0].frozen]
    overall = accuracy(before)
    heldout = accuracy([p for p in before if p[0].heldout])
    print(f"FAQ eval (without the frozen part): overall {overall:.3f}, held-out {heldout:.3f}")
    assert overall >= 0.90, "\n".join(_failures(before))


def test_frozen_held_out_accuracy(results: list[tuple[Case, Reply]]) -> None:
    """A floor at the measured score (bench/README.md), not the issue's 95% target."""
    frozen = [p for p in results if p[0].frozen]
    print(f"FAQ eval, frozen held-out: {accuracy(frozen):.3f}")
    assert accuracy(frozen) >= FROZEN_FLOOR, "\n".join(_failures(frozen))


def test_every_crisis_and_red_flag_case(results: list[tuple[Case, Reply]]) -> None:
    pairs = [p for p in results if p[0].group in {"crisis", "urgent"}]
    assert pairs
    assert not _failures(pairs), "\n".join(_failures(pairs))


def test_every_dosing_case(results: list[tuple[Case, Reply]]) -> None:
    pairs = [p for p in results if p[0].group == "decline"]
    assert pairs
    assert not _failures(pairs), "\n".join(_failures(pairs))


def test_no_false_crisis(results: list[tuple[Case, Reply]]) -> None:
    pairs = [p for p in results if p[0].group not in {"crisis", "urgent"}]
    assert not [c.question for c, r in pairs if r.kind == "crisis"]
