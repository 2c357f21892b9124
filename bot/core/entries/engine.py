"""The one engine behind the check-in and the sleep diary: any EntrySpec, one answer at a time.

The dialog row holds the current step (a question id, or one of the steps below), so a tap
on a button of any other step is stale and changes nothing. Every change is written to the
entry row at once; the caller commits it with the update. Problems (a value out of range, a
button that doesn't belong to the step, answers that can't be right together) raise
:class:`Problem` and leave the row as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol

from bot.core.doses import Dose, amount_as_typed, read_doses, store_doses
from bot.core.entries.spec import EntryRow, EntrySpec, Kind, Question
from bot.core.medicines import MEDICINE_NAME_RULES, looks_like_a_name
from bot.core.nights import local_time
from bot.core.problems import Code, Problem
from bot.parsing import InputParser

RECAP = "rec"  # the recap screen, with an edit button per answer and Save
SAVED = "saved"  # shown once after Save; the dialog closes
MEDICINE_NAME = "mdn"  # typing the name of a new medicine
MEDICINE_TIME = "mdt"  # when the medicine just ticked was taken (the last dose)
ANSWERING_TEXT = {MEDICINE_NAME, MEDICINE_TIME}
TEXT_KINDS = {Kind.TEXT, Kind.TIME, Kind.DURATION, Kind.COUNT}
# Telegram splits a message over 4,096 characters in two, sent back to back: a text that comes
# this soon after a free-text answer this close to its limit is the rest of that answer.
SPLIT_WITHIN = timedelta(seconds=5)
SPLIT_NEAR = 0.9  # of the question's maximum
SPLIT_PARTS = 3  # a joined answer holds at most this many messages' worth


class DialogState(Protocol):
    step: str
    return_to_recap: bool


class Listed(Protocol):
    """A medicine or a factor on the user's own list."""

    id: int
    name: str
    retired: bool


@dataclass(frozen=True)
class Mine:
    """The user's own lists a tap may pick from: medicines and factors (retired ones too)."""

    medicines: Sequence[Listed] = ()
    factors: Sequence[Listed] = ()


@dataclass(frozen=True)
class Moment:
    """When an answer is given: now (UTC) and the user's zone."""

    now: datetime
    zone: str

    @property
    def local_now(self) -> datetime:
        """The user's wall clock ("Just now" for a medicine)."""
        return local_time(self.now, self.zone)


@dataclass(frozen=True)
class NewMedicine:
    """A typed medicine name: the caller adds it to the user's list, then `pick_medicine`."""

    name: str


# ---------------------------------------------------------------- where we are


def asked(spec: EntrySpec, row: EntryRow) -> list[Question]:
    return [q for q in spec.questions if q.asked(row)]


def next_open(spec: EntrySpec, row: EntryRow) -> Question | None:
    """The first question still to answer; None when every one is answered or skipped."""
    return next((q for q in asked(spec, row) if q.id not in row.answered), None)


def resume_step(spec: EntrySpec, row: EntryRow) -> str:
    """Where an entry opens: its next open question, or the recap when none is left."""
    if row.saved_at is not None:
        return RECAP
    question = next_open(spec, row)
    return question.id if question else RECAP


def medicine_question(spec: EntrySpec) -> Question:
    """The medicine question of an entry whose steps reach it (only the check-in's do)."""
    if spec.medicine is None:
        raise Problem(Code.BUTTON_NOT_HERE)
    return spec.medicine


def _following(spec: EntrySpec, row: EntryRow, question: Question) -> str:
    later = spec.questions[spec.questions.index(question) + 1 :]
    return next((q.id for q in later if q.asked(row)), RECAP)


def _advance(
    spec: EntrySpec, dialog: DialogState, row: EntryRow, question: Question, reopened: bool = False
) -> None:
    """After an answer: back to the recap when editing from it (unless the answer opened
    questions that were not asked before), else the next question."""
    if dialog.return_to_recap and not reopened:
        dialog.step, dialog.return_to_recap = RECAP, False
    else:
        dialog.return_to_recap = False
        dialog.step = _following(spec, row, question)


def _back(spec: EntrySpec, dialog: DialogState, row: EntryRow, question: Question) -> None:
    earlier = [q for q in spec.questions[: spec.questions.index(question)] if q.asked(row)]
    if not earlier:
        raise Problem(Code.FIRST_QUESTION)
    dialog.step = earlier[-1].id


# ---------------------------------------------------------------- storing


