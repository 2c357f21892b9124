"""What an entry (the evening check-in, the morning diary) asks, as data.

Every consumer iterates over an :class:`EntrySpec`: the engine (steps, skip, back, recap,
validation), the screens and the recap, the records that summaries and exports read, the CSV
columns and their data dictionary, the demo and the benchmark seed. Adding a question is an
entry in a spec (bot/core/entries/checkin.py or diary.py), a model column, a migration and
its texts: docs/ARCHITECTURE.md walks through it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Protocol


class Kind(StrEnum):
    SCALE = "scale"  # a whole number from 0 to `maximum`, one button each
    CHOICE = "choice"  # one of the options
    CHOICES = "choices"  # several of the options, stored as one list
    FLAGS = "flags"  # several of the options, each its own yes/no column
    TIME = "time"  # a time of day
    DURATION = "duration"  # minutes
    COUNT = "count"  # how many times
    MEDICINE = "medicine"  # which RLS medicines and when: steps of its own (engine.py)
    TEXT = "text"  # free text, up to `maximum` characters


class EntryRow(Protocol):
    """What the engine needs of a stored entry (models.Checkin, models.SleepDiary).

    The answers themselves are the columns the spec names, read and written by name.
    `answered` lists the questions answered or skipped: listed but empty means skipped,
    not listed means still open (where an interrupted entry resumes).
    """

    id: int
    night: date
    answered: list[str]
    saved_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True)
class Field:
    """One stored value: its column on the entry row, its key in a NightRecord, its name in
    exports and its line in the data dictionary (a catalog text)."""

    key: str
    export: str
    about: str
    column: str = ""
    unit: str = ""  # a catalog text, for values whose unit the question's kind does not say

    @property
    def attribute(self) -> str:
        return self.column or self.key


@dataclass(frozen=True)
class Option:
    """One answer to pick: `code` goes in the button, `value` into the column.

    For FLAGS, `field` is the option's own yes/no column; the question's own `fields` hold
    the user's own factors that applied, by name.
    """

    code: str
    label: str
    value: object = None
    icon: str = ""
    field: Field | None = None

    @property
    def stored(self) -> object:
        return self.code if self.value is None else self.value


@dataclass(frozen=True)
class Question:
    """One question. `id` is its step in the dialog and its code in buttons (three letters).

    `asked_if` is the skip rule: when it says no, the question is not asked and `implied`
    is stored as its answer (no awakenings: nothing to ask about their length).
    `examples` are sample answers (a catalog text, "7:10 or 6:45am"): the hint's
    {examples} and the step's problems show them; empty: the evening ones. A time
    question's buttons start at the answer in column `buttons_from`, once it is given
    (tried to sleep: no earlier than into bed).
    """

    id: str
    kind: Kind
    prompt: str
    label: str
    fields: tuple[Field, ...] = ()
    options: tuple[Option, ...] = ()
    hint: str = ""
    maximum: int = 0
    buttons: tuple[int, ...] = ()
    per_row: int = 1
    default_time: time | None = None
    examples: str = ""
    buttons_from: str = ""
    asked_if: Callable[[EntryRow], bool] | None = None
    implied: object = None

    @property
    def column(self) -> str:
        """The one column of a single-column question."""
        return self.fields[0].attribute

    def stored_fields(self) -> tuple[Field, ...]:
        """Every column this question writes (a FLAGS question: one per option)."""
        if self.kind is Kind.FLAGS:
            return (*(o.field for o in self.options if o.field is not None), *self.fields)
        return self.fields

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)

    def asked(self, row: EntryRow) -> bool:
        return self.asked_if is None or self.asked_if(row)


@dataclass(frozen=True)
class EntrySpec:
    """One entry: its questions in order, how its answers are checked together, and what is
    derived from them. `name` prefixes its keys in a NightRecord (`checkin_saved`).

    `check(row, zone)` raises a Problem for answers that cannot be right together; `asks`
    names the question such a Problem asks about (the dialog waits for that answer next);
    `derive` computes the `derived` fields (sleep measures) from a row and the user's zone.
    """

    name: str
    title: str  # "Check-in": the screens' heading
    saved_title: str  # shown once, when it is saved
    saved_intro: str  # above the recap of an entry saved before
    where_now: str  # above the screen a stale tap brings back
    thanks: str  # below the saved entry
    questions: tuple[Question, ...]
    check: Callable[[EntryRow, str], None] | None = None
    asks: Callable[[Exception], str | None] | None = None
    derived: tuple[Field, ...] = ()
    derive: Callable[[EntryRow, str], Mapping[str, object]] | None = None
    _by_id: dict[str, Question] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({q.id: q for q in self.questions})
        if len(self._by_id) != len(self.questions) or not all(
            q.id.isascii() and q.id.isalpha() and len(q.id) == 3 for q in self.questions
        ):
            raise ValueError(f"{self.name}: question ids must be unique, three letters")

    @property
    def saved_key(self) -> str:
        return f"{self.name}_saved"

    @property
    def factors(self) -> Question | None:
        """The yes/no factors question (with the user's own factors), if the entry has one."""
        return next((q for q in self.questions if q.kind is Kind.FLAGS), None)

    @property
    def medicine(self) -> Question | None:
        """The medicine question, if the entry has one. Its fields are, in order: taken or
        not, and the doses (bot/core/doses.py)."""
        return next((q for q in self.questions if q.kind is Kind.MEDICINE), None)

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def position(self, question: Question) -> int:
        """1 for the first question."""
        return self.questions.index(question) + 1

    def fields(self) -> tuple[Field, ...]:
        """Every stored field, in question order, then the derived ones."""
        return (*(f for q in self.questions for f in q.stored_fields()), *self.derived)
