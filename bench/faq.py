"""``python -m bench faq``: FAQ engine accuracy against two baselines, and time per question.

Both baselines are computed in the same run, with textbook BM25 (k1=1.2, b=0.75) over
lower-cased ``[a-z0-9]+`` tokens: no stop words, stemming, synonyms, typo repair or safety
layer. Each answers with the label of its best-scoring document, or ``no_match`` when no
query word occurs in any document. Neither can return ``crisis`` or ``decline``.

* **BM25 over the article's paragraphs** (the baseline the issue asked for): the source
  article (``--article``, or the path in ``$STILLNIGHT_ARTICLE``; it is not part of the
  repository, and without it this baseline is left out, saying so) split into paragraphs
  at blank lines; a block made only of bullet lines ("•") belongs to the paragraph before
  it, which introduces it. Each paragraph carries one hand-set topic id from
  ``bench/faq_article_topics.json`` (set once from the paragraph's content, not from the
  eval set); ``none`` (the image credit) gives ``no_match``. Loading fails if the
  article's paragraphs and the labels disagree.
* **BM25 over the topics' own answer texts** (title + body, tags stripped): what the
  answer texts alone can do, so the gap is what the engine's matching and safety add.

Scores: overall, held out (never tuned on), and the frozen held-out part (issue 16: 174
questions written before the engine was tuned for them; ``--failures`` never lists it),
with the frozen part's safety cases (crisis, overdose, red flags, doses) on their own.
A separate line, "dev", scores the development set (``--dev``, default
``tests/faq_dev.jsonl``: written to tune on, never held out) for the engine and the topic
baseline; ``--failures`` lists its failures too.

Timing: ``answer()`` per question. "cold" is the first pass over the eval set, right
after the index is built (typo-repair caches empty; the build time is reported on its
own); mean and p99 are over ``--rounds`` further passes, as in a long-running bot. The
baselines are timed the same way (their first pass is the scoring pass).

The last line of output is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.faq import Reply, answer, list_topics
from bot.faq.evaluation import DEV_PATH, EVAL_PATH, Case, is_correct, is_partial, load_cases
from bot.faq.matcher import index
from bot.faq.topics import TOPICS
from bot.i18n import texts_for

_TOKEN = re.compile(r"[a-z0-9]+")
_TAG = re.compile(r"<[^>]+>")

ARTICLE_ENV = "STILLNIGHT_ARTICLE"  # where the source article is; it is not in the repository
ARTICLE_TOPICS_PATH = Path(__file__).with_name("faq_article_topics.json")
_START = 40  # characters of each paragraph kept in the labels file to pin it
_NONE = "none"


class PlainBM25:
    """Textbook BM25 over labelled documents; the reply is the best document's label."""

    def __init__(self, docs: list[tuple[str, str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.labels = [label for label, _ in docs]
        self.docs = [Counter(_TOKEN.findall(text.lower())) for _, text in docs]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / len(self.lengths)
        n = len(self.docs)
        df = Counter(term for d in self.docs for term in d)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    @classmethod
    def over_topics(cls) -> PlainBM25:
        """One document per topic: its title and answer body, tags stripped."""
        return cls([(t.id, _TAG.sub(" ", f"{t.title} {t.body}")) for t in TOPICS])

    @classmethod
    def over_article(cls, article: Path, labels: Path = ARTICLE_TOPICS_PATH) -> PlainBM25:
        """One document per article paragraph, labelled with its hand-set topic."""
        return cls(labelled_paragraphs(article, labels))

    def answer(self, question: str) -> Reply:
        terms = set(_TOKEN.findall(question.lower()))
        best_label, best = None, 0.0
        for label, doc, length in zip(self.labels, self.docs, self.lengths, strict=True):
            norm = self.k1 * (1 - self.b + self.b * length / self.avg)
            score = sum(
                self.idf[t] * doc[t] * (self.k1 + 1) / (doc[t] + norm) for t in terms if t in doc
            )
            if score > best:
                best_label, best = label, score
        if best_label is None or best_label == _NONE:
            return Reply("no_match", None, "")
        return Reply("answer", best_label, "")


def article_paragraphs(text: str) -> list[str]:
    """Paragraphs = blocks between blank lines, whitespace collapsed; a block of bullet
    lines only ("•") is appended to the paragraph before it (the one introducing it)."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            block.append(line.strip())
            continue
        if block:
            joined = " ".join(" ".join(block).split())
            if paragraphs and all(b.startswith("•") for b in block):
                paragraphs[-1] += " " + joined
            else:
                paragraphs.append(joined)
            block = []
    return paragraphs


def labelled_paragraphs(article: Path, labels: Path = ARTICLE_TOPICS_PATH) -> list[tuple[str, str]]:
    """(topic, paragraph) pairs; raises ValueError unless every paragraph is labelled,
    in order, with a known topic id (so a changed article fails loudly)."""
    paragraphs = article_paragraphs(article.read_text(encoding="utf-8"))
    rows = json.loads(labels.read_text(encoding="utf-8"))
    known = {s.topic for s in list_topics(texts_for("en"))} | {_NONE}
    problems = []
    if len(rows) != len(paragraphs):
        problems.append(f"{len(paragraphs)} paragraphs in {article}, {len(rows)} labels")
    for i, (row, para) in enumerate(zip(rows, paragraphs, strict=False)):
        if row["paragraph_start"] != para[:_START]:
            problems.append(f"#{i}: label for {row['paragraph_start']!r}, text {para[:_START]!r}")
        if row["topic"] not in known:
            problems.append(f"#{i}: unknown topic {row['topic']!r}")
    if problems:
        raise ValueError(f"{labels.name} does not match the article: " + "; ".join(problems))
    return [(row["topic"], para) for row, para in zip(rows, paragraphs, strict=True)]


def _report(pairs: list[tuple[Case, Reply]]) -> dict[str, Any]:
    def acc(selected: list[tuple[Case, Reply]]) -> dict[str, Any]:
        right = sum(is_correct(c, r) for c, r in selected)
        share = round(right / len(selected), 3) if selected else None
        return {"n": len(selected), "correct": right, "accuracy": share}

    groups = sorted({c.group for c, _ in pairs})
    return {
        "overall": acc(pairs),
        "heldout": acc([p for p in pairs if p[0].heldout]),
        "frozen_heldout": acc([p for p in pairs if p[0].frozen]),
        "frozen_safety": acc(
            [p for p in pairs if p[0].frozen and p[0].group in {"crisis", "urgent", "decline"}]
        ),
        "tuned": acc([p for p in pairs if not p[0].heldout]),
        "by_group": {g: acc([p for p in pairs if p[0].group == g]) for g in groups},
        "partial_did_you_mean": sum(is_partial(c, r) for c, r in pairs),
    }


def _p99_us(values: list[int]) -> float:
    return sorted(values)[min(len(values) - 1, math.ceil(0.99 * len(values)) - 1)] / 1000


def _timed_answers(
    reply: Callable[[str], Reply], cases: list[Case]
) -> tuple[list[tuple[Case, Reply]], list[int]]:
    """The cold pass: each question answered for the first time (typo caches empty)."""
    pairs, times = [], []
    for case in cases:
        start = time.perf_counter_ns()
        out = reply(case.question)
        times.append(time.perf_counter_ns() - start)
        pairs.append((case, out))
    return pairs, times


def _timing(
    reply: Callable[[str], Reply], questions: list[str], rounds: int, cold: list[int]
) -> dict[str, float]:
    warm: list[int] = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter_ns()
            reply(q)
            warm.append(time.perf_counter_ns() - start)
    return {
        "mean_us": round(statistics.fmean(warm) / 1000, 1),
        "p99_us": round(_p99_us(warm), 1),
        "cold_mean_us": round(statistics.fmean(cold) / 1000, 1),
        "cold_p99_us": round(_p99_us(cold), 1),
        "questions_timed": len(warm),
    }


def _run(
    reply: Callable[[str], Reply], cases: list[Case], rounds: int
) -> tuple[list[tuple[Case, Reply]], dict[str, Any], dict[str, float]]:
    pairs, cold = _timed_answers(reply, cases)
    return pairs, _report(pairs), _timing(reply, [c.question for c in cases], rounds, cold)


def _pct(part: dict[str, Any]) -> str:
    a = part["accuracy"]
    return "  n/a" if a is None else f"{100 * a:5.1f}% ({part['correct']}/{part['n']})"


def _line(name: str, rep: dict[str, Any]) -> str:
    pct = _pct
    return (
        f"{name:<28} overall {pct(rep['overall'])}  held-out {pct(rep['heldout'])}"
        f"  frozen held-out {pct(rep['frozen_heldout'])}"
    )


def _times(t: dict[str, float]) -> str:
    return (
        f"mean {t['mean_us']} us, p99 {t['p99_us']} us "
        f"(cold first pass: mean {t['cold_mean_us']} us, p99 {t['cold_p99_us']} us)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench faq",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rounds", type=int, default=20, help="timing passes (default 20)")
    parser.add_argument("--eval", type=Path, default=EVAL_PATH, help="eval set (.jsonl)")
    parser.add_argument("--dev", type=Path, default=DEV_PATH, help="development set (.jsonl)")
    parser.add_argument(
        "--article",
        type=Path,
        default=os.environ.get(ARTICLE_ENV) or None,
        help=f"source article for the paragraph baseline (default ${ARTICLE_ENV})",
    )
    parser.add_argument(
        "--failures",
        action="store_true",
        help="list engine failures on the tuned part and the development set only",
    )
    args = parser.parse_args(argv)
    rounds = max(1, args.rounds)

    cases = load_cases(args.eval)
    dev_cases = load_cases(args.dev)
    # Fails loudly on a changed article.
    article_bm25 = PlainBM25.over_article(args.article) if args.article else None
    topic_bm25 = PlainBM25.over_topics()
    index.cache_clear()
    start = time.perf_counter()
    index()
    build_ms = (time.perf_counter() - start) * 1000

    english = texts_for("en")
    engine_pairs, engine, timing = _run(lambda q: answer(q, english), cases, rounds)
    article: dict[str, Any] | None = None
    if article_bm25 is not None:
        _, article, article["timing"] = _run(article_bm25.answer, cases, rounds)
        article["paragraphs"] = len(article_bm25.labels)
    _, topics, topics["timing"] = _run(topic_bm25.answer, cases, rounds)
    dev_pairs = [(case, answer(case.question, english)) for case in dev_cases]
    dev = _report(dev_pairs)["overall"]
    dev_topics = _report([(c, topic_bm25.answer(c.question)) for c in dev_cases])["overall"]

    rows = [("engine", engine), ("BM25 over topic answers", topics)]
    if article is not None:
        rows.insert(1, ("BM25 over article paragraphs", article))
    held, frozen = sum(c.heldout for c in cases), sum(c.frozen for c in cases)
    print(f"FAQ eval: {len(cases)} questions, {held} held out ({frozen} of them frozen)")
    for name, rep in rows:
        print(_line(name, rep))
    print(
        f"dev ({len(dev_cases)}, {args.dev.name}): engine {_pct(dev)}"
        f"  BM25 over topic answers {_pct(dev_topics)}"
    )
    if article is None:
        print(f"BM25 over article paragraphs: not run (give --article PATH or ${ARTICLE_ENV})")
    names = "  ".join(
        ("engine", "article", "topics")[: len(rows)] if article else ("engine", "topics")
    )
    print(f"  {'group':<15} {names}  (baselines can't return crisis/decline)")
    for group in engine["by_group"]:
        accs = "   ".join(f"{rep['by_group'][group]['accuracy']:.3f}" for _, rep in rows)
        print(f"  {group:<15} {accs}")
    print(
        f"  did-you-mean offering the right topic (not counted): {engine['partial_did_you_mean']}"
    )
    safety = engine["frozen_safety"]
    print(
        f"frozen held-out safety (crisis, overdose, red flags, doses): "
        f"{safety['correct']}/{safety['n']}"
    )
    print(f"time per question, engine: {_times(timing)}; index build {build_ms:.1f} ms")
    if article is not None:
        paragraphs = article["paragraphs"]
        print(f"  BM25 over article paragraphs ({paragraphs}): {_times(article['timing'])}")
    print(f"  BM25 over topic answers ({len(topic_bm25.labels)}): {_times(topics['timing'])}")
    if args.failures:
        for case, reply in engine_pairs:
            if not case.heldout and not is_correct(case, reply):
                print(
                    f"  FAIL {case.question!r}: want {case.kinds}/{case.topic}, "
                    f"got {reply.kind}/{reply.topic}"
                )
        for case, reply in dev_pairs:
            if not is_correct(case, reply):
                print(
                    f"  DEV FAIL {case.question!r}: want {case.kinds}/{case.topic}, "
                    f"got {reply.kind}/{reply.topic}"
                )
    print(
        json.dumps(
            {
                "bench": "faq",
                "engine": engine,
                "dev": dev,
                "dev_baseline_topic_bm25": dev_topics,
                "baseline_article_bm25": article,
                "baseline_topic_bm25": topics,
                "timing": timing,
                "index_build_ms": round(build_ms, 1),
            }
        )
    )
    return 0
