"""The check-in dialog's moves, as plain code: no Telegram, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from bot.core import checkin_flow as flow
from bot.core import checkin_steps as steps
from bot.core.checkin_flow import AnswerError
from models import Checkin, Dialog, Medicine

NOW = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
LOCAL = datetime(2026, 11, 24, 22, 7)


def fresh() -> tuple[Dialog, Checkin]:
    checkin = Checkin(id=1, user_id=1, night=date(2026, 11, 24), answered=[], updated_at=NOW)
    dialog = Dialog(
        user_id=1,
        flow="checkin",
        step="sev",
        night=checkin.night,
        return_to_recap=False,
        updated_at=NOW,
    )
    return dialog, checkin


def press(
    dialog: Dialog, checkin: Checkin, action: str, meds: list[Medicine] | None = None
) -> None:
    steps.press(dialog, checkin, action, meds or [], LOCAL, NOW)


def test_answers_move_forward_and_are_recorded_at_once() -> None:
    dialog, checkin = fresh()
    press(dialog, checkin, "v7")
    assert (checkin.severity, dialog.step, checkin.answered) == (7, "ons", ["sev"])
    press(dialog, checkin, "vevening")
    press(dialog, checkin, "voften")
    assert (checkin.onset, checkin.urge, dialog.step) == ("evening", "often", "loc")


def test_multi_select_toggles_keep_option_order_and_done_answers() -> None:
    dialog, checkin = fresh()
    dialog.step = "loc"
    press(dialog, checkin, "tfeet")
    press(dialog, checkin, "tcalves")
    press(dialog, checkin, "tarms")
    press(dialog, checkin, "tarms")
    assert checkin.locations == ["calves", "feet"]
    assert "loc" not in checkin.answered and dialog.step == "loc"
    press(dialog, checkin, "done")
    assert "loc" in checkin.answered and dialog.step == "sen"


def test_factors_untouched_mean_no_when_done() -> None:
    dialog, checkin = fresh()
    dialog.step = "fac"
    press(dialog, checkin, "tcaffeine")
    press(dialog, checkin, "done")
    assert (checkin.caffeine, checkin.alcohol, checkin.exercise, checkin.nicotine) == (
        True,
        False,
        False,
        False,
    )


def test_skip_clears_and_counts_as_done_and_back_goes_to_the_previous_question() -> None:
    dialog, checkin = fresh()
    press(dialog, checkin, "v3")
    press(dialog, checkin, "back")
    assert dialog.step == "sev"
    press(dialog, checkin, "skip")
    assert checkin.severity is None and "sev" in checkin.answered and dialog.step == "ons"
    with pytest.raises(AnswerError):
        steps.press(*fresh(), "back", [], LOCAL, NOW)


def test_medicine_needs_a_time_or_a_skip_and_only_the_users_own() -> None:
    dialog, checkin = fresh()
    dialog.step = "med"
    meds = [Medicine(id=5, user_id=1, name="Pregabalin")]
    with pytest.raises(AnswerError):
        press(dialog, checkin, "m6", meds)
    press(dialog, checkin, "m5", meds)
    assert dialog.step == "mdt" and "med" not in checkin.answered
    press(dialog, checkin, "now", meds)
    assert checkin.medicine_time == time(22, 7) and dialog.step == "fac"


def test_edit_from_recap_returns_to_recap_and_save_marks_saved() -> None:
    dialog, checkin = fresh()
    dialog.step = "rec"
    press(dialog, checkin, "eurg")
    assert dialog.step == "urg" and dialog.return_to_recap
    press(dialog, checkin, "vnever")
    assert dialog.step == "rec" and not dialog.return_to_recap
    press(dialog, checkin, "save")
    assert dialog.step == steps.SAVED and checkin.saved_at == NOW


@pytest.mark.parametrize("action", ["vhuge", "x", "", "t", "eunknown"])
def test_actions_that_do_not_fit_the_step_change_nothing(action: str) -> None:
    dialog, checkin = fresh()
    dialog.step = "ons"
    with pytest.raises(AnswerError):
        press(dialog, checkin, action)
    assert checkin.answered == [] and dialog.step == "ons"


def test_typed_answers() -> None:
    dialog, checkin = fresh()
    with pytest.raises(AnswerError, match="0 to 10"):
        steps.type_answer(dialog, checkin, "11", NOW)
    steps.type_answer(dialog, checkin, " 4/10 ", NOW)
    assert checkin.severity == 4
    dialog.step = "med"
    assert steps.type_answer(dialog, checkin, "  Ropinirole   XL ", NOW) == "Ropinirole XL"
    with pytest.raises(AnswerError):
        steps.type_answer(dialog, checkin, "is ropinirole safe with coffee?", NOW)
    dialog.step = "not"
    with pytest.raises(AnswerError, match="1,001 characters"):
        steps.type_answer(dialog, checkin, "n" * 1001, NOW)
    steps.type_answer(dialog, checkin, "fine", NOW)
    assert checkin.note == "fine" and dialog.step == "rec"


def test_resume_step_is_the_first_open_question() -> None:
    _, checkin = fresh()
    assert steps.resume_step(checkin) == "sev"
    checkin.answered = ["sev", "ons", "loc"]
    assert steps.resume_step(checkin) == "urg"
    checkin.answered = [q.value for q in flow.QUESTIONS]
    assert steps.resume_step(checkin) == "rec"


@pytest.mark.parametrize("typed", ["skip", "Skip", " SKIP. ", "pass", "-"])
def test_typing_skip_means_the_skip_button(typed: str) -> None:
    dialog, checkin = fresh()
    dialog.step = "not"
    checkin.note = "old"
    steps.type_answer(dialog, checkin, typed, NOW)
    assert checkin.note is None and "not" in checkin.answered and dialog.step == "rec"
    dialog.step = "ons"
    steps.type_answer(dialog, checkin, typed, NOW)
    assert "ons" in checkin.answered and dialog.step == "urg"
