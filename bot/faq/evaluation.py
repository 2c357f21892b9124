"""Loading and scoring the FAQ evaluation set (shared by the tests and ``python -m bench``).

Each line of ``tests/faq_eval.jsonl`` is ``{"q", "kind", "topic", "heldout"}`` plus an
optional ``"also"`` list, and ``"frozen"`` (a date) on the lines of the frozen held-out part:
written before the engine was tuned for it (issue 16), never changed, never tuned on. Only
its score is reported, never its failures. ``kind`` is one kind or a list of acceptable
kinds (used for "my legs are killing me"-type lines, where anything but a safety reply is
fine).

A reply is correct when its kind is acceptable and, for answers and safety replies, its
topic is the expected one (or in ``also``). For expected ``no_match`` the topic is not
checked. A ``no_match`` whose buttons offer the right topic ("did you mean") is *not*
counted as correct for an expected answer; it is reported separately as partial.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bot.faq.types import Reply

EVAL_PATH = Path(__file__).resolve().parents[2] / "tests" / "faq_eval.jsonl"
# The development set (issue 16's last target): written to tune on, never held out; its
# lines carry ``"dev": true``. Same format and scoring as the eval set.
DEV_PATH = EVAL_PATH.with_name("faq_dev.jsonl")


@dataclass(frozen=True)
class Case:
    question: str
    kinds: tuple[str, ...]
    topic: str | None
    also: tuple[str, ...] = ()
    heldout: bool = False
    frozen: bool = False
    group: str = field(init=False)

    def __post_init__(self) -> None:
        group = self.kinds[0] if len(self.kinds) == 1 else "not_safety"
        if self.topic == "urgent_care":
            group = "urgent"
        object.__setattr__(self, "group", group)


def load_cases(path: Path = EVAL_PATH) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        kinds = row["kind"] if isinstance(row["kind"], list) else [row["kind"]]
        cases.append(
            Case(
                question=row["q"],
                kinds=tuple(kinds),
                topic=row.get("topic"),
                also=tuple(row.get("also", ())),
                heldout=bool(row.get("heldout", False)),
                frozen="frozen" in row,
            )
        )
    return cases


def is_correct(case: Case, reply: Reply) -> bool:
    if reply.kind not in case.kinds:
        return False
    if reply.kind == "no_match" or case.topic is None:
        return True
    return reply.topic == case.topic or reply.topic in case.also


def is_partial(case: Case, reply: Reply) -> bool:
    """An expected answer met by a ``no_match`` whose buttons offer the right topic."""
    wanted = {case.topic, *case.also}
    return (
        case.kinds == ("answer",)
        and reply.kind == "no_match"
        and any(s.topic in wanted for s in reply.suggestions)
    )


def accuracy(pairs: list[tuple[Case, Reply]]) -> float:
    return sum(is_correct(c, r) for c, r in pairs) / len(pairs) if pairs else 0.0
