"""Finding the topic a question is about.

Pipeline for a question (topics go through the same steps when the index is built):

1. :func:`~bot.faq.text.normalise` (case, accents, apostrophes, chat shorthand);
2. typo repair: a word the engine has never seen is replaced by its closest known word
   (rapidfuzz edit distance, length-dependent limit), so "caffine" becomes "caffeine";
3. synonyms: phrases (longest first) and words map to concept tokens
   (:mod:`bot.faq.synonyms`); other words are stemmed (:func:`~bot.faq.text.stem`);
4. BM25 over one weighted document per topic (keywords x3, title x2, examples x1).

The decision uses two numbers: the best BM25 score, and its *coverage*, the share of
the question's information (IDF mass, unknown words included) that the topic explains.
Low coverage means the question is mostly about something we have no topic for
("is rls linked to diabetes"), so we say so instead of answering the nearest topic.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from bot.faq.synonyms import (
    CONDITION,
    IGNORE,
    MAX_PHRASE,
    PHRASES,
    SETTINGS,
    STOPWORDS,
    WORDS,
)
from bot.faq.text import SHORTHAND, normalise, stem
from bot.faq.topics import CONDITION_TOPIC, TOPICS
from bot.faq.types import Topic
from bot.faq.typos import Repairer

# Field weights: keywords are curated, titles are short and precise, examples are broad.
_FIELD_WEIGHTS = (("keywords", 3.0), ("title", 2.0), ("examples", 1.0))
_K1 = 1.2
_B = 0.5

# Decision thresholds (tuned on the non-held-out part of tests/faq_eval.jsonl and on the
# development set, tests/faq_dev.jsonl).
MIN_COVERAGE = 0.36  # below this, the question is mostly about something we don't cover
AMBIGUOUS_RATIO = 0.93  # runner-up this close to the best -> "did you mean"
SURE_COVERAGE = 0.75  # ...unless the best topic already explains the question well
TIE_RATIO = 0.97  # ...and it is not a near tie (then we ask whatever the coverage)
# A question that names a setting (on dialysis, pregnant, a child, an antidepressant, a
# supplement) is about that setting: its concept weighs this much more than others.
SETTING_WEIGHT = 1.6
# A long message (a forum post: the story, then the question) explains itself only in part,
# yet one topic can still stand out: a score this high, this far ahead of the runner-up,
# answers down to a lower coverage. Short questions about other things never score so high.
STRONG_SCORE = 7.0
STRONG_LEAD = 1.2
STRONG_MIN_COVERAGE = 0.2
UNKNOWN_WEIGHT = 0.8  # an unseen word counts as this share of the rarest word's IDF


@dataclass(frozen=True)
class Analysis:
    """A question reduced to index terms."""

    terms: tuple[str, ...]  # concept tokens and stems, order kept, duplicates dropped
    unknown: tuple[str, ...]  # content words that appear in no topic
    condition: bool  # the illness itself was named ("rls", "restless legs")


@dataclass(frozen=True)
class Decision:
    """What the matcher concluded; :mod:`bot.faq` turns it into a :class:`Reply`."""

    outcome: Literal["answer", "ambiguous", "none"]
    topics: tuple[str, ...]  # the answer / the candidates / related topics (best first)
    coverage: float


_STEM_WORDS: dict[str, tuple[str, ...]] = {
    stem(word): concepts for word, concepts in WORDS.items() if len(word) >= 4
}


def _split_concepts(words: list[str]) -> list[str]:
    """Replace synonym phrases and words by concepts; stem everything else."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_PHRASE, len(words) - i), 1, -1):
            concepts = PHRASES.get(tuple(words[i : i + size]))
            if concepts:
                out.extend(concepts)
                i += size
                break
        else:
            word = words[i]
            i += 1
            if word in WORDS:
                out.extend(WORDS[word])
            elif word in STOPWORDS or word.isdigit():
                continue
            elif (stemmed := stem(word)) in _STEM_WORDS:
                out.extend(_STEM_WORDS[stemmed])
            else:
                out.append(stemmed)
    return out


def _topic_fields(topic: Topic) -> dict[str, str]:
    return {
        "keywords": topic.keywords.replace(",", " "),
        "title": topic.title,
        "examples": " ".join(topic.examples),
    }


