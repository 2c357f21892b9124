"""Morning sleep diary core: placing clock times, checks, Consensus Sleep Diary measures, parsing.

Expected values are worked out by hand in the comments (UTC instants where DST matters).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.entries.diary import DIARY
from bot.core.problems import Problem
from bot.core.sleep_choices import time_choices, usual_time
from bot.core.sleep_diary import (
    DiaryError,
    LegsImpact,
    SleepMetrics,
    SleepQuality,
    metrics,
    validate,
)
from bot.core.sleep_times import DiaryTimes, resolve_times
from bot.i18n import texts_for
from bot.i18n.problems import problem_text
from bot.parsing.amounts import parse_count, parse_minutes
from bot.parsing.clock import parse_clock as parse_diary_clock

ENGLISH = texts_for("en")


def said(problem: Problem) -> str:
    """The problem as an English-speaking user reads it."""
    return problem_text(ENGLISH, problem)


def format_minutes(minutes: int) -> str:
    return ENGLISH.minutes(minutes)


BERLIN = "Europe/Berlin"
NIGHT = date(2026, 5, 14)  # no DST change anywhere near
AUTUMN = date(2026, 10, 24)  # Berlin: 03:00 CEST → 02:00 CET on 2026-10-25
SPRING = date(2026, 3, 28)  # Berlin: 02:00 CET → 03:00 CEST on 2026-03-29


def t(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def diary(
    bed: str | None = None,
    tried: str | None = None,
    wake: str | None = None,
    out: str | None = None,
) -> DiaryTimes:
    def clock(text: str | None) -> time | None:
        return None if text is None else t(text)

    return DiaryTimes(bed=clock(bed), tried=clock(tried), wake=clock(wake), out_of_bed=clock(out))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def check(
    times: DiaryTimes,
    latency: int | None = None,
    awakenings: int | None = None,
    awake: int | None = None,
    night: date = NIGHT,
) -> None:
    validate(night, BERLIN, times, latency, awakenings, awake)


def fails(
    times: DiaryTimes,
    latency: int | None = None,
    awakenings: int | None = None,
    awake: int | None = None,
    night: date = NIGHT,
) -> DiaryError:
    with pytest.raises(DiaryError) as caught:
        check(times, latency, awakenings, awake, night)
    return caught.value


# ---------------------------------------------------------------- resolve_times


def test_evening_times_stay_on_the_night_and_morning_times_move_to_the_next_day() -> None:
    line = resolve_times(NIGHT, BERLIN, diary("23:40", "23:55", "07:00", "07:20"))
    tz = ZoneInfo(BERLIN)
    assert line.bed == datetime(2026, 5, 14, 23, 40, tzinfo=tz)
    assert line.tried == datetime(2026, 5, 14, 23, 55, tzinfo=tz)
    assert line.wake == datetime(2026, 5, 15, 7, 0, tzinfo=tz)
    assert line.out_of_bed == datetime(2026, 5, 15, 7, 20, tzinfo=tz)
    assert line.bed is not None and line.bed.tzinfo == tz


@pytest.mark.parametrize(
    ("field", "clock", "day"),
    [
        ("bed", "12:00", 14),  # noon pivot: 12:00 and later is the evening
        ("bed", "11:59", 15),
        ("bed", "00:30", 15),
        ("tried", "23:59", 14),
        ("tried", "00:00", 15),
        ("wake", "13:00", 15),  # a late sleeper's afternoon is still the next day
        ("wake", "17:59", 15),
        ("wake", "18:00", 14),  # 18:00 pivot for wake / out of bed
        ("out_of_bed", "17:30", 15),
        ("out_of_bed", "23:10", 14),
    ],
)
def test_pivots(field: str, clock: str, day: int) -> None:
    line = resolve_times(NIGHT, BERLIN, DiaryTimes(**{field: t(clock)}))
    instant = getattr(line, field)
    assert (instant.day, instant.time()) == (day, t(clock))


def test_skipped_answers_stay_none() -> None:
    line = resolve_times(NIGHT, BERLIN, diary(bed="23:00"))
    assert line.tried is None and line.wake is None and line.out_of_bed is None


def test_unknown_zone_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        resolve_times(NIGHT, "Mars/Olympus", diary("23:00"))


def test_spring_gap_moves_a_nonexistent_time_forward_by_the_gap() -> None:
    # 02:30 doesn't exist in Berlin on 2026-03-29; it becomes 03:30 CEST = 01:30 UTC.
    line = resolve_times(SPRING, BERLIN, diary(bed="23:00", wake="02:30"))
    assert line.wake is not None
    assert line.wake.time() == t("03:30")
    assert line.wake.utcoffset() == timedelta(hours=2)
    assert line.wake.astimezone(UTC) == utc(2026, 3, 29, 1, 30)


def test_autumn_repeat_takes_the_first_occurrence() -> None:
    # 02:30 happens twice on 2026-10-25; fold=0 is the first, still CEST (+2) = 00:30 UTC.
    line = resolve_times(AUTUMN, BERLIN, diary(tried="02:30"))
    assert line.tried is not None
    assert line.tried.utcoffset() == timedelta(hours=2)
    assert line.tried.astimezone(UTC) == utc(2026, 10, 25, 0, 30)


# ---------------------------------------------------------------- metrics


def test_normal_night() -> None:
    # TIB 23:00→07:00 = 480; tried→wake 23:15→06:45 = 450; TST = 450 - 20 - 30 = 400;
    # SE = 400 / 480 = 83.33 → 83.3
    got = metrics(NIGHT, BERLIN, diary("23:00", "23:15", "06:45", "07:00"), 20, 30)
    assert got == SleepMetrics(
        time_in_bed_min=480,
        total_sleep_min=400,
        sleep_onset_latency_min=20,
        waso_min=30,
        sleep_efficiency_pct=83.3,
    )
    check(diary("23:00", "23:15", "06:45", "07:00"), 20, 2, 30)


def test_bed_after_midnight() -> None:
    # All on 05-15. TIB 00:30→08:00 = 450; 00:45→07:30 = 405; TST = 405 - 15 - 10 = 380;
    # SE = 380 / 450 = 84.44 → 84.4
    times = diary("00:30", "00:45", "07:30", "08:00")
    got = metrics(NIGHT, BERLIN, times, 15, 10)
    assert (got.time_in_bed_min, got.total_sleep_min, got.sleep_efficiency_pct) == (450, 380, 84.4)
    check(times, 15, 1, 10)


def test_late_sleeper() -> None:
    # Bed 03:00, up 13:30, all on 05-15. TIB = 630; 03:00→13:00 = 600; TST = 600 - 30 - 0 = 570;
    # SE = 570 / 630 = 90.48 → 90.5
    times = diary("03:00", "03:00", "13:00", "13:30")
    got = metrics(NIGHT, BERLIN, times, 30, 0)
    assert (got.time_in_bed_min, got.total_sleep_min, got.sleep_efficiency_pct) == (630, 570, 90.5)
    check(times, 30, 0, 0)


def test_berlin_autumn_night_is_an_hour_longer_than_the_wall_clock() -> None:
    # bed 23:00 CEST = 21:00Z, tried 23:30 = 21:30Z, wake 06:30 CET = 05:30Z, out 07:00 = 06:00Z.
    # TIB = 9 h = 540 (wall clock says 8 h); tried→wake = 8 h = 480; TST = 480 - 15 - 45 = 420;
    # SE = 420 / 540 = 77.78 → 77.8
    times = diary("23:00", "23:30", "06:30", "07:00")
    got = metrics(AUTUMN, BERLIN, times, 15, 45)
    assert (got.time_in_bed_min, got.total_sleep_min, got.sleep_efficiency_pct) == (540, 420, 77.8)
    check(times, 15, 3, 45, night=AUTUMN)


def test_berlin_spring_night_is_an_hour_shorter_than_the_wall_clock() -> None:
    # bed 23:00 CET = 22:00Z, wake 07:00 CEST = 05:00Z, out 07:30 = 05:30Z.
    # TIB = 7 h 30 = 450 (wall: 8 h 30); tried→wake = 420; TST = 420 - 10 - 20 = 390;
    # SE = 390 / 450 = 86.67 → 86.7
    times = diary("23:00", "23:00", "07:00", "07:30")
    got = metrics(SPRING, BERLIN, times, 10, 20)
    assert (got.time_in_bed_min, got.total_sleep_min, got.sleep_efficiency_pct) == (450, 390, 86.7)


def test_spring_wake_in_the_gap_counts_real_minutes() -> None:
    # bed/tried 23:00 CET = 22:00Z; wake "02:30" → 03:30 CEST = 01:30Z → 210 real minutes.
    got = metrics(SPRING, BERLIN, diary("23:00", "23:00", "02:30", "02:30"), 0, 0)
    assert (got.time_in_bed_min, got.total_sleep_min, got.sleep_efficiency_pct) == (210, 210, 100.0)


def test_missing_answers_give_none_not_guesses() -> None:
    # No out-of-bed time: no TIB (no fallback to the wake time), so no SE either.
    got = metrics(NIGHT, BERLIN, diary("23:00", "23:15", "06:45"), 20, 30)
    assert got == SleepMetrics(None, 400, 20, 30, None)
    # No tried-to-sleep time: no TST (bed isn't used in its place).
    got = metrics(NIGHT, BERLIN, diary("23:00", None, "06:45", "07:00"), 20, 30)
    assert got == SleepMetrics(480, None, 20, 30, None)
    # SOL or WASO skipped: no TST.
    assert metrics(NIGHT, BERLIN, diary("23:00", "23:15", "06:45", "07:00"), None, 30) == (
        SleepMetrics(480, None, None, 30, None)
    )
    assert metrics(NIGHT, BERLIN, diary("23:00", "23:15", "06:45", "07:00"), 20, None) == (
        SleepMetrics(480, None, 20, None, None)
    )
    assert metrics(NIGHT, BERLIN, DiaryTimes(), None, None) == SleepMetrics(
        None, None, None, None, None
    )


def test_contradictory_answers_give_none_rather_than_nonsense() -> None:
    # Unvalidated: 300 min awake in a 450-min window with 200 to fall asleep → TST < 0.
    got = metrics(NIGHT, BERLIN, diary("23:00", "23:15", "06:45", "07:00"), 200, 300)
    assert got.total_sleep_min is None and got.sleep_efficiency_pct is None
    # Out of bed before bed → no TIB.
    got = metrics(NIGHT, BERLIN, diary("23:00", out="22:00"), 0, 0)
    assert got.time_in_bed_min is None


def test_efficiency_rounds_half_up() -> None:
    # TIB 23:00→07:00 = 480; TST = 450 - 0 - 42 = 408 → 408 / 480 = 85.0 exactly.
    got = metrics(NIGHT, BERLIN, diary("23:00", "23:15", "06:45", "07:00"), 0, 42)
    assert got.sleep_efficiency_pct == 85.0
    # TIB 23:00→05:40 = 400; TST = 400 - 0 - 3 = 397 → 99.25 → 99.3 (half up; round() gives 99.2)
    got = metrics(NIGHT, BERLIN, diary("23:00", "23:00", "05:40", "05:40"), 0, 3)
    assert got.sleep_efficiency_pct == 99.3
    # TST 0 (awake all night) is a real answer: SE 0.0
    got = metrics(NIGHT, BERLIN, diary("23:00", "23:00", "07:00", "07:00"), 480, 0)
    assert (got.total_sleep_min, got.sleep_efficiency_pct) == (0, 0.0)


# ---------------------------------------------------------------- validate: times


def test_tried_before_bed() -> None:
    err = fails(diary("23:40", "23:10"))
    assert err.field == "tried"
    assert said(err) == (
        "You tried to sleep at 23:10, before you went to bed at 23:40 — which one should change?"
    )


def test_tried_at_bedtime_is_fine() -> None:
    check(diary("23:40", "23:40", "07:00", "07:00"))


def test_tried_after_midnight_is_after_bed() -> None:
    check(diary("23:40", "00:10", "07:00", "07:10"))


def test_wake_before_tried() -> None:
    err = fails(diary("22:00", "22:30", "19:00"))
    assert err.field == "wake"
    assert said(err) == (
        "You woke up at 19:00, before you tried to sleep at 22:30 — which one should change?"
    )


def test_wake_before_bed_when_tried_is_skipped() -> None:
    err = fails(diary("23:40", None, "23:10"))
    assert err.field == "wake"
    assert "before you went to bed at 23:40" in said(err)


def test_wake_at_the_moment_of_trying_to_sleep() -> None:
    err = fails(diary("22:00", "23:00", "23:00"))
    assert err.field == "wake"
    assert "at the same time as you tried to sleep at 23:00" in said(err)


def test_out_of_bed_before_wake() -> None:
    err = fails(diary("23:00", "23:15", "07:00", "06:45"))
    assert err.field == "out_of_bed"
    assert said(err) == (
        "You got up at 06:45, before you woke up at 07:00 — which one should change?"
    )


def test_out_of_bed_before_bed_when_wake_is_skipped() -> None:
    err = fails(diary("23:40", out="23:00"))
    assert err.field == "out_of_bed"
    assert "before you went to bed at 23:40" in said(err)


def test_out_of_bed_at_wake_is_fine() -> None:
    check(diary("23:00", "23:00", "07:00", "07:00"))


def test_night_longer_than_20_hours() -> None:
    # bed 12:00 on the 14th, out 09:00 on the 15th: 21 h.
    err = fails(diary("12:00", out="09:00"))
    assert err.field == "out_of_bed"
    assert said(err) == (
        "From 12:00 to 09:00 would be 21 h 00 min — could you check when you got up?"
    )
    check(diary("12:00", out="08:00"))  # exactly 20 h is allowed


def test_night_longer_than_20_hours_names_the_last_answer() -> None:
    err = fails(diary("12:30", "13:00", "10:00"))
    assert err.field == "wake"


# ---------------------------------------------------------------- validate: numbers


def test_fell_asleep_after_waking() -> None:
    # tried 23:00, wake 00:30 → 90 min; 120 to fall asleep runs past it.
    err = fails(diary("23:00", "23:00", "00:30"), latency=120)
    assert err.field == "latency"
    assert said(err) == (
        "2 h 00 min to fall asleep after you tried to sleep at 23:00 runs past your waking "
        "at 00:30 — how long did it take?"
    )
    check(diary("23:00", "23:00", "00:30"), latency=90)  # asleep exactly as the night ended


def test_fell_asleep_after_waking_uses_bed_when_tried_is_skipped() -> None:
    err = fails(diary("23:00", None, "00:30"), latency=120)
    assert err.field == "latency"
    assert "after you went to bed at 23:00" in said(err)


def test_awake_longer_than_the_night() -> None:
    # tried 23:00 → wake 01:00 = 120 min; 30 + 100 = 130 > 120.
    err = fails(diary("23:00", "23:00", "01:00"), latency=30, awakenings=2, awake=100)
    assert err.field == "awake"
    assert said(err) == (
        "1 h 40 min awake, plus 30 min to fall asleep, is more than the 2 h 00 min from 23:00 "
        "to 01:00 — how long were you awake in the night?"
    )
    check(diary("23:00", "23:00", "01:00"), latency=30, awakenings=2, awake=90)


def test_awake_longer_than_the_night_without_latency() -> None:
    err = fails(diary("23:00", "23:00", "01:00"), awakenings=1, awake=121)
    assert err.field == "awake"
    assert said(err).startswith("2 h 01 min awake is more than the 2 h 00 min")


def test_autumn_night_checks_use_real_time() -> None:
    # tried 01:30 CEST = 23:30Z, wake 03:00 CET = 02:00Z: 150 real minutes (90 on the wall).
    times = diary("01:30", "01:30", "03:00", "03:00")
    check(times, latency=120, awakenings=0, awake=0, night=AUTUMN)
    assert metrics(AUTUMN, BERLIN, times, 120, 0).total_sleep_min == 30


def test_spring_night_checks_use_real_time() -> None:
    # tried 01:30 CET = 00:30Z, wake 03:30 CEST = 01:30Z: 60 real minutes (120 on the wall).
    err = fails(diary("01:30", "01:30", "03:30"), latency=90, night=SPRING)
    assert err.field == "latency"


def test_awake_minutes_without_awakenings() -> None:
    err = fails(DiaryTimes(), awakenings=0, awake=30)
    assert err.field == "awake"
    assert said(err) == (
        "You were awake 30 min in the night, but you said you didn't wake up — "
        "which one should change?"
    )


def test_awakenings_with_zero_minutes_awake_is_fine() -> None:
    check(diary("23:00", "23:15", "06:45", "07:00"), latency=20, awakenings=3, awake=0)


@pytest.mark.parametrize(
    ("latency", "awakenings", "awake", "field"),
    [
        (-1, None, None, "latency"),
        (721, None, None, "latency"),
        (None, -1, None, "awakenings"),
        (None, 51, None, "awakenings"),
        (None, None, -5, "awake"),
        (None, None, 721, "awake"),
    ],
)
def test_impossible_numbers(
    latency: int | None, awakenings: int | None, awake: int | None, field: str
) -> None:
    err = fails(DiaryTimes(), latency, awakenings, awake)
    assert err.field == field
    assert said(err) and len(said(err)) < 100


def test_limits_themselves_are_allowed() -> None:
    check(DiaryTimes(), latency=720, awakenings=50, awake=720)
    check(DiaryTimes(), latency=0, awakenings=0, awake=0)


def test_numbers_are_checked_before_times() -> None:
    err = fails(diary("23:40", "23:10"), latency=-3)
    assert err.field == "latency"


def test_everything_skipped_passes() -> None:
    check(DiaryTimes())
    check(diary(wake="07:00"), latency=30, awakenings=2, awake=20)
    check(diary(bed="23:00"), latency=600)  # no wake time: nothing to compare with


def test_diary_error_is_a_value_error() -> None:
    assert issubclass(DiaryError, ValueError)


# ---------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("20", 20),
        ("20 min", 20),
        ("20 mins", 20),
        ("20min", 20),
        ("20 minutes", 20),
        ("20m", 20),
        ("about 20", 20),
        ("~20", 20),
        ("20ish", 20),
        ("20?", 20),
        ("1h", 60),
        ("1 h", 60),
        ("1 h 15", 75),
        ("1h15", 75),
        ("1h 15m", 75),
        ("1 hour 15 minutes", 75),
        ("1 hour and 15 minutes", 75),
        ("2 hours", 120),
        ("1.5 h", 90),
        ("1,5 h", 90),
        ("1:15", 75),
        ("0:45", 45),
        ("an hour", 60),
        ("one hour", 60),
        ("half an hour", 30),
        ("about half an hour", 30),
        ("a quarter of an hour", 15),
        ("an hour and a half", 90),
        ("one and a half hours", 90),
        ("2 hours and a half", 150),
        ("fifteen", 15),
        ("twenty-five minutes", 25),
        ("Forty five", 45),
        ("none", 0),
        ("None.", 0),
        ("no", 0),
        ("0", 0),
        ("immediately", 0),
        ("720", 720),
        ("12 h", 720),
        ("  30  ", 30),
    ],
)
def test_parse_minutes(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "Please send a number of minutes"),
        ("-5", "can't be negative"),
        ("\u22125 min", "can't be negative"),
        ("721", "more than 12 hours"),
        ("13 hours", "13 h 00 min is more than 12 hours"),
        ("20-30", "one number"),
        ("20 to 30 min", "one number"),
        ("1.5", "Is that hours?"),
        ("1:75", "stop at 59"),
        ("a few", "best guess"),
        ("banana", "couldn't read that as minutes"),
        ("<b>x</b>", "couldn't read that as minutes"),
    ],
)
def test_parse_minutes_rejects(text: str, reason: str) -> None:
    with pytest.raises(Problem) as caught:
        parse_minutes(text)
    assert re.search(reason, said(caught.value))
    assert "<" not in said(caught.value)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("3", 3),
        ("three", 3),
        ("Three times", 3),
        ("3 times", 3),
        ("3x", 3),
        ("x3", 3),
        ("once", 1),
        ("twice", 2),
        ("a couple", 2),
        ("about 4", 4),
        ("none", 0),
        ("never", 0),
        ("0", 0),
        ("zero", 0),
        ("twenty", 20),
        ("50", 50),
    ],
)
def test_parse_count(text: str, count: int) -> None:
    assert parse_count(text) == count


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "Please send a number"),
        ("-1", "below zero"),
        ("51", "more than 50"),
        ("2.5", "whole number"),
        ("2-3", "one number"),
        ("several", "best guess"),
        ("lots and lots", "couldn't read that as a number"),
    ],
)
def test_parse_count_rejects(text: str, reason: str) -> None:
    with pytest.raises(Problem) as caught:
        parse_count(text)
    assert re.search(reason, said(caught.value))


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("7", "07:00"),
        ("11", "11:00"),
        ("23", "23:00"),
        ("7:30", "07:30"),
        ("0730", "07:30"),
        ("6.45", "06:45"),
        ("11pm", "23:00"),
        ("7ish", "07:00"),
        ("about 7", "07:00"),
        ("seven", "07:00"),
        ("seven thirty", "07:30"),
        ("eleven pm", "23:00"),
        ("half past 6", "06:30"),
        ("half past eleven pm", "23:30"),
        ("quarter past 7", "07:15"),
        ("quarter to 7", "06:45"),
        ("quarter to midnight", "23:45"),
        ("half 7", "07:30"),
        ("midnight", "00:00"),
        ("noon", "12:00"),
    ],
)
def test_parse_diary_clock(text: str, clock: str) -> None:
    assert parse_diary_clock(text) == t(clock)


@pytest.mark.parametrize("text", ["", "25:00", "7:75", "banana", "quarter to 7:30"])
def test_parse_diary_clock_rejects(text: str) -> None:
    with pytest.raises(Problem):
        parse_diary_clock(text)


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [(0, "0 min"), (45, "45 min"), (60, "1 h 00 min"), (425, "7 h 05 min"), (400, "6 h 40 min")],
)
def test_format_minutes(minutes: int, shown: str) -> None:
    assert format_minutes(minutes) == shown


def test_format_minutes_rejects_negative() -> None:
    with pytest.raises(ValueError):
        format_minutes(-1)


# ---------------------------------------------------------------- usual times and buttons


@pytest.mark.parametrize(
    ("entries", "usual"),
    [
        (["23:30", "00:30"], "00:00"),  # across midnight: not 12:00
        (["23:50", "00:20", "00:05"], "00:05"),
        (["07:00"], "07:00"),
        (["07:02"], "07:00"),  # rounded to 5 minutes
        (["07:03"], "07:05"),
        (["23:58"], "00:00"),  # rounding wraps past midnight
        (["23:00", "23:10", "22:50", "04:00"], "23:05"),  # median: one bad night doesn't drag
        (["06:30", "07:00", "07:15", "06:45", "07:00"], "07:00"),
    ],
)
def test_usual_time(entries: list[str], usual: str) -> None:
    assert usual_time([t(e) for e in entries]) == t(usual)


def test_usual_time_without_a_clear_middle() -> None:
    assert usual_time([]) is None
    assert usual_time([t("00:00"), t("12:00")]) is None
    assert usual_time([t("00:00"), t("08:00"), t("16:00")]) is None


def test_usual_time_looks_at_the_last_two_weeks() -> None:
    old = [t("12:00")] * 10
    recent = [t("23:00")] * 14
    assert usual_time(old + recent) == t("23:00")


def test_time_choices_centred_and_in_clock_order_across_midnight() -> None:
    assert time_choices(t("23:45"), t("22:00")) == [
        t("23:15"),
        t("23:30"),
        t("23:45"),
        t("00:00"),
        t("00:15"),
        t("00:30"),
    ]


def test_time_choices_fall_back_to_the_default() -> None:
    assert time_choices(None, t("07:00"), count=5, step_min=10) == [
        t("06:40"),
        t("06:50"),
        t("07:00"),
        t("07:10"),
        t("07:20"),
    ]


def test_time_choices_never_before_an_earlier_answer() -> None:
    assert time_choices(None, time(23, 15), not_before=time(23, 40)) == [
        time(23, 40), time(23, 45), time(0, 0), time(0, 15), time(0, 30), time(0, 45)
    ]  # fmt: skip
    assert time_choices(None, time(23, 15), not_before=time(22, 0)) == time_choices(
        None, time(23, 15)
    ), "all of them after it already: unchanged"
    assert time_choices(None, time(23, 15), not_before=time(1, 10))[:2] == [
        time(1, 10), time(1, 15)
    ]  # fmt: skip


def test_time_choices_wrap_backwards_over_midnight() -> None:
    assert time_choices(t("00:10"), t("23:00"), count=3, step_min=30) == [
        t("23:40"),
        t("00:10"),
        t("00:40"),
    ]
    assert time_choices(t("07:00"), t("23:00"), count=1) == [t("07:00")]


@pytest.mark.parametrize(("count", "step"), [(0, 15), (6, 0), (97, 15)])
def test_time_choices_rejects_bad_sizes(count: int, step: int) -> None:
    with pytest.raises(ValueError):
        time_choices(None, t("07:00"), count=count, step_min=step)


# ---------------------------------------------------------------- answer scales


def test_answer_scales() -> None:
    def labels(question_id: str) -> list[tuple[object, str]]:
        question = DIARY.question(question_id)
        assert question is not None
        return [(o.stored, ENGLISH.gettext(o.label)) for o in question.options]

    assert labels("qua") == [
        (SleepQuality.VERY_POOR, "Very poor"),
        (SleepQuality.POOR, "Poor"),
        (SleepQuality.FAIR, "Fair"),
        (SleepQuality.GOOD, "Good"),
        (SleepQuality.VERY_GOOD, "Very good"),
    ]
    assert int(SleepQuality.VERY_GOOD) == 5
    assert labels("leg") == [
        (LegsImpact.NO, "No"),
        (LegsImpact.A_LITTLE, "A little"),
        (LegsImpact.A_LOT, "A lot"),
    ]
