"""Text normalisation shared by the safety checks and the matcher.

Users type on phones at night: curly apostrophes, chat shorthand ("u", "tho", "bc"),
no punctuation, stray accents. Everything goes through :func:`normalise` first, so the
rest of the engine only ever sees lower-case ASCII words separated by single spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NON_WORD = re.compile(r"[^a-z0-9.]+")
_STRAY_DOTS = re.compile(r"(?<![0-9])\.|\.(?![0-9])")

# Chat shorthand and contractions, applied word by word after apostrophes are dropped.
SHORTHAND: dict[str, str] = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "y": "why",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "tho": "though",
    "thru": "through",
    "pls": "please",
    "plz": "please",
    "wat": "what",
    "wht": "what",
    "whats": "what is",
    "hw": "how",
    "im": "i am",
    "ive": "i have",
    "idk": "i do not know",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "havent": "have not",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "have to",
    "w": "with",
    "wo": "without",
    "b4": "before",
    "2nite": "tonight",
    "tonite": "tonight",
    "nite": "night",
    "hrs": "hours",
    "hr": "hour",
    "mins": "minutes",
    "meds": "medicine",
    "med": "medicine",
    "docs": "doctors",
    "doc": "doctor",
    "dr": "doctor",
    "preg": "pregnant",
    "tbh": "",
    "lol": "",
}


def normalise(text: str) -> str:
    """Lower-case, fold accents, drop apostrophes, expand shorthand; keep decimals."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = text.encode("ascii", "ignore").decode().lower().replace("'", "")
    text = _STRAY_DOTS.sub(" ", _NON_WORD.sub(" ", text))
    words = (SHORTHAND.get(w, w) for w in text.split())
    return " ".join(w for w in words if w)


_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("iness", "y"),
    ("ational", "ate"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("edly", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)
_KEEP_S = ("ss", "us", "is", "ys")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A deliberately light suffix stripper (a Porter-stemmer cousin).

    It only has to be *consistent*: topics and questions are stemmed the same way, and
    fuzzy matching catches what it misses. ``moving``/``moves``/``movement`` -> ``mov``.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        if suffix == "s" and word.endswith(_KEEP_S):
            return word
        if suffix == "es" and not word.endswith(("ses", "xes", "zes", "ches", "shes")):
            continue
        base = word[: -len(suffix)] + repl
        if len(base) < 3:
            return word
        word = base
        break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word
