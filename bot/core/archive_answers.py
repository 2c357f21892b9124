"""An entry's answers in the JSON export, by the fields' export names, from the specs.

The same names as the CSV's columns (bot/core/entries): English and stable. Values are
JSON's own: numbers, codes, yes/no as true/false, lists, times of day as "HH:MM" (local, in
the entry's zone), and the medicines taken as [{"medicine": ref, "time", "amount"}] where
`ref` is the medicine's number in the export's `medicines` list (ids are the server's own
and are not exported). Derived values are not written: they are computed from the answers.

`check` is what an import trusts a file with: every value must be one the bot could have
stored itself; anything else is a ValueError (the file is damaged).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from typing import Any

from bot.core.doses import AMOUNT_MAX_CHARS
from bot.core.entries.spec import EntrySpec, Field, Kind, Question
from bot.core.medicines import FACTOR_MAX_CHARS

MINUTES_MAX = 24 * 60  # a duration or a count beyond a day's minutes is no answer
DOSE_KEYS = {"medicine", "time", "amount"}


def _fields(spec: EntrySpec) -> dict[str, tuple[Question, Field]]:
    return {f.export: (q, f) for q in spec.questions for f in q.stored_fields()}


def _is_doses(question: Question, field: Field) -> bool:
    return question.kind is Kind.MEDICINE and field is question.fields[1]


def _clock(value: time | None) -> str | None:
    return None if value is None else f"{value:%H:%M}"


def answers_of(spec: EntrySpec, row: Any, refs: Mapping[int, int]) -> dict[str, object]:
    """A stored entry's answers for the export; `refs` maps medicine ids to export refs."""
    answers: dict[str, object] = {}
    for name, (question, field) in _fields(spec).items():
        value = getattr(row, field.attribute)
        if _is_doses(question, field) and value is not None:
            value = [
                {"medicine": refs[int(d["id"])], "time": d.get("time"), "amount": d.get("amount")}
                for d in value
            ]
        elif question.kind is Kind.TIME:
            value = _clock(value)
        answers[name] = value
    return answers


def columns_of(
    spec: EntrySpec, answers: Mapping[str, object], ids: Mapping[int, int]
) -> dict[str, object]:
    """The model's columns for checked answers; `ids` maps export refs to medicine ids."""
    columns: dict[str, object] = {}
    for name, (question, field) in _fields(spec).items():
        value: Any = answers.get(name)
        if _is_doses(question, field) and value is not None:
            value = [
                {"id": ids[d["medicine"]], "time": d["time"], "amount": d["amount"]} for d in value
            ]
        elif question.kind is Kind.TIME and value is not None:
            value = time.fromisoformat(value)
        columns[field.attribute] = value
    return columns


def check(
    spec: EntrySpec, answers: Mapping[str, object], answered: list[str], refs: set[int]
) -> None:
    """Raise ValueError unless every answer and the `answered` list could be the bot's own."""
    fields = _fields(spec)
    if unknown := set(answers) - set(fields):
        raise ValueError(f"{spec.name}: unknown answers {sorted(unknown)}")
    ids = [q.id for q in spec.questions]
    if len(set(answered)) != len(answered) or not set(answered) <= set(ids):
        raise ValueError(f"{spec.name}: answered lists unknown questions")
    for name, value in answers.items():
        question, field = fields[name]
        if value is not None and not _fits(question, field, value, refs):
            raise ValueError(f"{spec.name}: {name} holds no answer the bot could store")


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _text(value: object, most: int) -> bool:
    return isinstance(value, str) and len(value) <= most


def _hhmm(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 5:
        return False
    try:
        time.fromisoformat(value)
    except ValueError:
        return False
    return True


def _dose(value: object, refs: set[int]) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == DOSE_KEYS
        and value["medicine"] in refs
        and (value["time"] is None or _hhmm(value["time"]))
        and (value["amount"] is None or _text(value["amount"], AMOUNT_MAX_CHARS))
    )


def _fits(question: Question, field: Field, value: object, refs: set[int]) -> bool:
    codes = {o.stored for o in question.options}
    match question.kind:
        case Kind.SCALE:
            return _whole(value, 0, question.maximum)
        case Kind.CHOICE:
            return any(value == c and type(value) is type(c) for c in codes)
        case Kind.CHOICES:
            return isinstance(value, list) and all(v in codes for v in value)
        case Kind.FLAGS if field in question.fields:
            return isinstance(value, list) and all(_text(v, FACTOR_MAX_CHARS) for v in value)
        case Kind.MEDICINE if _is_doses(question, field):
            return isinstance(value, list) and all(_dose(v, refs) for v in value)
        case Kind.FLAGS | Kind.MEDICINE:
            return isinstance(value, bool)
        case Kind.TIME:
            return _hhmm(value)
        case Kind.DURATION | Kind.COUNT:
            return _whole(value, 0, MINUTES_MAX)
        case Kind.TEXT:
            return _text(value, question.maximum)