def _mark(row: EntryRow, question: Question, now: datetime) -> None:
    if question.id not in row.answered:
        row.answered = [*row.answered, question.id]
    row.updated_at = now


def _clear(row: EntryRow, question: Question) -> None:
    for stored in question.stored_fields():
        setattr(row, stored.attribute, None)


def _store(
    spec: EntrySpec,
    dialog: DialogState,
    row: EntryRow,
    question: Question,
    values: dict[str, object],
    at: Moment,
) -> bool:
    """Write one answer, apply the skip rules, check the whole entry: all of it or nothing.

    A question whose rule now says "don't ask" gets its implied answer (no awakenings:
    none of their minutes), which is checked together with the rest; one asked again is
    opened (True when the answer opened any). A failed check that asks about another
    answer moves the dialog to that question: what the user types next answers what they
    were asked.
    """
    ruled = [q for q in spec.questions if q.asked_if is not None]
    before = {c: getattr(row, c) for c in (*values, *(q.column for q in ruled))}
    was_asked = {q.id for q in ruled if q.asked(row)}
    for column, value in values.items():
        setattr(row, column, value)
    implied = [q for q in ruled if not q.asked(row)]
    for q in implied:
        setattr(row, q.column, q.implied)
    if spec.check is not None:
        try:
            spec.check(row, at.zone)
        except Problem as problem:
            for column, value in before.items():
                setattr(row, column, value)
            _ask_about(spec, dialog, row, problem)
            raise
    for q in (question, *implied):
        _mark(row, q, at.now)
    reopened = [q for q in ruled if q.asked(row) and q.id not in was_asked]
    for q in reopened:  # asked again (a quiet night rated 3 after all): open, not implied
        _clear(row, q)
        row.answered = [a for a in row.answered if a != q.id]
    return bool(reopened)


def _ask_about(spec: EntrySpec, dialog: DialogState, row: EntryRow, problem: Problem) -> None:
    asked = spec.question(spec.asks(problem) or "") if spec.asks else None
    if asked is not None and asked.asked(row):
        dialog.step = asked.id


def _skip(row: EntryRow, question: Question, now: datetime) -> None:
    """Skipping clears the answer and counts the question as done."""
    _clear(row, question)
    _mark(row, question, now)


def doses_of(spec: EntrySpec, row: EntryRow) -> list[Dose]:
    """The medicines ticked on this entry so far, in the order they were ticked."""
    return read_doses(getattr(row, medicine_question(spec).fields[1].attribute))


def _set_doses(spec: EntrySpec, row: EntryRow, doses: list[Dose], now: datetime) -> None:
    took, which = medicine_question(spec).fields
    setattr(row, took.attribute, True if doses else None)
    setattr(row, which.attribute, store_doses(doses) if doses else None)
    row.updated_at = now


def pick_medicine(
    spec: EntrySpec, dialog: DialogState, row: EntryRow, medicine_id: int, now: datetime
) -> None:
    """Tick a medicine: the time step asks when it was taken; the question is answered with
    Done, once every medicine taken is ticked."""
    doses = [d for d in doses_of(spec, row) if d.medicine_id != medicine_id]
    _set_doses(spec, row, [*doses, Dose(medicine_id)], now)
    dialog.step = MEDICINE_TIME


def preselect(spec: EntrySpec, row: EntryRow, usual: Sequence[Dose], now: datetime) -> bool:
    """Tick the usual medicines (with their usual times) when the question first shows, so
    a usual night is one tap; True when it ticked any."""
    question = medicine_question(spec)
    fresh = question.id not in row.answered and getattr(row, question.fields[0].attribute) is None
    if not (fresh and usual):
        return False
    _set_doses(spec, row, list(usual), now)
    return True


# ---------------------------------------------------------------- a tap


def press(
    spec: EntrySpec,
    dialog: DialogState,
    row: EntryRow,
    action: str,
    at: Moment,
    mine: Mine = Mine(),
) -> None:
    """Apply one button of the dialog's current step."""
    step = dialog.step
    if step == RECAP:
        _press_recap(spec, dialog, row, action, at)
    elif step == MEDICINE_NAME:
        if action != "back":
            raise Problem(Code.TYPE_MEDICINE_NAME_OR_BACK)
        dialog.step = medicine_question(spec).id
    elif step == MEDICINE_TIME:
        _press_medicine_time(spec, dialog, row, action, at)
    else:
        question = spec.question(step)
        if question is None:
            raise Problem(Code.BUTTON_NOT_HERE)
        _press_question(spec, dialog, row, question, action, at, mine)


