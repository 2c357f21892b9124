"""Button data, one typed codec per prefix: what a button carries, written and read back.

Telegram gives a button at most 64 bytes of data and sends back whatever a client puts
there, so reading is strict: the prefix, the number of parts, ASCII digits within bounds
for ids, and a fixed pattern for every word. Anything else reads as None, which the
handlers answer as a button no longer in use. Writing checks the 64-byte limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields, replace
from datetime import date, datetime
from typing import Any, Generic, TypeVar

LIMIT_BYTES = 64
MAX_ID = 2**31 - 1  # ids are PostgreSQL integers (and positive)

T = TypeVar("T")


@dataclass(frozen=True)
class Part:
    """One ':'-separated part: a pattern it must match, and how to turn it into a value.

    An optional part may be empty: its field is then None.
    """

    pattern: str
    read: Callable[[str], object] = str
    optional: bool = False
    write: Callable[[Any], str] = str

    def parse(self, raw: str) -> object:
        if raw == "" and self.optional:
            return None
        if re.fullmatch(self.pattern, raw, flags=re.ASCII) is None:
            raise ValueError(raw)
        return self.read(raw)


def _id(raw: str) -> int:
    value = int(raw)
    if not 0 <= value <= MAX_ID:
        raise ValueError(raw)
    return value


ID = Part(r"[0-9]{1,10}", _id)
WORD = Part(r"[a-z0-9_]{1,24}")


def one_of(*words: str) -> Part:
    return Part("|".join(re.escape(w) for w in words))


class Codec(Generic[T]):
    """`prefix:part:part...` ⇄ a frozen dataclass `kind` whose fields are the parts, in order.

    A field whose value may be None is written as an empty part.
    """

    def __init__(self, prefix: str, kind: type[T], *parts: Part) -> None:
        if len(parts) != len(fields(kind)):  # type: ignore[arg-type]  # kind is a dataclass
            raise ValueError(f"{prefix}: one part per field of {kind.__name__}")
        self.prefix, self.kind, self.parts = prefix, kind, parts

    def matches(self, data: object) -> bool:
        """For CallbackQueryHandler(pattern=...): data of this prefix, well formed or not."""
        return isinstance(data, str) and data.split(":", 1)[0] == self.prefix

    def encode(self, value: T) -> str:
        """The data for a button; ValueError for a value that would not read back."""
        values = astuple(value)  # type: ignore[call-overload]  # T is a dataclass (see __init__)
        items = [
            "" if v is None else part.write(v) for part, v in zip(self.parts, values, strict=True)
        ]
        data = ":".join((self.prefix, *items))
        if len(data.encode()) > LIMIT_BYTES:
            raise ValueError(f"button data over {LIMIT_BYTES} bytes: {data[:20]}…")
        if self.decode(data) != value:
            raise ValueError(f"button data that would not read back: {data[:20]}…")
        return data

    def decode(self, data: str | None) -> T | None:
        pieces = (data or "").split(":")
        if pieces[0] != self.prefix or len(pieces) != len(self.parts) + 1:
            return None
        try:
            values = [part.parse(raw) for part, raw in zip(self.parts, pieces[1:], strict=True)]
        except ValueError:
            return None
        return self.kind(*values)


def optional(part: Part) -> Part:
    return replace(part, optional=True)


def calendar(pattern: str, digits: int) -> Part:
    """A date written as digits (`%Y%m%d` for a night, `%Y%m` for a month)."""
    return Part(
        rf"[0-9]{{{digits}}}",
        read=lambda raw: datetime.strptime(raw, pattern).date(),
        write=lambda day: day.strftime(pattern),
    )


@dataclass(frozen=True)
class EntryTap:
    """A check-in or diary button: which entry, at which step, what was tapped."""

    entry_id: int
    step: str
    action: str


@dataclass(frozen=True)
class Value:
    """A button that carries one word (a month, a topic, an answer)."""

    value: str


@dataclass(frozen=True)
class Day:
    """A button that carries a date: a missed night, or the first day of a month."""

    day: date


@dataclass(frozen=True)
class Setup:
    """An onboarding button: the step and its value (a zone name can be 30 characters)."""

    step: str
    value: str


@dataclass(frozen=True)
class ReminderTap:
    delivery_id: int
    action: str


@dataclass(frozen=True)
class SettingsTap:
    action: str
    item_id: int | None  # a medicine's or a factor's


@dataclass(frozen=True)
class ExportTap:
    """An /export button; a report's choices so far: period, notes, start day, name."""

    what: str  # pdf, csv, json; appt: change the appointment date; back: the periods again;
    # lang: the languages a report can be made in
    period: str | None  # a bot.core.periods.Choice
    notes: str | None  # y or n
    since: date | None = None  # the first night, for "since a date" and "since my appointment"
    name: str | None = None  # u: the name the user saved; n: none
    language: str | None = None  # the report's, when not the user's


@dataclass(frozen=True)
class ImportTap:
    """Import or cancel the file held for the user: `pending_id` says which one was shown."""

    pending_id: int
    answer: str


@dataclass(frozen=True)
class LanguageTap:
    """A language chosen in /language, or in /settings (`back` "s": back to the settings)."""

    language: str
    back: str | None


STEP = Part(r"[a-z]{2,5}")
ACTION = Part(r"[a-z0-9]{1,12}")

CHECKIN = Codec("ci", EntryTap, ID, STEP, ACTION)
DIARY = Codec("md", EntryTap, ID, STEP, ACTION)
CATCH_UP = Codec("mc", Day, calendar("%Y%m%d", 8))  # a missed night
ONBOARDING = Codec(
    "ob", Setup, one_of("consent", "tz", "ci", "mo", "sm", "wk"), Part(r"[A-Za-z0-9_+\-/]{1,40}")
)
REMINDER = Codec("rm", ReminderTap, ID, one_of("start", "s30", "s60", "skip"))
PAUSE = Codec("pz", Value, one_of("0", "1", "3", "7"))
SETTINGS = Codec("st", SettingsTap, WORD, optional(ID))
MONTH = Codec("sm", Day, calendar("%Y%m", 6))  # a month, by its first day
DETAILS = Codec("sd", Day, calendar("%Y%m", 6))  # a month's details, by its first day
LANGUAGE_CODE = Part(r"[a-z]{2,3}")
EXPORT = Codec(
    "ex", ExportTap, one_of("pdf", "csv", "json", "appt", "back", "lang"),
    optional(one_of("30", "90", "since", "appt", "all")), optional(one_of("y", "n")),
    optional(calendar("%Y%m%d", 8)), optional(one_of("u", "n")), optional(LANGUAGE_CODE),
)  # fmt: skip
DELETE = Codec("del", Value, one_of("1", "2", "2m", "no"))
IMPORT = Codec("im", ImportTap, ID, one_of("y", "n"))
TOPIC = Codec("faq", Value, WORD)
FAQ_GROUP = Codec("fg", Value, one_of("living", "care", "study", "all"))
LANGUAGE = Codec("lg", LanguageTap, LANGUAGE_CODE, optional(one_of("s")))

CODECS: tuple[Codec[Any], ...] = (
    CHECKIN, DIARY, CATCH_UP, ONBOARDING, REMINDER, PAUSE, SETTINGS, MONTH, DETAILS, EXPORT,
    DELETE, IMPORT, TOPIC, FAQ_GROUP, LANGUAGE,
)  # fmt: skip
