"""The FAQ engine against the hand-written evaluation set (tests/faq_eval.jsonl)."""

from __future__ import annotations

import pytest

from bot.faq import Reply, answer, list_topics
from bot.faq.evaluation import Case, accuracy, is_correct, load_cases
from bot.i18n import texts_for

CASES = load_cases()
EN = texts_for("en")


@pytest.fixture(scope="module")
def results() -> list[tuple[Case, Reply]]:
    return [(case, answer(case.question, EN)) for case in CASES]


def _failures(pairs: list[tuple[Case, Reply]]) -> list[str]:
    return [
        f"{c.question!r}: want {c.kinds}/{c.topic}, got {r.kind}/{r.topic}"
        for c, r in pairs
        if not is_correct(c, r)
    ]


def test_eval_set_is_big_enough_and_consistent() -> None:
    assert len(CASES) >= 120
    assert sum(c.heldout for c in CASES) >= 30
    known = {s.topic for s in list_topics(EN)} | {"crisis", "urgent_care", "dosing"}
    for case in CASES:
        assert case.topic is None or case.topic in known, case.topic
        assert set(case.also) <= known
    assert {c.group for c in CASES} >= {"answer", "no_match", "decline", "crisis", "urgent"}


def test_overall_accuracy(results: list[tuple[Case, Reply]]) -> None:
    overall = accuracy(results)
    heldout = accuracy([p for p in results if p[0].heldout])
    print(f"FAQ eval: overall {overall:.3f}, held-out {heldout:.3f}")
    assert overall >= 0.90, "\n".join(_failures(results))


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
