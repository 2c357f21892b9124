"""Moving through the check-in dialog: which screen comes after a tap or a typed answer.

Steps are the question codes plus three screens of our own: naming a new medicine, the
time a medicine was taken, and the recap. The dialog row holds the current step, so a tap
on a button of any other step is stale and changes nothing.
"""

from __future__ import annotations

from datetime import datetime, time

from bot.core import checkin_flow as flow
from bot.core.checkin_flow import AnswerError
from bot.core.checkin_questions import (
    MEDICINE_NAME_MAX_CHARS,
    MULTI_CHOICE,
    SINGLE_CHOICE,
    Question,
)
from bot.core.clock_parse import ClockError, parse_clock
from models import Checkin, Dialog, Medicine

RECAP = "rec"  # the recap screen of a check-in or a diary
SAVED = "saved"  # shown once after Save; the dialog closes
MEDICINE_NAME = "mdn"
MEDICINE_TIME = "mdt"


def advance(dialog: Dialog, checkin: Checkin, question: Question) -> None:
    """After an answer: back to the recap when editing from it, else the next question."""
    if dialog.return_to_recap:
        dialog.step, dialog.return_to_recap = RECAP, False
        return
    nxt = flow.following(question)
    dialog.step = nxt.value if nxt else RECAP


def resume_step(checkin: Checkin) -> str:
    if checkin.saved_at is not None:
        return RECAP
    nxt = flow.next_open(checkin)
    return nxt.value if nxt else RECAP


def uses_medicines(step: str) -> bool:
    """Whether showing this step, or a tap on it, needs the user's list of medicines."""
    return step in (Question.MEDICINE.value, MEDICINE_TIME, RECAP, SAVED)


def press(
    dialog: Dialog,
    checkin: Checkin,
    action: str,
    meds: list[Medicine],
    local_now: datetime,
    now: datetime,
) -> None:
    """Apply one button; raises AnswerError for an action that does not fit the step."""
    step = dialog.step
    if step == RECAP:
        _press_recap(dialog, checkin, action, now)
    elif step == MEDICINE_NAME:
        if action != "back":
            raise AnswerError("Type the medicine's name, or go back.")
        dialog.step = Question.MEDICINE.value
    elif step == MEDICINE_TIME:
        _press_medicine_time(dialog, checkin, action, local_now, now)
    else:
        _press_question(dialog, checkin, Question(step), action, meds, now)


def _press_recap(dialog: Dialog, checkin: Checkin, action: str, now: datetime) -> None:
    if action == "save":
        flow.save(checkin, now)
        dialog.step = SAVED
    elif action.startswith("e") and action[1:] in {q.value for q in Question}:
        dialog.step, dialog.return_to_recap = action[1:], True
    else:
        raise AnswerError("That button doesn't belong here.")


def _press_medicine_time(
    dialog: Dialog, checkin: Checkin, action: str, local_now: datetime, now: datetime
) -> None:
    if action == "back":
        dialog.step = Question.MEDICINE.value
        return
    if action == "now":
        taken: time | None = local_now.time().replace(second=0, microsecond=0)
    elif action == "skip":
        taken = None
    elif action.startswith("h") and len(action) == 5 and action[1:].isdigit():
        taken = _clock(action[1:])
    else:
        raise AnswerError("That button doesn't belong here.")
    flow.set_medicine_time(checkin, taken, now)
    advance(dialog, checkin, Question.MEDICINE)


def _press_question(
    dialog: Dialog,
    checkin: Checkin,
    question: Question,
    action: str,
    meds: list[Medicine],
    now: datetime,
) -> None:
    if action == "back":
        previous = flow.preceding(question)
        if previous is None:
            raise AnswerError("This is the first question.")
        dialog.step = previous.value
        return
    if action == "skip":
        flow.skip(checkin, question, now)
    elif (action == "keep" and question is Question.NOTE) or (
        action == "done" and (question in MULTI_CHOICE or question is Question.FACTORS)
    ):
        flow.confirm(checkin, question, now)
    elif action.startswith("t") and (question in MULTI_CHOICE or question is Question.FACTORS):
        flow.toggle(checkin, question, action[1:], now)
        return
    elif action.startswith("v") and question is Question.SEVERITY:
        flow.set_severity(checkin, flow.parse_severity(action[1:]), now)
    elif action.startswith("v") and question in SINGLE_CHOICE:
        flow.choose(checkin, question, action[1:], now)
    elif question is Question.MEDICINE:
        _press_medicine(dialog, checkin, action, meds, now)
        return
    else:
        raise AnswerError("That button doesn't belong here.")
    advance(dialog, checkin, question)


def _press_medicine(
    dialog: Dialog, checkin: Checkin, action: str, meds: list[Medicine], now: datetime
) -> None:
    if action == "none":
        flow.no_medicine(checkin, now)
        advance(dialog, checkin, Question.MEDICINE)
    elif action == "add":
        dialog.step = MEDICINE_NAME
    elif action.startswith("m") and action[1:].isdigit():
        medicine_id = int(action[1:])
        if medicine_id not in {m.id for m in meds}:
            raise AnswerError("That medicine isn't on your list.")
        flow.pick_medicine(checkin, medicine_id, now)
        dialog.step = MEDICINE_TIME
    else:
        raise AnswerError("That button doesn't belong here.")


def _clock(hhmm: str) -> time:
    try:
        return parse_clock(hhmm)
    except ClockError as error:
        raise AnswerError(str(error)) from error


def type_answer(dialog: Dialog, checkin: Checkin, text: str, now: datetime) -> str | None:
    """Apply a typed answer at a step that takes text.

    Returns the name of a new medicine to add (the caller owns the database), or None.
    Raises AnswerError with a reason when the text does not fit this step.
    """
    step = dialog.step
    if is_skip(text) and step not in (RECAP, MEDICINE_NAME):
        press(dialog, checkin, "skip", [], now, now)
    elif step == Question.SEVERITY.value:
        flow.set_severity(checkin, flow.parse_severity(text), now)
        advance(dialog, checkin, Question.SEVERITY)
    elif step == Question.NOTE.value:
        flow.set_note(checkin, text, now)
        advance(dialog, checkin, Question.NOTE)
    elif step == MEDICINE_TIME:
        flow.set_medicine_time(checkin, _clock(text), now)
        advance(dialog, checkin, Question.MEDICINE)
    elif step == MEDICINE_NAME or (step == Question.MEDICINE.value and _looks_like_name(text)):
        return medicine_name(text)
    else:
        raise AnswerError("For this question, please tap one of the buttons (or Skip).")
    return None


def medicine_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise AnswerError("Please type the medicine's name.")
    if len(name) > MEDICINE_NAME_MAX_CHARS:
        raise AnswerError(
            f"That's {len(name)} characters; a medicine name can be up to "
            f"{MEDICINE_NAME_MAX_CHARS}. A shorter name is fine."
        )
    return name


def is_skip(text: str) -> bool:
    """Typing "skip" means the Skip button, wherever there is one."""
    return text.strip().strip(".!").casefold() in {"skip", "pass", "next", "-"}


def _looks_like_name(text: str) -> bool:
    """At the medicine question a short phrase is a new medicine; a sentence is not."""
    return "?" not in text and len(text.split()) <= 4


def takes_text(step: str, text: str) -> bool:
    """Whether typed text at this step is meant as its answer (else it may be a question)."""
    if is_skip(text):
        return True
    if step == Question.SEVERITY.value:
        return any(ch.isdigit() for ch in text)
    return step in {Question.NOTE.value, MEDICINE_TIME, MEDICINE_NAME}