class Index:
    """BM25 statistics over one document per topic, plus the typo-repair vocabulary."""

    def __init__(self, topics: tuple[Topic, ...]) -> None:
        self.topic_ids = tuple(t.id for t in topics)
        self.tf: list[dict[str, float]] = []
        self.length: list[float] = []
        surface: set[str] = set(STOPWORDS) | set(SHORTHAND.values()) | set(WORDS)
        for phrase in PHRASES:
            surface.update(phrase)
        for topic in topics:
            counts: defaultdict[str, float] = defaultdict(float)
            for field, weight in _FIELD_WEIGHTS:
                words = normalise(_topic_fields(topic)[field]).split()
                surface.update(words)
                for term in _split_concepts(words):
                    if term not in (CONDITION, IGNORE):
                        counts[term] += weight
            self.tf.append(dict(counts))
            self.length.append(sum(counts.values()))
        self.avg_length = sum(self.length) / len(self.length)
        n = len(topics)
        df = Counter(term for tf in self.tf for term in tf)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.unknown_idf = UNKNOWN_WEIGHT * math.log(1 + (n - 0.5) / 1.5)
        self.surface = frozenset(w for w in surface if w.isalpha())
        self._repairer = Repairer(self.surface)

    def repair(self, word: str) -> str:
        """Closest known word for an unseen one (typos), or the word unchanged
        (:class:`~bot.faq.typos.Repairer`): "caffine" -> "caffeine", "dying" stays."""
        return self._repairer.repair(word)

    def analyse(self, question: str) -> Analysis:
        words = [self.repair(w) for w in normalise(question).split()]
        terms: list[str] = []
        unknown: list[str] = []
        condition = False
        for term in _split_concepts(words):
            if term == CONDITION:
                condition = True
            elif term == IGNORE:
                continue
            elif term in self.idf:
                if term not in terms:
                    terms.append(term)
            elif len(term) > 2 and term not in unknown:
                unknown.append(term)
        return Analysis(tuple(terms), tuple(unknown), condition)

    def weight(self, term: str) -> float:
        """A term's IDF, raised for the concepts that name a setting (see SETTINGS)."""
        return self.idf[term] * (SETTING_WEIGHT if term in SETTINGS else 1.0)

    def scores(self, terms: tuple[str, ...]) -> list[float]:
        """BM25 score of every topic (in ``topic_ids`` order) for the given terms."""
        result = []
        for tf, length in zip(self.tf, self.length, strict=True):
            norm = _K1 * (1 - _B + _B * length / self.avg_length)
            score = 0.0
            for term in terms:
                freq = tf.get(term, 0.0)
                if freq:
                    score += self.weight(term) * freq * (_K1 + 1) / (freq + norm)
            result.append(score)
        return result

    def _two_questions(self, terms: tuple[str, ...], first: str, second: str) -> bool:
        """Whether two close topics answer different parts of the message ("does coffee make
        it worse, and does magnesium help"): each matches a term the other lacks. Then the
        best one is answered (its related topics follow as buttons); "did you mean" is for
        topics that match the same words."""
        tf = self.tf[self.topic_ids.index(first)], self.tf[self.topic_ids.index(second)]
        own = [{t for t in terms if t in a and t not in b} for a, b in (tf, tf[::-1])]
        return all(own)

    def decide(self, question: str) -> Decision:
        """Answer, ask "did you mean", or admit there is no topic (see module docstring)."""
        analysis = self.analyse(question)
        if not analysis.terms:
            if analysis.condition and not analysis.unknown:  # "rls?", "what is restless legs"
                return Decision("answer", (CONDITION_TOPIC,), 1.0)
            return Decision("none", (), 0.0)
        scores = self.scores(analysis.terms)
        ranked = sorted(
            (pair for pair in zip(self.topic_ids, scores, strict=True) if pair[1] > 0),
            key=lambda pair: -pair[1],
        )
        if not ranked:
            return Decision("none", (), 0.0)
        ceiling = (_K1 + 1) * (
            sum(self.weight(t) for t in analysis.terms) + self.unknown_idf * len(analysis.unknown)
        )
        best_id, best = ranked[0]
        coverage = best / ceiling
        if coverage < MIN_COVERAGE and not _strong(ranked, coverage):
            return Decision("none", tuple(t for t, _ in ranked[:3]), coverage)
        close = tuple(t for t, s in ranked[:3] if s >= AMBIGUOUS_RATIO * best)
        tie = len(ranked) > 1 and ranked[1][1] >= TIE_RATIO * best
        unsure = len(close) > 1 and (coverage < SURE_COVERAGE or tie)
        if unsure and not self._two_questions(analysis.terms, best_id, close[1]):
            return Decision("ambiguous", close, coverage)
        return Decision("answer", (best_id,), coverage)


def _strong(ranked: list[tuple[str, float]], coverage: float) -> bool:
    """Whether the best topic stands out although the question is mostly something else."""
    best = ranked[0][1]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return (
        coverage >= STRONG_MIN_COVERAGE and best >= STRONG_SCORE and best >= STRONG_LEAD * runner_up
    )


@lru_cache(maxsize=1)
def index() -> Index:
    """The shared index, built on first use (about 0.3 s, most of it the English word list;
    the bot builds it at start-up, :func:`bot.faq.warm_up`)."""
    return Index(TOPICS)
