"""The English input parser: times, durations, counts, numbers, skip and yes/no words."""

from __future__ import annotations

from datetime import date, time

from bot.core.problems import Code, Problem
from bot.parsing.amounts import parse_count, parse_minutes
from bot.parsing.clock import parse_clock
from bot.parsing.dates import parse_day
from bot.parsing.numbers import normalize, words_to_digits

SKIP_WORDS = {"skip", "pass", "next", "-"}
YES_WORDS = {"yes", "y", "yeah", "yep", "sure", "ok", "okay", "please", "yes please"}
NO_WORDS = {"no", "n", "nope", "no thanks", "no thank you", "nah"}
# "Nothing" answers, word by word: "none", "nope, nothing", "no medicine tonight".
NONE_WORDS = {"no", "none", "nothing", "nope", "nah", "nil", "zero", "not", "any", "didn't",
              "didnt", "medicine", "medicines", "meds", "med", "pills", "tonight", "today",
              "at", "all", "i", "took", "take", "taken", "n/a", "na"}  # fmt: skip
NONE_MARKERS = {"no", "none", "nothing", "nope", "nah", "nil", "zero", "not", "n/a", "na"}


class EnglishInput:
    def clock(self, text: str) -> time:
        return parse_clock(text)

    def minutes(self, text: str) -> int:
        return parse_minutes(text)

    def count(self, text: str) -> int:
        return parse_count(text)

    def number(self, text: str) -> int:
        cleaned = words_to_digits(normalize(text).removesuffix("/10").strip())
        if not (cleaned.isascii() and cleaned.isdigit()):
            raise Problem(Code.NUMBER_UNREADABLE)
        return int(cleaned)

    def day(self, text: str, today: date) -> date:
        return parse_day(text, today)

    def looks_like_number(self, text: str) -> bool:
        return any(ch.isdigit() for ch in words_to_digits(normalize(text)))

    def is_skip(self, text: str) -> bool:
        return text.strip().strip(".!").casefold() in SKIP_WORDS

    def says_none(self, text: str) -> bool:
        words = normalize(text).replace(",", " ").replace(".", " ").replace("!", " ").split()
        return bool(words) and set(words) <= NONE_WORDS and bool(set(words) & NONE_MARKERS)

    def yes_no(self, text: str) -> bool | None:
        said = normalize(text).strip(",")
        if said in YES_WORDS:
            return True
        if said in NO_WORDS:
            return False
        return None


ENGLISH = EnglishInput()