def _press_recap(
    spec: EntrySpec, dialog: DialogState, row: EntryRow, action: str, at: Moment
) -> None:
    if action == "save":
        _save(dialog, row, at)
    elif action.startswith("e") and spec.question(action[1:]) is not None:
        dialog.step, dialog.return_to_recap = action[1:], True
    else:
        raise Problem(Code.BUTTON_NOT_HERE)


def _save(dialog: DialogState, row: EntryRow, at: Moment) -> None:
    row.saved_at = row.updated_at = at.now
    dialog.step, dialog.return_to_recap = SAVED, False


def _press_medicine_time(
    spec: EntrySpec, dialog: DialogState, row: EntryRow, action: str, at: Moment
) -> None:
    if action == "back":  # not taken after all: untick it
        _set_doses(spec, row, doses_of(spec, row)[:-1], at.now)
        dialog.step = medicine_question(spec).id
        return
    if action == "now":
        taken: time | None = at.local_now.time().replace(second=0, microsecond=0)
    elif action == "skip":
        taken = None
    elif action.startswith("h"):
        taken = _button_clock(action[1:])
    else:
        raise Problem(Code.BUTTON_NOT_HERE)
    _set_medicine_time(spec, dialog, row, taken, at)


def _set_medicine_time(
    spec: EntrySpec,
    dialog: DialogState,
    row: EntryRow,
    taken: time | None,
    at: Moment,
    amount: str | None = None,
) -> None:
    """The time (and amount) of the medicine just ticked; then back to the list."""
    ticked = doses_of(spec, row)
    if not ticked:
        raise Problem(Code.BUTTON_NOT_HERE)
    *earlier, last = ticked
    _set_doses(spec, row, [*earlier, Dose(last.medicine_id, taken, amount)], at.now)
    dialog.step = medicine_question(spec).id


def _press_question(
    spec: EntrySpec,
    dialog: DialogState,
    row: EntryRow,
    question: Question,
    action: str,
    at: Moment,
    mine: Mine,
) -> None:
    kind, raw = question.kind, action[1:]
    if action == "back":
        _back(spec, dialog, row, question)
        return
    if action == "keep" and dialog.return_to_recap and question.id in row.answered:
        dialog.step, dialog.return_to_recap = RECAP, False  # editing from the recap: as it was
        return
    if action == "skip":
        _skip(row, question, at.now)
    elif kind in (Kind.CHOICES, Kind.FLAGS) and action.startswith("t"):
        _toggle(row, question, raw, at.now)
        return
    elif kind is Kind.FLAGS and action.startswith("o"):
        _toggle_own(row, question, _listed(mine.factors, raw, Code.FACTOR_NOT_LISTED), at.now)
        return
    elif kind is Kind.FLAGS and action == "all":
        _confirm(row, question, at.now)
        _nothing_more(spec, row, question, at.now)
        _save(dialog, row, at)
        return
    elif (kind in (Kind.CHOICES, Kind.FLAGS) and action == "done") or (
        kind is Kind.TEXT and action == "keep"
    ):
        _confirm(row, question, at.now)
    elif kind is Kind.MEDICINE:
        _press_medicine(spec, dialog, row, question, action, at, mine.medicines)
        return
    elif action.startswith("v") and kind is not Kind.TEXT:
        value = _button_value(question, raw)
        reopened = _store(spec, dialog, row, question, {question.column: value}, at)
        _advance(spec, dialog, row, question, reopened)
        return
    else:
        raise Problem(Code.BUTTON_NOT_HERE)
    _advance(spec, dialog, row, question)


def _button_value(question: Question, raw: str) -> object:
    """The value a button of this question carries, checked as strictly as typed text."""
    if question.kind is Kind.CHOICE:
        option = question.option(raw)
        if option is None:
            raise Problem(Code.NOT_AN_OPTION)
        return option.stored
    if question.kind is Kind.TIME:
        return _button_clock(raw)
    number = _digits(raw)
    if question.kind is Kind.SCALE:
        return _on_scale(question, number)
    return number


def _digits(raw: str) -> int:
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        raise Problem(Code.BUTTON_NOT_HERE)
    return int(raw)


def _button_clock(hhmm: str) -> time:
    if len(hhmm) != 4:
        raise Problem(Code.BUTTON_NOT_HERE)
    hours, minutes = divmod(_digits(hhmm), 100)
    if hours > 23 or minutes > 59:
        raise Problem(Code.BUTTON_NOT_HERE)
    return time(hours, minutes)


