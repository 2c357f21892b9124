"""``python -m bench faq``: FAQ engine accuracy against a baseline, and time per question.

Baseline (computed in the same run): plain BM25 (k1=1.2, b=0.75) over each topic's own
answer text (title + body, tags stripped), lower-cased ``[a-z0-9]+`` tokens, no stop
words, stemming, synonyms, typo repair or safety layer. It answers with the best-scoring
topic, or ``no_match`` when no word matches at all. It shows what the topic texts alone
can do, so the gap is what the engine's matching and safety layers add.

Timing: ``answer()`` per question. "cold" is the first pass over the eval set, right
after the index is built (typo-repair caches empty; the build time is reported on its
own); mean and p99 are over ``--rounds`` further passes, as in a long-running bot.

The last line of output is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bot.faq import Reply, answer
from bot.faq.evaluation import EVAL_PATH, Case, is_correct, is_partial, load_cases
from bot.faq.matcher import index
from bot.faq.topics import TOPICS

_TOKEN = re.compile(r"[a-z0-9]+")
_TAG = re.compile(r"<[^>]+>")


class PlainBM25:
    """The baseline: textbook BM25 over the topic answer texts."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.ids = [t.id for t in TOPICS]
        self.docs = [
            Counter(_TOKEN.findall(_TAG.sub(" ", f"{t.title} {t.body}").lower())) for t in TOPICS
        ]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / len(self.lengths)
        n = len(self.docs)
        df = Counter(term for d in self.docs for term in d)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def answer(self, question: str) -> Reply:
        terms = set(_TOKEN.findall(question.lower()))
        best_id, best = None, 0.0
        for topic_id, doc, length in zip(self.ids, self.docs, self.lengths, strict=True):
            norm = self.k1 * (1 - self.b + self.b * length / self.avg)
            score = sum(
                self.idf[t] * doc[t] * (self.k1 + 1) / (doc[t] + norm) for t in terms if t in doc
            )
            if score > best:
                best_id, best = topic_id, score
        if best_id is None:
            return Reply("no_match", None, "")
        return Reply("answer", best_id, "")


def _report(pairs: list[tuple[Case, Reply]]) -> dict[str, Any]:
    def acc(selected: list[tuple[Case, Reply]]) -> dict[str, Any]:
        right = sum(is_correct(c, r) for c, r in selected)
        share = round(right / len(selected), 3) if selected else None
        return {"n": len(selected), "correct": right, "accuracy": share}

    groups = sorted({c.group for c, _ in pairs})
    return {
        "overall": acc(pairs),
        "heldout": acc([p for p in pairs if p[0].heldout]),
        "tuned": acc([p for p in pairs if not p[0].heldout]),
        "by_group": {g: acc([p for p in pairs if p[0].group == g]) for g in groups},
        "partial_did_you_mean": sum(is_partial(c, r) for c, r in pairs),
    }


def _p99_us(values: list[int]) -> float:
    return sorted(values)[min(len(values) - 1, math.ceil(0.99 * len(values)) - 1)] / 1000


def _timed_answers(cases: list[Case]) -> tuple[list[tuple[Case, Reply]], list[int]]:
    """The cold pass: each question answered for the first time (typo caches empty)."""
    pairs, times = [], []
    for case in cases:
        start = time.perf_counter_ns()
        reply = answer(case.question)
        times.append(time.perf_counter_ns() - start)
        pairs.append((case, reply))
    return pairs, times


def _timing(questions: list[str], rounds: int, cold: list[int]) -> dict[str, float]:
    warm: list[int] = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter_ns()
            answer(q)
            warm.append(time.perf_counter_ns() - start)
    return {
        "mean_us": round(statistics.fmean(warm) / 1000, 1),
        "p99_us": round(_p99_us(warm), 1),
        "cold_mean_us": round(statistics.fmean(cold) / 1000, 1),
        "cold_p99_us": round(_p99_us(cold), 1),
        "questions_timed": len(warm),
    }


def _line(name: str, rep: dict[str, Any]) -> str:
    def pct(part: dict[str, Any]) -> str:
        a = part["accuracy"]
        return "  n/a" if a is None else f"{100 * a:5.1f}% ({part['correct']}/{part['n']})"

    return f"{name:<10} overall {pct(rep['overall'])}  held-out {pct(rep['heldout'])}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench faq", description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="timing passes (default 20)")
    parser.add_argument("--eval", type=Path, default=EVAL_PATH, help="eval set (.jsonl)")
    parser.add_argument(
        "--failures", action="store_true", help="list engine failures on the tuned part only"
    )
    args = parser.parse_args(argv)

    cases = load_cases(args.eval)
    index.cache_clear()
    start = time.perf_counter()
    index()
    build_ms = (time.perf_counter() - start) * 1000

    engine_pairs, cold = _timed_answers(cases)
    engine = _report(engine_pairs)
    baseline_bm25 = PlainBM25()
    baseline = _report([(c, baseline_bm25.answer(c.question)) for c in cases])
    timing = _timing([c.question for c in cases], max(1, args.rounds), cold)

    print(f"FAQ eval: {len(cases)} questions, {sum(c.heldout for c in cases)} held out")
    print(_line("engine", engine))
    print(_line("baseline", baseline))
    for group, part in engine["by_group"].items():
        base = baseline["by_group"][group]
        print(f"  {group:<15} engine {part['accuracy']:.3f}  baseline {base['accuracy']:.3f}")
    print(
        f"  did-you-mean offering the right topic (not counted): {engine['partial_did_you_mean']}"
    )
    print(
        f"time per question: mean {timing['mean_us']} us, p99 {timing['p99_us']} us "
        f"(cold first pass: mean {timing['cold_mean_us']} us, "
        f"p99 {timing['cold_p99_us']} us); index build {build_ms:.1f} ms"
    )
    if args.failures:
        for case, reply in engine_pairs:
            if not case.heldout and not is_correct(case, reply):
                print(
                    f"  FAIL {case.question!r}: want {case.kinds}/{case.topic}, "
                    f"got {reply.kind}/{reply.topic}"
                )
    print(
        json.dumps(
            {
                "bench": "faq",
                "engine": engine,
                "baseline": baseline,
                "timing": timing,
                "index_build_ms": round(build_ms, 1),
            }
        )
    )
    return 0
