"""The entry engine's moves on both specs, as plain code: no Telegram, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.core.doses import Dose
from bot.core.entries import engine
from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY
from bot.core.entries.engine import Mine, Moment, NewMedicine
from bot.core.problems import Code, Problem
from bot.i18n import texts_for
from bot.i18n.problems import problem_text
from bot.parsing import parser_for
from models import Checkin, Dialog, Factor, Medicine, SleepDiary

NOW = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
AT = Moment(NOW + timedelta(minutes=7), "Europe/Berlin")  # 22:07 in Berlin
ENGLISH_INPUT = parser_for("en")
NIGHT = date(2026, 11, 24)


def fresh(step: str = "sev") -> tuple[Dialog, Checkin]:
    checkin = Checkin(id=1, user_id=1, night=NIGHT, answered=[], updated_at=NOW)
    dialog = Dialog(
        user_id=1, flow="checkin", step=step, night=NIGHT, return_to_recap=False, updated_at=NOW
    )
    return dialog, checkin


def diary(step: str = "bed") -> tuple[Dialog, SleepDiary]:
    entry = SleepDiary(id=1, user_id=1, night=NIGHT, answered=[], updated_at=NOW)
    dialog = Dialog(
        user_id=1, flow="morning", step=step, night=NIGHT, return_to_recap=False, updated_at=NOW
    )
    return dialog, entry


MEDS = [
    Medicine(id=5, user_id=1, name="Pregabalin", retired=False),
    Medicine(id=6, user_id=1, name="Iron", retired=False),
    Medicine(id=7, user_id=1, name="Old", retired=True),
]
FACTORS = [Factor(id=3, user_id=1, name="Long car ride", retired=False)]


def press(dialog: Dialog, checkin: Checkin, action: str) -> None:
    engine.press(CHECKIN, dialog, checkin, action, AT, Mine(MEDS, FACTORS))


def typed(dialog: Dialog, entry: Checkin | SleepDiary, text: str) -> NewMedicine | None:
    spec = CHECKIN if isinstance(entry, Checkin) else DIARY
    return engine.type_answer(spec, dialog, entry, text, AT, ENGLISH_INPUT)


def english(problem: pytest.ExceptionInfo[Problem]) -> str:
    return problem_text(texts_for("en"), problem.value)


def test_answers_move_forward_and_are_recorded_at_once() -> None:
    dialog, checkin = fresh()
    press(dialog, checkin, "v7")
    assert (checkin.severity, dialog.step, checkin.answered) == (7, "ons", ["sev"])
    press(dialog, checkin, "vevening")
    press(dialog, checkin, "voften")
    assert (checkin.onset, checkin.urge, dialog.step) == ("evening", "often", "loc")


def test_multi_select_toggles_keep_option_order_and_done_answers() -> None:
    dialog, checkin = fresh("loc")
    for action in ("tfeet", "tcalves", "tarms", "tarms"):
        press(dialog, checkin, action)
    assert checkin.locations == ["calves", "feet"]
    assert "loc" not in checkin.answered and dialog.step == "loc"
    press(dialog, checkin, "done")
    assert "loc" in checkin.answered and dialog.step == "sen"


def test_factors_untouched_mean_no_when_done() -> None:
    dialog, checkin = fresh("fac")
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
    with pytest.raises(Problem) as first:
        press(*fresh(), "back")
    assert first.value.code is Code.FIRST_QUESTION


def test_several_medicines_each_with_its_time_and_only_the_users_own() -> None:
    dialog, checkin = fresh("med")
    for forged in ("m8", "m7"):  # someone else's, and one the user stopped
        with pytest.raises(Problem):
            press(dialog, checkin, forged)
    press(dialog, checkin, "m5")
    assert dialog.step == "mdt" and "med" not in checkin.answered
    press(dialog, checkin, "now")
    assert dialog.step == "med", "back to the list, for the next medicine"
    press(dialog, checkin, "m6")
    typed(dialog, checkin, "18:00 2 tablets")
    with pytest.raises(Problem):  # not on the list
        press(dialog, checkin, "m8")
    press(dialog, checkin, "done")
    assert engine.doses_of(CHECKIN, checkin) == [
        Dose(5, time(22, 7)),
        Dose(6, time(18, 0), "2 tablets"),
    ]
    assert checkin.took_medicine is True and dialog.step == "fac"


def test_a_medicine_ticked_again_is_unticked_and_done_needs_one() -> None:
    dialog, checkin = fresh("med")
    press(dialog, checkin, "m5")
    press(dialog, checkin, "skip")
    press(dialog, checkin, "m5")
    assert engine.doses_of(CHECKIN, checkin) == [] and checkin.took_medicine is None
    with pytest.raises(Problem) as empty:
        press(dialog, checkin, "done")
    assert empty.value.code is Code.MEDICINE_PICK_OR_NONE


@pytest.mark.parametrize(
    ("text", "taken", "amount"),
    [
        ("21:00 0.25 mg", time(21, 0), "0.25 mg"),
        ("2 tablets at 9pm", time(21, 0), "2 tablets"),
        ("9:30pm", time(21, 30), None),
    ],
)
def test_an_amount_typed_with_the_time_is_kept_as_typed(
    text: str, taken: time, amount: str | None
) -> None:
    dialog, checkin = fresh("med")
    press(dialog, checkin, "m5")
    typed(dialog, checkin, text)
    assert engine.doses_of(CHECKIN, checkin) == [Dose(5, taken, amount)]


@pytest.mark.parametrize("text", ["none", "no", "nope, nothing", "Nothing", "no meds tonight"])
def test_none_typed_at_the_medicine_question_means_no_medicine(text: str) -> None:
    dialog, checkin = fresh("med")
    assert typed(dialog, checkin, text) is None
    assert checkin.took_medicine is False and checkin.doses is None and dialog.step == "fac"


@pytest.mark.parametrize("text", ["x", "-1", "?"])
def test_a_medicine_name_must_look_like_one(text: str) -> None:
    dialog, checkin = fresh("mdn")
    with pytest.raises(Problem):
        typed(dialog, checkin, text)
    assert checkin.doses is None


def test_the_usual_medicines_are_ticked_when_the_question_first_shows() -> None:
    dialog, checkin = fresh("med")
    usual = [Dose(5, time(21, 0)), Dose(6, time(18, 0))]
    assert engine.preselect(CHECKIN, checkin, usual, NOW)
    press(dialog, checkin, "done")
    assert engine.doses_of(CHECKIN, checkin) == usual and dialog.step == "fac"
    assert not engine.preselect(CHECKIN, checkin, [Dose(5)], NOW), "answered: left alone"


def test_a_quiet_night_skips_the_symptom_questions_and_stores_no_symptoms() -> None:
    dialog, checkin = fresh()
    press(dialog, checkin, "v0")
    assert dialog.step == "med"
    assert (checkin.onset, checkin.urge, checkin.locations, checkin.sensations) == (
        "none",
        "never",
        [],
        [],
    )
    press(dialog, checkin, "none")
    press(dialog, checkin, "all")
    assert dialog.step == engine.SAVED and checkin.saved_at == AT.now
    assert checkin.caffeine is False and checkin.own_factors == []
    assert "not" in checkin.answered and checkin.note is None


def test_a_quiet_night_rated_higher_after_all_asks_the_symptom_questions() -> None:
    dialog, checkin = fresh()
    press(dialog, checkin, "v0")
    press(dialog, checkin, "none")
    press(dialog, checkin, "all")
    dialog.step = "rec"
    press(dialog, checkin, "esev")
    press(dialog, checkin, "v4")
    assert dialog.step == "ons" and checkin.onset is None and "ons" not in checkin.answered


def test_own_factors_are_stored_by_name() -> None:
    dialog, checkin = fresh("fac")
    press(dialog, checkin, "o3")
    press(dialog, checkin, "done")
    assert checkin.own_factors == ["Long car ride"]
    with pytest.raises(Problem):
        press(*fresh("fac"), "o4")


def test_keep_leaves_an_answer_opened_from_the_recap_as_it_was() -> None:
    dialog, checkin = fresh()
    press(dialog, checkin, "v6")
    dialog.step = "rec"
    press(dialog, checkin, "esev")
    press(dialog, checkin, "keep")
    assert (dialog.step, checkin.severity, dialog.return_to_recap) == ("rec", 6, False)


def test_edit_from_recap_returns_to_recap_and_save_marks_saved() -> None:
    dialog, checkin = fresh("rec")
    press(dialog, checkin, "eurg")
    assert dialog.step == "urg" and dialog.return_to_recap
    press(dialog, checkin, "vnever")
    assert dialog.step == "rec" and not dialog.return_to_recap
    press(dialog, checkin, "save")
    assert dialog.step == engine.SAVED and checkin.saved_at == AT.now


@pytest.mark.parametrize("action", ["vhuge", "x", "", "t", "eunknown", "v²", "m²"])
def test_actions_that_do_not_fit_the_step_change_nothing(action: str) -> None:
    dialog, checkin = fresh("ons")
    with pytest.raises(Problem):
        press(dialog, checkin, action)
    assert checkin.answered == [] and dialog.step == "ons"


@pytest.mark.parametrize("action", ["v11", "v²", "v99999999999"])
def test_a_forged_scale_button_changes_nothing(action: str) -> None:
    dialog, checkin = fresh()
    with pytest.raises(Problem):
        press(dialog, checkin, action)
    assert checkin.severity is None and checkin.answered == []


def test_typed_answers() -> None:
    dialog, checkin = fresh()
    with pytest.raises(Problem) as out_of_range:
        typed(dialog, checkin, "11")
    assert english(out_of_range) == "Please choose a number from 0 to 10."
    typed(dialog, checkin, " 4/10 ")
    assert checkin.severity == 4
    dialog.step = "med"
    assert typed(dialog, checkin, "  Ropinirole   XL ") == NewMedicine("Ropinirole XL")
    with pytest.raises(Problem):
        typed(dialog, checkin, "is ropinirole safe with coffee?")
    dialog.step = "not"
    with pytest.raises(Problem) as too_long:
        typed(dialog, checkin, "n" * 4097)
    assert "4,097 characters" in english(too_long)
    typed(dialog, checkin, "fine")
    assert checkin.note == "fine" and dialog.step == "rec"


def test_a_number_typed_as_a_word_is_read_as_one() -> None:
    dialog, checkin = fresh()
    assert engine.takes_text(CHECKIN, "sev", "seven", ENGLISH_INPUT)
    typed(dialog, checkin, "seven")
    assert checkin.severity == 7


def test_resume_step_is_the_first_open_question() -> None:
    _, checkin = fresh()
    assert engine.resume_step(CHECKIN, checkin) == "sev"
    checkin.answered = ["sev", "ons", "loc"]
    assert engine.resume_step(CHECKIN, checkin) == "urg"
    checkin.answered = [q.id for q in CHECKIN.questions]
    assert engine.resume_step(CHECKIN, checkin) == "rec"


@pytest.mark.parametrize("word", ["skip", "Skip", " SKIP. ", "pass", "-"])
def test_typing_skip_means_the_skip_button(word: str) -> None:
    dialog, checkin = fresh("not")
    checkin.note = "old"
    typed(dialog, checkin, word)
    assert checkin.note is None and "not" in checkin.answered and dialog.step == "rec"
    dialog.step = "ons"
    typed(dialog, checkin, word)
    assert "ons" in checkin.answered and dialog.step == "urg"


def test_no_awakenings_answers_their_length_and_skips_it() -> None:
    dialog, entry = diary("awk")
    typed(dialog, entry, "none")
    assert (entry.awakenings, entry.awake_min) == (0, 0)
    assert "wso" in entry.answered and dialog.step == "wak"
    engine.press(DIARY, dialog, entry, "back", AT)
    assert dialog.step == "awk"  # back skips the question that was not asked


def test_awakenings_changed_to_none_takes_their_minutes_along() -> None:
    """Editing 2 awakenings of 30 minutes to none: the 30 minutes go too (not refused)."""
    dialog, entry = diary("awk")
    typed(dialog, entry, "2")
    typed(dialog, entry, "30")
    assert (entry.awakenings, entry.awake_min) == (2, 30)
    dialog.step, dialog.return_to_recap = "awk", True
    typed(dialog, entry, "0")
    assert (entry.awakenings, entry.awake_min, dialog.step) == (0, 0, "rec")


def test_an_answer_that_cannot_be_right_with_the_others_is_refused_whole() -> None:
    dialog, entry = diary("try")
    entry.bed_time, entry.answered = time(23, 40), ["bed"]
    with pytest.raises(Problem) as refused:
        typed(dialog, entry, "23:10")
    assert english(refused) == (
        "You tried to sleep at 23:10, before you went to bed at 23:40 — which one should change?"
    )
    assert entry.tried_time is None and entry.answered == ["bed"] and dialog.step == "try"


def test_every_question_of_both_entries_has_a_known_kind_and_fields() -> None:
    for spec in (CHECKIN, DIARY):
        keys = [f.key for f in spec.fields()]
        assert len(keys) == len(set(keys)), f"{spec.name}: a field key twice"
        for question in spec.questions:
            assert question.stored_fields(), f"{spec.name}.{question.id} stores nothing"