def _on_scale(question: Question, value: int) -> int:
    if not 0 <= value <= question.maximum:
        raise Problem(Code.SCALE_OUT_OF_RANGE, most=question.maximum)
    return value


def _toggle(row: EntryRow, question: Question, code: str, now: datetime) -> None:
    """Switch one option of a several-choices or flags question; stored at once."""
    option = question.option(code)
    if option is None:
        raise Problem(Code.NOT_AN_OPTION)
    if option.field is not None:  # FLAGS: the option's own column
        setattr(row, option.field.attribute, not getattr(row, option.field.attribute))
    else:
        chosen = set(getattr(row, question.column) or []) ^ {option.code}
        ordered = [o.code for o in question.options if o.code in chosen]
        setattr(row, question.column, ordered or None)
    row.updated_at = now


def _listed(items: Sequence[Listed], raw: str, missing: Code) -> Listed:
    item_id = _digits(raw)
    found = next((item for item in items if item.id == item_id), None)
    if found is None:
        raise Problem(missing)
    return found


def _toggle_own(row: EntryRow, question: Question, factor: Listed, now: datetime) -> None:
    """Switch one of the user's own factors, kept by the name it has tonight."""
    names = list(getattr(row, question.column) or [])
    if factor.name in names:
        names.remove(factor.name)
    elif not factor.retired:
        names.append(factor.name)
    setattr(row, question.column, names or None)
    row.updated_at = now


def _confirm(row: EntryRow, question: Question, now: datetime) -> None:
    """Done (or Keep): the answer stands as shown; an untouched flag means no."""
    if question.kind is Kind.FLAGS:
        for option in question.options:
            if option.field is not None and getattr(row, option.field.attribute) is None:
                setattr(row, option.field.attribute, False)
        if getattr(row, question.column) is None:
            setattr(row, question.column, [])
    _mark(row, question, now)


def _nothing_more(spec: EntrySpec, row: EntryRow, question: Question, now: datetime) -> None:
    """ "That's all for tonight": the questions after this one that are still open are
    skipped, so a quiet night goes straight to the recap."""
    for later in spec.questions[spec.questions.index(question) + 1 :]:
        if later.asked(row) and later.id not in row.answered:
            _skip(row, later, now)


def _press_medicine(
    spec: EntrySpec,
    dialog: DialogState,
    row: EntryRow,
    question: Question,
    action: str,
    at: Moment,
    medicines: Sequence[Listed],
) -> None:
    if action == "none":
        _no_medicine(spec, dialog, row, question, at)
    elif action == "done":
        if not doses_of(spec, row):
            raise Problem(Code.MEDICINE_PICK_OR_NONE)
        _mark(row, question, at.now)
        _advance(spec, dialog, row, question)
    elif action == "add":
        dialog.step = MEDICINE_NAME
    elif action.startswith("m"):
        medicine = _listed(medicines, action[1:], Code.MEDICINE_NOT_LISTED)
        ticked = doses_of(spec, row)
        if any(d.medicine_id == medicine.id for d in ticked):  # ticked: untick
            _set_doses(spec, row, [d for d in ticked if d.medicine_id != medicine.id], at.now)
        elif medicine.retired:
            raise Problem(Code.MEDICINE_NOT_LISTED)
        else:
            pick_medicine(spec, dialog, row, medicine.id, at.now)
    else:
        raise Problem(Code.BUTTON_NOT_HERE)


def _no_medicine(
    spec: EntrySpec, dialog: DialogState, row: EntryRow, question: Question, at: Moment
) -> None:
    took, which = question.fields
    setattr(row, took.attribute, False)
    setattr(row, which.attribute, None)
    _mark(row, question, at.now)
    _advance(spec, dialog, row, question)


# ---------------------------------------------------------------- typed text


def join_split_text(
    spec: EntrySpec, dialog: DialogState, row: EntryRow, text: str, at: Moment
) -> bool:
    """Join `text` to the free-text answer it continues, if it is the second part of one
    message Telegram split (see SPLIT_WITHIN); False, changing nothing, when it is not."""
    if at.now - row.updated_at > SPLIT_WITHIN:
        return False
    for question in spec.questions:
        before = getattr(row, question.column, None) if question.kind is Kind.TEXT else None
        if question.id == dialog.step or not isinstance(before, str):
            continue
        joined = f"{before}\n{text.strip()}"
        if len(before) >= question.maximum * SPLIT_NEAR and (
            len(joined) <= question.maximum * SPLIT_PARTS
        ):
            setattr(row, question.column, joined)
            _mark(row, question, at.now)
            return True
    return False


