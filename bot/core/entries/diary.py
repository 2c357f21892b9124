"""The morning sleep diary: the Consensus Sleep Diary core plus two RLS items (Carney et al.,
SLEEP 2012;35(2):287-302; docs/CLINICAL_NOTES.md)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from typing import Any

from bot.core.entries.checkin import NOTE_MAX_CHARS
from bot.core.entries.spec import EntryRow, EntrySpec, Field, Kind, Option, Question
from bot.core.sleep_diary import (
    DiaryError,
    DiaryField,
    LegsImpact,
    SleepMetrics,
    SleepQuality,
    metrics,
    validate,
)
from bot.core.sleep_times import DiaryTimes
from bot.i18n import N_
from bot.i18n.problems import MORNING_TIMES

MINUTE_BUTTONS = (0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180)  # more: typed
COUNT_BUTTONS = (0, 1, 2, 3, 4, 5)
AWAKENING_BUTTONS = (0, 1, 2, 3, 4, 5, 6, 7, 8)  # more: typed
TIME_HINT = N_("Tap a time, or type one like {examples}.")
NIGHT_TIMES = N_("23:40 or 11:40pm")  # going to bed and to sleep
MINUTES_HINT = N_("Tap, or type minutes like 25 or 1 h 10.")
COUNT_HINT = N_("Tap, or type a number.")
MINUTES = N_("minutes")
PERCENT = N_("percent")


def _time(qid: str, column: str, export: str, prompt: str, label: str, about: str,
          default: time, examples: str = NIGHT_TIMES, **rule: Any) -> Question:  # fmt: skip
    return Question(
        qid, Kind.TIME, prompt, label, (Field(column, export, about),),
        hint=TIME_HINT, per_row=3, default_time=default, examples=examples, **rule,
    )  # fmt: skip


def _amount(qid: str, kind: Kind, column: str, export: str, prompt: str, label: str,
            about: str, **rule: Any) -> Question:  # fmt: skip
    minutes = kind is Kind.DURATION
    buttons = {"buttons": MINUTE_BUTTONS if minutes else COUNT_BUTTONS,
               "per_row": 3 if minutes else 6}  # fmt: skip
    return Question(
        qid, kind, prompt, label, (Field(column, export, about),),
        hint=MINUTES_HINT if minutes else COUNT_HINT, **(buttons | rule),
    )  # fmt: skip


def times_of(row: Any) -> DiaryTimes:
    return DiaryTimes(
        bed=row.bed_time, tried=row.tried_time, wake=row.wake_time, out_of_bed=row.out_time
    )


def metrics_of(row: Any, zone: str) -> SleepMetrics:
    return metrics(row.night, zone, times_of(row), row.latency_min, row.awake_min)


def _check(row: EntryRow, zone: str) -> None:
    entry: Any = row
    validate(
        entry.night, zone, times_of(entry), entry.latency_min, entry.awakenings, entry.awake_min
    )


# The question of each answer a diary check can ask about again.
ASKED_AGAIN: dict[DiaryField, str] = {
    "bed": "bed", "tried": "try", "latency": "sol", "awakenings": "awk", "awake": "wso",
    "wake": "wak", "out_of_bed": "out",
}  # fmt: skip


def _asks(problem: Exception) -> str | None:
    return ASKED_AGAIN[problem.field] if isinstance(problem, DiaryError) else None


def _derive(row: EntryRow, zone: str) -> Mapping[str, object]:
    found = metrics_of(row, zone)
    return {
        "time_in_bed_min": found.time_in_bed_min,
        "total_sleep_min": found.total_sleep_min,
        "sleep_efficiency_pct": found.sleep_efficiency_pct,
    }


def _woke_in_the_night(row: EntryRow) -> bool:
    awakenings: int | None = getattr(row, "awakenings", None)
    return awakenings != 0


DIARY = EntrySpec(
    name="diary",
    title=N_("Sleep diary"),
    saved_title=N_("✅ Sleep diary saved"),
    saved_intro=N_("This night's diary is saved."),
    where_now=N_("Here is where your sleep diary is now:"),
    thanks=N_("Thank you. /morning shows it again."),
    questions=(
        _time("bed", "bed_time", "bed_time", N_("What time did you get into bed?"),
              N_("Into bed"), N_("Got into bed (HH:MM)"), time(23, 0)),
        _time("try", "tried_time", "tried_to_sleep_time",
              N_("What time did you try to go to sleep?"), N_("Tried to sleep"),
              N_("Started trying to sleep (HH:MM)"), time(23, 15), buttons_from="bed_time"),
        _amount("sol", Kind.DURATION, "latency_min", "minutes_to_fall_asleep",
                N_("How long did it take you to fall asleep?"), N_("Fell asleep after"),
                N_("Minutes it took to fall asleep")),
        _amount("awk", Kind.COUNT, "awakenings", "awakenings",
                N_("How many times did you wake up, not counting the last time?"),
                N_("Woke up"), N_("Number of times woken during the night"),
                buttons=AWAKENING_BUTTONS, per_row=5),
        _amount("wso", Kind.DURATION, "awake_min", "minutes_awake_in_night",
                N_("In total, how long did those awakenings last?"), N_("Awake in the night"),
                N_("Total minutes awake during those awakenings"),
                asked_if=_woke_in_the_night, implied=0),
        _time("wak", "wake_time", "final_wake_time", N_("What time was your final awakening?"),
              N_("Final awakening"), N_("Final awakening (HH:MM)"), time(7, 0),
              MORNING_TIMES),
        _time("out", "out_time", "out_of_bed_time",
              N_("What time did you get out of bed for the day?"), N_("Out of bed"),
              N_("Got out of bed (HH:MM)"), time(7, 15), MORNING_TIMES),
        Question(
            "qua",
            Kind.CHOICE,
            prompt=N_("How would you rate the quality of your sleep?"),
            label=N_("Quality"),
            fields=(
                Field(
                    "quality",
                    "sleep_quality",
                    N_("1 very poor, 2 poor, 3 fair, 4 good, 5 very good"),
                ),
            ),
            options=(
                Option("1", N_("Very poor"), value=SleepQuality.VERY_POOR.value),
                Option("2", N_("Poor"), value=SleepQuality.POOR.value),
                Option("3", N_("Fair"), value=SleepQuality.FAIR.value),
                Option("4", N_("Good"), value=SleepQuality.GOOD.value),
                Option("5", N_("Very good"), value=SleepQuality.VERY_GOOD.value),
            ),
        ),
        Question(
            "leg",
            Kind.CHOICE,
            prompt=N_("Did your legs keep you awake or wake you up?"),
            label=N_("Legs woke you"),
            fields=(
                Field(
                    "legs",
                    "legs_disturbed_sleep",
                    N_("Legs kept awake or woke: 0 no, 1 a little, 2 a lot"),
                ),
            ),
            options=(
                Option("0", N_("No"), value=LegsImpact.NO.value),
                Option("1", N_("A little"), value=LegsImpact.A_LITTLE.value),
                Option("2", N_("A lot"), value=LegsImpact.A_LOT.value),
            ),
        ),
        _amount("wlk", Kind.COUNT, "walks", "times_up_to_walk",
                N_("How many times did you get up to walk or move to ease your legs?"),
                N_("Got up to move"), N_("Times got up to walk or move the legs")),
        Question(
            "com",
            Kind.TEXT,
            prompt=N_("Any comments on the night? Type them, or Skip."),
            label=N_("Comments"),
            fields=(Field("comments", "comments", N_("The free comments from the morning diary")),),
            maximum=NOTE_MAX_CHARS,
        ),
    ),
    check=_check,
    asks=_asks,
    derived=(
        Field("time_in_bed_min", "time_in_bed_min",
              N_("Derived: minutes from into bed to out of bed"), unit=MINUTES),
        Field("total_sleep_min", "total_sleep_min",
              N_("Derived: minutes asleep (sleep diary definition)"), unit=MINUTES),
        Field("sleep_efficiency_pct", "sleep_efficiency_pct",
              N_("Derived: total sleep / time in bed x 100"), unit=PERCENT),
    ),
    derive=_derive,
)  # fmt: skip
