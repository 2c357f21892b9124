"""Typo repair for the matcher: an unseen word becomes the closest word the engine knows.

Users type on phones at night: letters dropped, doubled, swapped or hit next to the right
one, often two of them in one short question ("feritn levle?"). A word is repaired only
when it is not a common English word (pyspellchecker's frequency list): "reset" is not a
typo of "rest", nor "router" of "routine"; such a word stays unknown, which lowers the
coverage of questions about other things.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA
from spellchecker import SpellChecker, WordFrequency

_ENGLISH_MIN_COUNT = 100  # a word seen this often in pyspellchecker's corpus is real
_CACHE_SIZE = 20_000  # repairs remembered (bounded: input is user-controlled)
_TWO_EDITS_FROM = 8  # from this length two edits are always allowed ("augmention")
_TWO_EDITS_SHORT_FROM = 5  # shorter words get two only when one finds nothing ("feritn")


@lru_cache(maxsize=1)
def _english() -> WordFrequency:
    return SpellChecker(distance=1).word_frequency  # its English word counts (~0.3 s)


def is_english(word: str) -> bool:
    """A common English word (pyspellchecker's frequency list), not a typo."""
    return _english()[word] >= _ENGLISH_MIN_COUNT


class Repairer:
    """Closest known word (OSA edit distance: a letter dropped, added, replaced or two
    swapped) within a length-dependent limit; results are cached."""

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        _english()  # loaded with the index, not on the first typo
        self._cache: dict[str, str] = {}
        self._by_start: dict[tuple[str, int], list[str]] = {}
        for word in known:
            self._by_start.setdefault((word[0], len(word)), []).append(word)

    def repair(self, word: str) -> str:
        """The known word ``word`` is a typo of, or ``word`` unchanged.

        Candidates share the first letter (typos rarely hit it, and it stops real words we
        don't know from turning into ones we do: "dying" must not become "lying"), except
        for the first two letters swapped ("rion" -> "iron"). Up to 7 letters one edit is
        allowed ("kidny", "slep", "tierd"); from 8 two ("augmention"); from 5 letters two
        as well when one edit finds nothing and exactly one known word, no shorter than
        the typo, is two edits away ("feritn" -> "ferritin"). Ties go to a swap, then
        alphabetically.
        """
        if word in self.known or len(word) < 4 or not word.isalpha() or is_english(word):
            return word
        repaired = self._cache.get(word)
        if repaired is None:
            repaired = self._closest(word)
            if len(self._cache) < _CACHE_SIZE:
                self._cache[word] = repaired
        return repaired

    def _closest(self, word: str) -> str:
        swapped = word[1] + word[0] + word[2:]
        if swapped in self.known:
            return swapped
        if len(word) >= _TWO_EDITS_FROM:
            return self._best(word, 2) or word
        found = self._best(word, 1)
        if found is None and len(word) >= _TWO_EDITS_SHORT_FROM:
            found = self._only(word, 2)
        return found or word

    def _within(self, word: str, edits: int, shorter: bool = True) -> list[tuple[int, str]]:
        lowest = len(word) - edits if shorter else len(word)
        return [
            (distance, cand)
            for size in range(lowest, len(word) + edits + 1)
            for cand in self._by_start.get((word[0], size), ())
            if (distance := OSA.distance(word, cand, score_cutoff=edits)) <= edits
        ]

    def _best(self, word: str, edits: int) -> str | None:
        letters = sorted(word)
        found = [(d, sorted(c) != letters, c) for d, c in self._within(word, edits)]
        return min(found)[2] if found else None

    def _only(self, word: str, edits: int) -> str | None:
        found = self._within(word, edits, shorter=False)
        return found[0][1] if len(found) == 1 else None
