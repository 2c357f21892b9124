"""Text normalisation shared by the safety checks and the matcher.

Users type on phones at night: curly apostrophes, chat shorthand ("u", "tho", "bc"),
no punctuation, stray accents. Everything goes through :func:`normalise` first, so the
rest of the engine only ever sees lower-case ASCII words separated by single spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

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


# "why dose it happen", "how dose this work": "does" with two letters swapped, not a question
# about a dose (that takes "what dose", "which dose", "my dose").
_DOES_TYPO = re.compile(r"\b(why|how|when|where) dose (it|this|that|rls|restless)\b")


def normalise(text: str) -> str:
    """Lower-case, fold accents, drop apostrophes, expand shorthand; keep decimals; "why
    dose it" is "why does it"."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = text.encode("ascii", "ignore").decode().lower().replace("'", "")
    text = _STRAY_DOTS.sub(" ", _NON_WORD.sub(" ", text))
    words = (SHORTHAND.get(w, w) for w in text.split())
    return _DOES_TYPO.sub(r"\1 does \2", " ".join(w for w in words if w))


_ENGLISH_STEMMER = snowballstemmer.stemmer("english")  # Porter2, the Snowball English


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The Snowball English (Porter2) stem of a word: ``moving``/``moves`` -> ``move``.

    It only has to be *consistent*: topics and questions are stemmed the same way, and
    typo repair catches what it misses. Short words and numbers stay as they are.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    return str(_ENGLISH_STEMMER.stemWord(word))