def takes_text(spec: EntrySpec, step: str, text: str, parser: InputParser) -> bool:
    """Whether typed text at this step is meant as its answer (else it may be a question)."""
    if parser.is_skip(text) or step in ANSWERING_TEXT:
        return True
    question = spec.question(step)
    if question is None:
        return False
    if question.kind is Kind.SCALE:
        return parser.looks_like_number(text)
    if question.kind is Kind.MEDICINE:
        return parser.says_none(text) or looks_like_a_name(text)
    return question.kind in TEXT_KINDS


def type_answer(
    spec: EntrySpec,
    dialog: DialogState,
    row: EntryRow,
    text: str,
    at: Moment,
    parser: InputParser,
) -> NewMedicine | None:
    """Apply a typed answer, read by the parser of the user's language. A new medicine's
    name is returned for the caller to add."""
    step = dialog.step
    if parser.is_skip(text) and step not in (RECAP, MEDICINE_NAME):
        press(spec, dialog, row, "skip", at)
        return None
    if step == MEDICINE_TIME:
        taken, amount = clock_and_amount(text, parser)
        _set_medicine_time(spec, dialog, row, taken, at, amount)
        return None
    question = spec.question(step)
    at_medicine = question is not None and question.kind is Kind.MEDICINE
    if at_medicine and question is not None and parser.says_none(text):
        _no_medicine(spec, dialog, row, question, at)
        return None
    if step == MEDICINE_NAME or (at_medicine and looks_like_a_name(text)):
        if parser.says_none(text):
            raise Problem(Code.MEDICINE_NAME_UNLIKELY)
        return NewMedicine(MEDICINE_NAME_RULES.read(text))
    if question is None or question.kind not in (*TEXT_KINDS, Kind.SCALE):
        raise Problem(_tap_hint(step, question))
    value = _typed_value(question, text, parser)
    reopened = _store(spec, dialog, row, question, {question.column: value}, at)
    _advance(spec, dialog, row, question, reopened)
    return None


def _tap_hint(step: str, question: Question | None) -> Code:
    """What to tap at a step that takes no typed answer: the step's own hint."""
    if step == RECAP:
        return Code.RECAP_SAVE_OR_CHANGE
    if question is not None and question.kind in (Kind.CHOICES, Kind.FLAGS):
        return Code.TAP_THOSE_THAT_APPLY
    return Code.TAP_A_BUTTON


def clock_and_amount(text: str, parser: InputParser) -> tuple[time, str | None]:
    """A time, with an amount typed after or before it kept verbatim: "21:00 0.25 mg",
    "2 tablets at 9pm". The time's own Problem when no part of the text reads as one.

    A bare one- or two-digit number is an amount here ("2 tablets"), not two o'clock."""
    try:
        return parser.clock(text), None
    except Problem as unreadable:
        words = text.split()
        for cut in range(len(words) - 1, 0, -1):
            for clock, rest in ((words[:cut], words[cut:]), (words[cut:], words[:cut])):
                while clock and clock[0].casefold() in ("at", "@"):
                    clock = clock[1:]
                while rest and rest[-1].casefold() in ("at", "@"):
                    rest = rest[:-1]
                if not clock or (len(clock) == 1 and clock[0].isdigit() and len(clock[0]) < 3):
                    continue
                try:
                    taken = parser.clock(" ".join(clock))
                except Problem:
                    continue
                return taken, amount_as_typed(" ".join(rest).strip(" ,"))
        raise unreadable


def _typed_value(question: Question, text: str, parser: InputParser) -> object:
    match question.kind:
        case Kind.SCALE:
            try:
                return _on_scale(question, parser.number(text))
            except Problem as problem:
                if problem.code is Code.NUMBER_UNREADABLE:
                    raise Problem(Code.SCALE_TAP_OR_TYPE, most=question.maximum) from problem
                raise
        case Kind.TIME:
            return parser.clock(text)
        case Kind.DURATION:
            return parser.minutes(text)
        case Kind.COUNT:
            return parser.count(text)
        case _:
            note = text.strip()
            if len(note) > question.maximum:
                raise Problem(Code.NOTE_TOO_LONG, length=len(note), most=question.maximum)
            return note
