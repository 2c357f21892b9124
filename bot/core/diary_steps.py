"""Moving through the morning diary: every answer is checked against the others and stored.

An answer that cannot be right with the rest (woke before falling asleep, awake longer than
the night) is refused with the core's reason; nothing else changes, and the user fixes
that one answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.core.checkin_flow import AnswerError
from bot.core.checkin_steps import RECAP, SAVED, is_skip
from bot.core.clock_parse import ClockError
from bot.core.diary_questions import (
    COLUMNS,
    COUNT_QUESTIONS,
    DIARY_QUESTIONS,
    LEGS_LABELS,
    MINUTE_QUESTIONS,
    QUALITY_LABELS,
    TIME_QUESTIONS,
    DiaryQuestion,
)
from bot.core.sleep_diary import (
    DiaryError,
    DiaryTimes,
    SleepMetrics,
    metrics,
    parse_count,
    parse_diary_clock,
    parse_minutes,
    validate,
)
from models import Dialog, SleepDiary

Q = DiaryQuestion


def times_of(diary: SleepDiary) -> DiaryTimes:
    return DiaryTimes(
        bed=diary.bed_time, tried=diary.tried_time, wake=diary.wake_time, out_of_bed=diary.out_time
    )


def metrics_of(diary: SleepDiary, zone: str) -> SleepMetrics:
    return metrics(diary.night, zone, times_of(diary), diary.latency_min, diary.awake_min)


def _check(diary: SleepDiary, zone: str) -> None:
    validate(
        diary.night, zone, times_of(diary), diary.latency_min, diary.awakenings, diary.awake_min
    )


def _mark(diary: SleepDiary, question: DiaryQuestion, now: datetime) -> None:
    if question not in diary.answered:
        diary.answered = [*diary.answered, question.value]
    diary.updated_at = now


def answer(
    diary: SleepDiary, question: DiaryQuestion, value: Any, zone: str, now: datetime
) -> None:
    """Store one answer if it fits with the others; otherwise keep the old one and explain."""
    column = COLUMNS[question]
    previous = getattr(diary, column)
    setattr(diary, column, value)
    try:
        _check(diary, zone)
    except DiaryError as error:
        setattr(diary, column, previous)
        raise AnswerError(str(error)) from error
    _mark(diary, question, now)
    if question is Q.AWAKENINGS and value == 0 and Q.AWAKE not in diary.answered:
        diary.awake_min = 0  # no awakenings: nothing to ask about their length
        _mark(diary, Q.AWAKE, now)


def skip(diary: SleepDiary, question: DiaryQuestion, now: datetime) -> None:
    setattr(diary, COLUMNS[question], None)
    _mark(diary, question, now)


def resume_step(diary: SleepDiary) -> str:
    if diary.saved_at is not None:
        return RECAP
    open_question = next((q for q in DIARY_QUESTIONS if q not in diary.answered), None)
    return open_question.value if open_question else RECAP


def _following(diary: SleepDiary, question: DiaryQuestion) -> str:
    for later in DIARY_QUESTIONS[DIARY_QUESTIONS.index(question) + 1 :]:
        if later is Q.AWAKE and diary.awakenings == 0:
            continue
        return later.value
    return RECAP


def advance(dialog: Dialog, diary: SleepDiary, question: DiaryQuestion) -> None:
    if dialog.return_to_recap:
        dialog.step, dialog.return_to_recap = RECAP, False
    else:
        dialog.step = _following(diary, question)


def _back(dialog: Dialog, diary: SleepDiary, question: DiaryQuestion) -> None:
    index = DIARY_QUESTIONS.index(question)
    earlier = [q for q in DIARY_QUESTIONS[:index] if not (q is Q.AWAKE and diary.awakenings == 0)]
    if not earlier:
        raise AnswerError("This is the first question.")
    dialog.step = earlier[-1].value


CHOICES: dict[DiaryQuestion, Callable[[str], Any]] = {
    Q.QUALITY: lambda raw: _option(raw, QUALITY_LABELS),
    Q.LEGS: lambda raw: _option(raw, LEGS_LABELS),
}


def _option(raw: str, labels: dict[int, str]) -> int:
    if not raw.isdigit() or int(raw) not in labels:
        raise AnswerError("That option is not one of the choices.")
    return int(raw)


def _parse(question: DiaryQuestion, raw: str) -> Any:
    """A button value or typed text for this question, in the column's type."""
    try:
        if question in TIME_QUESTIONS:
            return parse_diary_clock(raw)
        if question in MINUTE_QUESTIONS:
            return parse_minutes(raw)
        if question in COUNT_QUESTIONS:
            return parse_count(raw)
    except (ClockError, ValueError) as error:
        raise AnswerError(str(error)) from error
    return CHOICES[question](raw)


def press(dialog: Dialog, diary: SleepDiary, action: str, zone: str, now: datetime) -> None:
    """Apply one button; AnswerError for a value that does not fit."""
    if dialog.step == RECAP:
        if action == "save":
            diary.saved_at, diary.updated_at = now, now
            dialog.step = SAVED
        elif action.startswith("e") and action[1:] in {q.value for q in Q}:
            dialog.step, dialog.return_to_recap = action[1:], True
        else:
            raise AnswerError("That button doesn't belong here.")
        return
    question = Q(dialog.step)
    if action == "back":
        _back(dialog, diary, question)
        return
    if action == "skip":
        skip(diary, question, now)
    elif action.startswith("v"):
        answer(diary, question, _parse(question, action[1:]), zone, now)
    else:
        raise AnswerError("That button doesn't belong here.")
    advance(dialog, diary, question)


def takes_text(step: str) -> bool:
    return step in {q.value for q in (*TIME_QUESTIONS, *MINUTE_QUESTIONS, *COUNT_QUESTIONS)}


def type_answer(dialog: Dialog, diary: SleepDiary, text: str, zone: str, now: datetime) -> None:
    if is_skip(text) and dialog.step != RECAP:
        press(dialog, diary, "skip", zone, now)
        return
    if not takes_text(dialog.step):
        raise AnswerError("For this question, please tap one of the buttons (or Skip).")
    question = Q(dialog.step)
    answer(diary, question, _parse(question, text), zone, now)
    advance(dialog, diary, question)
