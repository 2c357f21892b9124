"""Answering the check-in one question at a time; every change is stored at once."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.checkin_questions import (
    FACTOR_OPTIONS,
    MULTI_CHOICE,
    NOTE_MAX_CHARS,
    QUESTIONS,
    SEVERITY_MAX,
    SINGLE_CHOICE,
    Question,
)
from models import Checkin


class AnswerError(ValueError):
    """A typed or tapped answer that does not fit; str() is the reason shown to the user."""


async def tonight(session: AsyncSession, user_id: int, night: date, now: datetime) -> Checkin:
    """The check-in of this night, created empty if there is none yet (never a second one)."""
    found = await session.scalar(
        select(Checkin).where(Checkin.user_id == user_id, Checkin.night == night)
    )
    if found is not None:
        return found
    checkin = Checkin(user_id=user_id, night=night, answered=[], updated_at=now)
    session.add(checkin)
    await session.flush()
    return checkin


def next_open(checkin: Checkin) -> Question | None:
    """The first question not yet answered or skipped; None means all are done."""
    return next((q for q in QUESTIONS if q not in checkin.answered), None)


def following(question: Question) -> Question | None:
    index = QUESTIONS.index(question)
    return QUESTIONS[index + 1] if index + 1 < len(QUESTIONS) else None


def preceding(question: Question) -> Question | None:
    index = QUESTIONS.index(question)
    return QUESTIONS[index - 1] if index > 0 else None


def _mark(checkin: Checkin, question: Question, now: datetime) -> None:
    if question not in checkin.answered:
        checkin.answered = [*checkin.answered, question.value]
    checkin.updated_at = now


def skip(checkin: Checkin, question: Question, now: datetime) -> None:
    """Skipping clears the answer and counts the question as done."""
    if question is Question.SEVERITY:
        checkin.severity = None
    elif question in SINGLE_CHOICE or question in MULTI_CHOICE:
        setattr(checkin, _column(question), None)
    elif question is Question.MEDICINE:
        checkin.took_medicine, checkin.medicine_id, checkin.medicine_time = None, None, None
    elif question is Question.FACTORS:
        for factor in FACTOR_OPTIONS:
            setattr(checkin, factor, None)
    else:
        checkin.note = None
    _mark(checkin, question, now)


def _column(question: Question) -> str:
    return {
        Question.ONSET: "onset",
        Question.URGE: "urge",
        Question.LOCATIONS: "locations",
        Question.SENSATIONS: "sensations",
    }[question]


def set_severity(checkin: Checkin, value: int, now: datetime) -> None:
    if not 0 <= value <= SEVERITY_MAX:
        raise AnswerError(f"Please choose a number from 0 to {SEVERITY_MAX}.")
    checkin.severity = value
    _mark(checkin, Question.SEVERITY, now)


def parse_severity(text: str) -> int:
    cleaned = text.strip().removesuffix("/10").strip()
    if not cleaned.isdigit():
        raise AnswerError(f"For this one, tap a number (or type one from 0 to {SEVERITY_MAX}).")
    return int(cleaned)


def choose(checkin: Checkin, question: Question, key: str, now: datetime) -> None:
    if key not in SINGLE_CHOICE[question]:
        raise AnswerError("That option is not one of the choices.")
    setattr(checkin, _column(question), key)
    _mark(checkin, question, now)


def toggle(checkin: Checkin, question: Question, key: str, now: datetime) -> None:
    """Switch one option of a multi-select or the factors screen; stored at once."""
    if question is Question.FACTORS:
        if key not in FACTOR_OPTIONS:
            raise AnswerError("That option is not one of the choices.")
        setattr(checkin, key, not getattr(checkin, key))
    else:
        options = MULTI_CHOICE[question]
        if key not in options:
            raise AnswerError("That option is not one of the choices.")
        chosen = set(getattr(checkin, _column(question)) or [])
        chosen ^= {key}
        setattr(checkin, _column(question), [k for k in options if k in chosen] or None)
    checkin.updated_at = now


def confirm(checkin: Checkin, question: Question, now: datetime) -> None:
    """Done (or Keep): the answer stands as shown; on the factors screen untouched means no."""
    if question is Question.FACTORS:
        for factor in FACTOR_OPTIONS:
            if getattr(checkin, factor) is None:
                setattr(checkin, factor, False)
    _mark(checkin, question, now)


def no_medicine(checkin: Checkin, now: datetime) -> None:
    checkin.took_medicine, checkin.medicine_id, checkin.medicine_time = False, None, None
    _mark(checkin, Question.MEDICINE, now)


def pick_medicine(checkin: Checkin, medicine_id: int, now: datetime) -> None:
    """Chosen, but not answered until the time taken is given (or skipped)."""
    checkin.took_medicine, checkin.medicine_id = True, medicine_id
    checkin.updated_at = now


def set_medicine_time(checkin: Checkin, taken_at: time | None, now: datetime) -> None:
    checkin.medicine_time = taken_at
    _mark(checkin, Question.MEDICINE, now)


def set_note(checkin: Checkin, text: str, now: datetime) -> None:
    note = text.strip()
    if len(note) > NOTE_MAX_CHARS:
        raise AnswerError(
            f"That note is {len(note):,} characters; notes can be up to {NOTE_MAX_CHARS:,}. "
            "Could you shorten it and send it again?"
        )
    checkin.note = note
    _mark(checkin, Question.NOTE, now)


def save(checkin: Checkin, now: datetime) -> None:
    checkin.saved_at = now
    checkin.updated_at = now
