"""Monthly summary: every figure against values worked out by hand (arithmetic in comments).

November 2026 is the usual month (2026-11-24 is a Tuesday); October 2026 is "last month" and,
in Europe/Berlin, a DST month (the 24-25 October night is an hour longer), as is March 2026
(the 28-29 March night is an hour shorter).
"""

from __future__ import annotations

import re
from datetime import date, time
from fractions import Fraction

import pytest

from bot.core.doses import TakenDose
from bot.core.months import month_start
from bot.core.records import NightRecord
from bot.core.sleep_diary import DiaryTimes, metrics
from bot.core.summary import MonthSummary, months_with_entries, summarize
from bot.core.summary_model import Strength, Trend
from bot.core.summary_stats import round_half_up, strength, usual_clock
from bot.i18n import texts_for
from handlers.summary_view import details_text, summary_text

EN = texts_for("en")
NOV = date(2026, 11, 1)
OCT = date(2026, 10, 1)
BERLIN = "Europe/Berlin"
DOSE_WORDS = re.compile(
    r"\b(doses?|dosage|mg|increase|decrease|reduce|stop|switch|double|titrat\w*|augmentation"
    r"|diagnos\w*)\b",
    re.IGNORECASE,
)


def checkin(day: int, severity: int | None, month: date = NOV, **answers: object) -> NightRecord:
    """A saved check-in (no diary) for `day` of `month`."""
    return NightRecord(month.replace(day=day), checkin_saved=True, severity=severity, **answers)


def diary(day: int, sleep_min: int | None, month: date = NOV, **answers: object) -> NightRecord:
    """A saved diary (no check-in)."""
    return NightRecord(
        month.replace(day=day), diary_saved=True, total_sleep_min=sleep_min, **answers
    )


def both(day: int, severity: int, sleep_min: int, month: date = NOV, **answers: object):
    return NightRecord(
        month.replace(day=day),
        checkin_saved=True,
        severity=severity,
        diary_saved=True,
        total_sleep_min=sleep_min,
        **answers,
    )


def tags(text: str) -> set[str]:
    return set(re.findall(r"</?[^>]*>", text))


# ---------------------------------------------------------------- months and titles


def test_month_title_and_previous_month() -> None:
    assert EN.month_year(date(2026, 11, 1)) == "November 2026"
    assert EN.month_year(date(2027, 1, 31)) == "January 2027"
    assert month_start(date(2027, 1, 15), 1) == date(2026, 12, 1)
    assert month_start(date(2026, 3, 1), 1) == date(2026, 2, 1)


def test_months_with_entries_distinct_newest_first() -> None:
    nights = [date(2026, 10, 31), date(2026, 11, 1), date(2025, 12, 3), date(2026, 11, 30)]
    assert months_with_entries(nights) == [date(2026, 11, 1), date(2026, 10, 1), date(2025, 12, 1)]
    assert months_with_entries([]) == []


# ---------------------------------------------------------------- too few nights


def test_zero_nights() -> None:
    s = summarize([], NOV, [])
    assert (s.nights_logged, s.checkins, s.diaries, s.enough) == (0, 0, 0, False)
    text = summary_text(s, EN)
    assert "No nights logged in November 2026 yet." in text
    assert "3 more to go" in text
    assert "/checkin" in text


def test_one_night() -> None:
    s = summarize([both(3, 5, 400)], NOV, [])
    assert (s.nights_logged, s.checkins, s.diaries, s.enough) == (1, 1, 1, False)
    assert s.avg_severity is None and s.avg_sleep_min is None
    text = summary_text(s, EN)
    assert "1 night logged (1 check-in, 1 diary)." in text
    assert "2 more to go" in text


def test_two_nights_no_statistics() -> None:
    records = [checkin(3, 9, caffeine=True), diary(20, 300)]
    s = summarize(records, NOV, [checkin(d, 1, OCT) for d in (1, 2, 3)])
    assert (s.nights_logged, s.checkins, s.diaries, s.enough) == (2, 1, 1, False)
    # Counts only: no averages, picks, trend or factors on two nights.
    assert s == MonthSummary(month=NOV, nights_logged=2, checkins=1, diaries=1, enough=False)
    text = summary_text(s, EN)
    assert "2 nights logged (1 check-in, 1 diary)." in text
    assert "1 more to go" in text
    assert "/10" not in text


def test_unsaved_partials_and_other_months_are_ignored() -> None:
    records = [
        checkin(1, 4),
        checkin(2, 6),
        NightRecord(date(2026, 11, 3), severity=10),  # unsaved check-in: not a night
        NightRecord(date(2026, 11, 4), checkin_saved=True, severity=5, total_sleep_min=60),
        checkin(1, 10, month=OCT),  # another month
        checkin(1, 10, month=date(2026, 12, 1)),
    ]
    s = summarize(records, NOV, [])
    # Nights 1, 2, 4; ratings 4 + 6 + 5 = 15 / 3 = 5.0; night 4's diary was never saved.
    assert (s.nights_logged, s.checkins, s.diaries) == (3, 3, 0)
    assert s.avg_severity == 5.0
    assert s.sleep_nights == 0 and s.avg_sleep_min is None
    assert s.worst_night is not None and s.worst_night.total_sleep_min is None


def test_month_given_as_any_day_and_duplicate_nights() -> None:
    # Two saved records for 5 Nov: the later one (8) wins; an unsaved one doesn't replace it.
    records = [checkin(5, 2), checkin(5, 8), NightRecord(date(2026, 11, 5), severity=0)]
    records += [checkin(6, 5), checkin(7, 5)]
    s = summarize(records, date(2026, 11, 17), [])
    assert s.month == NOV
    # Ratings 8, 5, 5: 18 / 3 = 6.0
    assert (s.nights_logged, s.avg_severity) == (3, 6.0)


# ---------------------------------------------------------------- rating and trend


def test_average_severity_rounds_half_up_with_gaps() -> None:
    # Nights 1, 9, 20, 30 (gaps between); 6 + 6 + 7 + 6 = 25 / 4 = 6.25 → 6.3 (half up;
    # Python's round() would give 6.2).
    records = [checkin(1, 6), checkin(9, 6), checkin(20, 7), checkin(30, 6)]
    s = summarize(records, NOV, [])
    assert (s.severity_nights, s.avg_severity) == (4, 6.3)
    assert s.prev_avg_severity is None and s.severity_change is None
    assert s.severity_trend is None
    text = summary_text(s, EN)
    assert "<b>Restlessness</b>: 6.3/10 on average\n" in text
    assert "October" not in text


def test_average_needs_three_ratings() -> None:
    # Three nights logged but only two rated: no average (each average needs 3 values).
    s = summarize([checkin(1, 6), checkin(2, 8), diary(3, 400)], NOV, [])
    assert s.enough and s.severity_nights == 2 and s.avg_severity is None


def test_trend_lower() -> None:
    # This month 4 + 4 + 5 = 13 / 3 = 4.33 → 4.3; October 6 + 6 + 7 = 19 / 3 = 6.33 → 6.3.
    # Change 4.3 - 6.3 = -2.0 → lower.
    s = summarize(
        [checkin(2, 4), checkin(10, 4), checkin(28, 5)],
        NOV,
        [checkin(d, v, OCT) for d, v in ((5, 6), (6, 6), (31, 7))],
    )
    assert (s.avg_severity, s.prev_avg_severity, s.severity_change) == (4.3, 6.3, -2.0)
    assert s.severity_trend is Trend.LOWER
    assert "4.3/10 on average, lower than October's 6.3" in summary_text(s, EN)


def test_trend_about_the_same_and_the_boundary() -> None:
    this = [checkin(2, 4), checkin(10, 4), checkin(28, 5)]  # 13 / 3 → 4.3
    same = summarize(this, NOV, [checkin(d, v, OCT) for d, v in ((1, 4), (2, 5), (3, 4))])
    # October 4 + 5 + 4 = 13 / 3 → 4.3; change 0.0
    assert same.severity_change == 0.0 and same.severity_trend is Trend.SAME
    assert "about the same as October's 4.3" in summary_text(same, EN)
    near = summarize(this, NOV, [checkin(d, v, OCT) for d, v in ((1, 5), (2, 5), (3, 4))])
    # October 14 / 3 = 4.67 → 4.7; change 4.3 - 4.7 = -0.4 → still about the same
    assert near.severity_change == -0.4 and near.severity_trend is Trend.SAME
    # This month 5, 5, 5 = 5.0; October 4 + 4 + 5 + 5 = 18 / 4 = 4.5; change +0.5 → higher
    higher = summarize(
        [checkin(1, 5), checkin(2, 5), checkin(3, 5)],
        NOV,
        [checkin(d, v, OCT) for d, v in ((1, 4), (2, 4), (3, 5), (4, 5))],
    )
    assert higher.severity_change == 0.5 and higher.severity_trend is Trend.HIGHER
    assert "5.0/10 on average, higher than October's 4.5" in summary_text(higher, EN)


def test_trend_absent_when_last_month_has_under_three_ratings() -> None:
    this = [checkin(2, 4), checkin(10, 4), checkin(28, 5)]
    previous = [
        checkin(1, 9, OCT),
        checkin(2, 9, OCT),
        checkin(3, None, OCT),  # saved, no rating
        NightRecord(date(2026, 10, 4), severity=9),  # unsaved
        checkin(5, 9, month=date(2026, 9, 1)),  # not last month
    ]
    s = summarize(this, NOV, previous)
    assert s.prev_avg_severity is None and s.severity_trend is None
    assert "October" not in summary_text(s, EN)


def test_trend_in_january_names_december() -> None:
    jan, dec = date(2027, 1, 1), date(2026, 12, 1)
    s = summarize(
        [checkin(d, 3, jan) for d in (1, 2, 3)], jan, [checkin(d, 5, dec) for d in (29, 30, 31)]
    )
    # 3.0 - 5.0 = -2.0
    assert s.severity_change == -2.0
    assert "lower than December's 5.0" in summary_text(s, EN)


def test_best_and_hardest_nights_ties_go_to_the_later_night() -> None:
    records = [
        checkin(3, 2),
        checkin(10, 8),
        both(17, 2, 430),
        both(24, 8, 300),
        checkin(25, 5),
    ]
    s = summarize(records, NOV, [])
    assert s.best_night is not None and s.worst_night is not None
    assert (s.best_night.night, s.best_night.severity) == (date(2026, 11, 17), 2)
    assert s.best_night.total_sleep_min == 430
    assert (s.worst_night.night, s.worst_night.severity) == (date(2026, 11, 24), 8)
    text = summary_text(s, EN)
    assert "Best night: Tue 17 Nov, 2/10, slept 7 h 10 min" in text
    assert "Hardest night: Tue 24 Nov, 8/10, slept 5 h 00 min" in text


def test_no_best_or_hardest_when_every_rating_is_the_same() -> None:
    s = summarize([checkin(d, 4) for d in (1, 2, 3)], NOV, [])
    assert s.best_night is None and s.worst_night is None
    assert "Best night" not in summary_text(s, EN)


# ---------------------------------------------------------------- sleep


def test_sleep_averages() -> None:
    records = [
        diary(1, 330, sleep_efficiency_pct=80.0, quality=3, legs=0),
        diary(4, 345, sleep_efficiency_pct=85.5, quality=4, legs=1),
        diary(12, 420, sleep_efficiency_pct=90.1, quality=4, legs=2),
        diary(29, 400),
    ]
    s = summarize(records, NOV, [])
    # TST 330 + 345 + 420 + 400 = 1495 / 4 = 373.75 → 374 min = 6 h 14 min
    assert (s.sleep_nights, s.avg_sleep_min) == (4, 374)
    # SE 80.0 + 85.5 + 90.1 = 255.6 / 3 = 85.2; shown as 85 %
    assert s.avg_efficiency_pct == 85.2
    # Only 420 reaches 7 h (>= 420 min)
    assert s.nights_enough_sleep == 1
    # Quality 3 + 4 + 4 = 11 / 3 = 3.67 → 3.7; legs 1 and 2 disturbed, 2 of 3
    assert s.avg_quality == 3.7
    assert (s.legs_disturbed_nights, s.legs_answered) == (2, 3)
    text = summary_text(s, EN)
    assert "<b>Sleep</b>: average 6 h 14 min a night, efficiency 85%" in text
    assert "7 h or more on 1 of 4 nights" in text
    assert "about 5.5 hours, as reported; adults need 7 or more" in details_text(s, EN)


def test_efficiency_shown_half_up() -> None:
    # 84.5 + 84.5 + 84.5 = 84.5 → 85 % (format() alone would round to even: 84)
    s = summarize([diary(d, 400, sleep_efficiency_pct=84.5) for d in (1, 2, 3)], NOV, [])
    assert "efficiency 85%" in summary_text(s, EN)


def test_dst_autumn_month_31_nights() -> None:
    # Berlin, October 2026: into bed and trying to sleep 23:00, awake and up 07:00, nothing
    # awake in between. Ordinary nights 8 h = 480 min; 24→25 Oct clocks go back: 9 h = 540.
    def night(day: int) -> NightRecord:
        m = metrics(
            date(2026, 10, day),
            BERLIN,
            DiaryTimes(bed=time(23), tried=time(23), wake=time(7), out_of_bed=time(7)),
            0,
            0,
        )
        return NightRecord(
            date(2026, 10, day),
            diary_saved=True,
            total_sleep_min=m.total_sleep_min,
            time_in_bed_min=m.time_in_bed_min,
            sleep_efficiency_pct=m.sleep_efficiency_pct,
        )

    records = [night(d) for d in range(1, 32)]
    assert records[23].total_sleep_min == 540 and records[22].total_sleep_min == 480
    s = summarize([*records, diary(1, 60, month=NOV)], OCT, [])
    # 30 x 480 + 540 = 14 940 / 31 = 481.94 → 482 min = 8 h 02 min; the 1 Nov night is not ours
    assert (s.nights_logged, s.sleep_nights, s.avg_sleep_min) == (31, 31, 482)
    assert s.avg_efficiency_pct == 100.0
    assert s.nights_enough_sleep == 31
    assert "average 8 h 02 min a night" in summary_text(s, EN)


def test_dst_spring_month_with_gaps() -> None:
    # Berlin, March 2026: 28→29 Mar clocks go forward, 23:00 to 07:00 is 7 h = 420 min.
    # Nights 1-10 and 25-31 only (17 nights): 16 x 480 + 420 = 8 100 / 17 = 476.47 → 476.
    days = [*range(1, 11), *range(25, 32)]
    times = DiaryTimes(bed=time(23), tried=time(23), wake=time(7), out_of_bed=time(7))
    records = [
        diary(d, metrics(date(2026, 3, d), BERLIN, times, 0, 0).total_sleep_min, date(2026, 3, 1))
        for d in days
    ]
    assert records[days.index(28)].total_sleep_min == 420
    s = summarize(records, date(2026, 3, 1), [])
    assert (s.nights_logged, s.avg_sleep_min) == (17, 476)
    assert "average 7 h 56 min a night" in summary_text(s, EN)
    assert "7 h or more on 17 of 17 nights" in summary_text(s, EN)


# ---------------------------------------------------------------- onset and arms


def onsets(pairs: list[tuple[int, str]], month: date = NOV, **answers: object):
    return [checkin(day, 5, month, onset=onset, **answers) for day, onset in pairs]


def test_onset_counts_in_option_order() -> None:
    s = summarize(
        onsets([(1, "evening"), (2, "none"), (3, "evening"), (4, "bedtime"), (5, "morning")]),
        NOV,
        [],
    )
    assert s.onset_counts == (("none", 1), ("bedtime", 1), ("evening", 2), ("morning", 1))
    assert (
        "<b>Symptoms started</b>: at bedtime 1, evening 2, morning 1, no symptoms 1"
        in details_text(s, EN)
    )


def test_onset_moving_earlier_within_the_month() -> None:
    # Days 1-15: bedtime, bedtime, evening → ranks 1, 1, 2, mean 4/3.
    # Days 16-30: evening, evening, afternoon (+ two "none", left out) → 2, 2, 3, mean 7/3.
    # Shift 7/3 - 4/3 = 1.0 >= 0.5 → earlier.
    pairs = [(1, "bedtime"), (8, "bedtime"), (15, "evening")]
    pairs += [(16, "evening"), (18, "none"), (22, "evening"), (25, "none"), (30, "afternoon")]
    s = summarize(onsets(pairs), NOV, [])
    assert s.onset_shift_in_month == 1.0 and s.onset_shift_vs_previous is None
    assert s.onset_earlier and not s.arms_spreading and s.worth_raising
    text = summary_text(s, EN)
    assert (
        "Symptoms started earlier in the day this month. That can have several causes; "
        "it is worth raising with your doctor." in text
    )
    assert not DOSE_WORDS.search(text)


def test_onset_small_shift_is_not_earlier() -> None:
    # 1, 1, 2 (4/3) then 1, 2, 2 (5/3): shift 1/3 = 0.33 < 0.5
    pairs = [(1, "bedtime"), (2, "bedtime"), (3, "evening")]
    pairs += [(16, "bedtime"), (17, "evening"), (18, "evening")]
    s = summarize(onsets(pairs), NOV, [])
    assert s.onset_shift_in_month == 0.33 and not s.onset_earlier
    assert "doctor" not in summary_text(s, EN)


def test_onset_shift_of_exactly_half_a_rank_counts() -> None:
    # 1, 1, 1, 1 (mean 1) then 1, 2, 1, 2 (mean 1.5): shift 0.5
    pairs = [(1, "bedtime"), (2, "bedtime"), (3, "bedtime"), (4, "bedtime")]
    pairs += [(16, "bedtime"), (17, "evening"), (18, "bedtime"), (19, "evening")]
    s = summarize(onsets(pairs), NOV, [])
    assert s.onset_shift_in_month == 0.5 and s.onset_earlier


def test_onset_needs_three_nights_each_side() -> None:
    # Second half has only two nights with an onset ("none" doesn't count): no comparison.
    pairs = [(1, "bedtime"), (2, "bedtime"), (3, "bedtime")]
    pairs += [(16, "morning"), (17, "morning"), (18, "none")]
    s = summarize(onsets(pairs), NOV, [])
    assert s.onset_shift_in_month is None and not s.onset_earlier


def test_onset_earlier_than_last_month() -> None:
    # October: bedtime x 3 → mean 1. November: 2, 2 | 1, 2 → 7/4 = 1.75; shift 0.75.
    # Within November each half has only two nights: no in-month comparison.
    previous = onsets([(1, "bedtime"), (2, "bedtime"), (3, "bedtime")], OCT)
    s = summarize(
        onsets([(2, "evening"), (5, "evening"), (20, "bedtime"), (25, "evening")]), NOV, previous
    )
    assert s.onset_shift_in_month is None
    assert s.onset_shift_vs_previous == 0.75 and s.onset_earlier


def test_onset_later_than_last_month_is_not_flagged() -> None:
    previous = onsets([(1, "afternoon"), (2, "afternoon"), (3, "afternoon")], OCT)
    s = summarize(onsets([(2, "bedtime"), (5, "bedtime"), (20, "bedtime")]), NOV, previous)
    # 1 - 3 = -2.0: later in the day, not earlier
    assert s.onset_shift_vs_previous == -2.0 and not s.onset_earlier


def test_arms_new_this_month() -> None:
    previous = [checkin(d, 5, OCT, locations=("calves",)) for d in (1, 2, 3)]
    records = [
        checkin(4, 5, locations=("calves", "arms")),
        checkin(9, 5, locations=("arms",)),
        checkin(12, 5, locations=("calves", "feet")),
    ]
    s = summarize(records, NOV, previous)
    assert (s.arms_nights, s.prev_arms_nights, s.arms_spreading) == (2, 0, True)
    assert s.location_counts == (("calves", 2), ("feet", 1), ("arms", 2))
    assert "Symptoms reached your arms more often this month." in summary_text(s, EN)


def test_arms_on_one_night_only_is_not_flagged() -> None:
    previous = [checkin(d, 5, OCT, locations=("calves",)) for d in (1, 2, 3)]
    records = [checkin(4, 5, locations=("arms",)), checkin(5, 5), checkin(6, 5)]
    s = summarize(records, NOV, previous)
    assert (s.arms_nights, s.arms_spreading) == (1, False)


def test_arms_without_last_month_to_compare() -> None:
    # No October answers (prev None) and arms spread evenly: first 2/4, second 2/4, rise 0.
    first = [checkin(d, 5, locations=("arms",) if d < 3 else ("calves",)) for d in (1, 2, 3, 4)]
    second = [
        checkin(d, 5, locations=("arms",) if d < 18 else ("calves",)) for d in (16, 17, 18, 19)
    ]
    s = summarize(first + second, NOV, [])
    assert (s.arms_nights, s.prev_arms_nights, s.arms_spreading) == (4, None, False)
    assert "arms" not in summary_text(s, EN)


def test_arms_more_often_in_the_second_half() -> None:
    # October had arms once (prev 1, so not "new"). November first half 1 of 4 nights with a
    # body part (0.25), second half 2 of 4 (0.5): rise 0.25 >= 0.25 and 2 late nights.
    previous = [checkin(d, 5, OCT, locations=("arms",) if d == 1 else ("feet",)) for d in (1, 2, 3)]
    first = [checkin(d, 5, locations=("arms",) if d == 1 else ("calves",)) for d in (1, 2, 3, 4)]
    second = [
        checkin(d, 5, locations=("arms",) if d > 17 else ("calves",)) for d in (16, 17, 18, 19)
    ]
    s = summarize(first + second + [checkin(20, 5)], NOV, previous)
    assert (s.arms_nights, s.prev_arms_nights, s.arms_spreading) == (3, 1, True)


def test_earlier_and_arms_together_make_one_line() -> None:
    previous = onsets([(1, "bedtime"), (2, "bedtime"), (3, "bedtime")], OCT, locations=("feet",))
    records = onsets([(1, "evening"), (2, "evening"), (3, "evening")], locations=("arms",))
    s = summarize(records, NOV, previous)
    text = summary_text(s, EN)
    assert s.onset_earlier and s.arms_spreading
    assert (
        "Symptoms started earlier in the day and reached your arms more often this month. "
        "That can have several causes; it is worth raising with your doctor." in text
    )
    assert text.count("doctor") == 1
    assert not DOSE_WORDS.search(text)


def test_sensation_counts() -> None:
    records = [
        checkin(1, 5, sensations=("tingling", "burning")),
        checkin(2, 5, sensations=("tingling",)),
        checkin(3, 5),
    ]
    s = summarize(records, NOV, [])
    assert s.sensation_counts == (("tingling", 2), ("burning", 1))


# ---------------------------------------------------------------- medicine


def med(day: int, name: str, at: time | None, **answers: object) -> NightRecord:
    return checkin(day, 5, took_medicine=True, medicines=(TakenDose(name, at),), **answers)


def test_medicine_nights_and_median_time() -> None:
    records = [
        med(1, "Pregabalin", time(20, 0)),
        med(2, "pregabalin ", time(21, 15)),
        med(3, "Pregabalin", time(20, 30)),
        med(4, "Ropinirole", time(22, 0)),
        med(5, "Ropinirole", None),
        checkin(6, 5, took_medicine=False, medicines=(TakenDose("Ropinirole"),)),  # not taken
        NightRecord(  # unsaved
            date(2026, 11, 7), took_medicine=True, medicines=(TakenDose("Ropinirole"),)
        ),
    ]
    s = summarize(records, NOV, [])
    # Pregabalin 20:00, 20:30, 21:15 → median 20:30. Ropinirole: one time, too few for "usual".
    assert [(m.name, m.nights, m.usual_time) for m in s.medicines] == [
        ("Pregabalin", 3, time(20, 30)),
        ("Ropinirole", 2, None),
    ]
    text = details_text(s, EN)
    assert (
        "<b>Medicine</b>\nPregabalin: 3 nights, usually around 20:30\nRopinirole: 2 nights" in text
    )
    assert not DOSE_WORDS.search(text)


def test_medicine_time_across_midnight() -> None:
    # 23:30, 23:50, 00:10, 00:20, 00:40: the middle one is 00:10 (a plain sort would say 00:40).
    clocks = [time(23, 30), time(0, 40), time(0, 10), time(23, 50), time(0, 20)]
    assert usual_clock(clocks) == time(0, 10)
    # Even count: the mean of the middle two, 23:50 and 00:10 → 00:00.
    assert usual_clock([time(23, 30), time(23, 50), time(0, 10), time(0, 30)]) == time(0, 0)


def test_medicine_time_rounding_and_scatter() -> None:
    # Median 20:07 → 20:05 (7 / 5 = 1.4); median 20:08 → 20:10 (1.6)
    assert usual_clock([time(20, 0), time(20, 7), time(20, 14)]) == time(20, 5)
    assert usual_clock([time(20, 0), time(20, 8), time(20, 14)]) == time(20, 10)
    # Evenly spread around the clock: no usual time
    assert usual_clock([time(0), time(6), time(12), time(18)]) is None
    assert usual_clock([]) is None


def test_medicine_spelling_shown_is_the_most_used() -> None:
    records = [
        med(1, "PREGABALIN", time(20)),
        med(2, "Pregabalin", time(20)),
        med(3, "Pregabalin", time(20)),
        med(4, "pregabalin", time(20)),
    ]
    s = summarize(records, NOV, [])
    assert [(m.name, m.nights) for m in s.medicines] == [("Pregabalin", 4)]


def test_medicine_name_is_escaped() -> None:
    records = [med(d, "<b>X</b> & co", time(21)) for d in (1, 2, 3)]
    text = details_text(summarize(records, NOV, []), EN)
    assert "&lt;b&gt;X&lt;/b&gt; &amp; co: 3 nights, usually around 21:00" in text
    assert "<b>X</b>" not in text
    assert tags(text) <= {"<b>", "</b>", "<i>", "</i>"}


# ---------------------------------------------------------------- factors


def test_factor_comparisons_and_thresholds() -> None:
    records = [
        checkin(1, 7, caffeine=True, alcohol=True, nicotine=True),
        checkin(2, 6, caffeine=True, alcohol=True, nicotine=None),
        checkin(3, 3, caffeine=False, alcohol=False, nicotine=False),
        checkin(4, 4, caffeine=False, alcohol=None, nicotine=False),
        checkin(5, None, caffeine=True, alcohol=False, nicotine=True),  # no rating: not counted
    ]
    s = summarize(records, NOV, [])
    # Caffeine: with 7 + 6 = 13 / 2 = 6.5 on 2; without 3 + 4 = 7 / 2 = 3.5 on 2.
    # Alcohol: 2 with, 1 without → left out. Exercise: never answered → left out.
    # Nicotine: 1 rated night with, 2 without → left out.
    assert [
        (f.key, f.with_avg, f.with_nights, f.without_avg, f.without_nights) for f in s.factors
    ] == [("caffeine", 6.5, 2, 3.5, 2)]
    text = summary_text(s, EN)
    assert (
        "Caffeine after noon: on the 2 nights with it, restlessness averaged 6.5, "
        "against 3.5 on the 2 nights without." in text
    ), "the one that stood out, on the summary"
    details = details_text(s, EN)
    assert "Caffeine after noon: 6.5 on 2 nights with, 3.5 on 2 without" in details
    for shown in (text, details):
        assert "These are your own numbers, not proof of cause." in shown
        assert "Alcohol" not in shown and "Nicotine" not in shown


def test_factor_averages_round_half_up() -> None:
    records = [checkin(d, v, exercise=True) for d, v in ((1, 6), (2, 7), (3, 7))]
    records += [checkin(d, v, exercise=False) for d, v in ((4, 2), (5, 3), (6, 3), (7, 3))]
    s = summarize(records, NOV, [])
    # With: 20 / 3 = 6.67 → 6.7 on 3; without: 11 / 4 = 2.75 → 2.8 on 4
    assert [(f.key, f.with_avg, f.without_avg) for f in s.factors] == [("exercise", 6.7, 2.8)]


def test_no_factor_block_without_enough_nights() -> None:
    s = summarize([checkin(1, 5, caffeine=True), checkin(2, 5), checkin(3, 5)], NOV, [])
    assert s.factors == ()
    assert "proof" not in summary_text(s, EN)


# ---------------------------------------------------------------- correlation


def paired_nights() -> list[NightRecord]:
    """Ten nights: ratings 2 (x5) and 8 (x5); sleep 480 or 360 minutes.

    Mean rating 5, deviations ±3; mean sleep (4 x 480 + 360 + 4 x 360 + 480) / 10 = 420,
    deviations ±60. Rating 2 nights: +60 x 4, -60 x 1; rating 8 nights: -60 x 4, +60 x 1.
    Sxy = -3 (240 - 60) + 3 (-240 + 60) = -1080; Sxx = 10 x 9 = 90; Syy = 10 x 3600 = 36 000.
    r = -1080 / sqrt(90 x 36 000) = -1080 / 1800 = -0.60.
    """
    sleeps_low = [480, 480, 480, 480, 360]
    sleeps_high = [360, 360, 360, 360, 480]
    return [both(i + 1, 2, m) for i, m in enumerate(sleeps_low)] + [
        both(i + 11, 8, m) for i, m in enumerate(sleeps_high)
    ]


def test_correlation_with_ten_pairs() -> None:
    s = summarize(paired_nights(), NOV, [])
    assert s.sleep_link is not None
    link = s.sleep_link
    assert (link.r, link.pairs, link.strength) == (-0.6, 10, Strength.STRONG)
    assert s.avg_sleep_min == 420
    assert (
        "<b>Legs and sleep</b>: on nights with worse legs you tended to sleep less, "
        "a strong link (over 10 nights)." in summary_text(s, EN)
    ), "plain words, no r"


def test_correlation_needs_ten_pairs() -> None:
    nights = paired_nights()
    last = nights[-1]
    # Night 15's diary is not saved: 10 nights logged but only 9 pairs.
    nights[-1] = NightRecord(last.night, checkin_saved=True, severity=8, total_sleep_min=480)
    s = summarize(nights, NOV, [])
    assert (s.nights_logged, s.sleep_link) == (10, None)
    assert "Legs and sleep" not in summary_text(s, EN)


def test_correlation_none_when_a_side_never_varies() -> None:
    s = summarize([both(d, 5, 400 + d) for d in range(1, 11)], NOV, [])
    assert s.sleep_link is None


@pytest.mark.parametrize(
    ("r", "code"),
    [
        (0.09, Strength.HARDLY_ANY),
        (-0.1, Strength.WEAK),
        (0.29, Strength.WEAK),
        (-0.3, Strength.MODERATE),
        (0.49, Strength.MODERATE),
        (0.5, Strength.STRONG),
        (-1.0, Strength.STRONG),
    ],
)
def test_strength_codes(r: float, code: Strength) -> None:
    assert strength(r) is code


def test_round_half_up() -> None:
    assert round_half_up(Fraction(25, 4), 1) == 6.3
    assert round_half_up(Fraction(-25, 4), 1) == -6.3
    assert round_half_up(Fraction(1495, 4), 0) == 374.0
    assert round_half_up(Fraction(1, 3), 2) == 0.33


# ---------------------------------------------------------------- the whole text


def full_month(worth_raising: bool = False) -> tuple[list[NightRecord], list[NightRecord]]:
    """27 nights of November with everything answered, and a plain October."""
    records = []
    for day in range(1, 31):
        if day in (5, 12, 19):
            continue  # gaps
        late = worth_raising and day > 15
        records.append(
            NightRecord(
                date(2026, 11, day),
                checkin_saved=True,
                severity=2 + day % 8,
                onset=("afternoon" if late else "bedtime") if day % 3 else "evening",
                locations=("calves", "arms") if late else ("calves",),
                sensations=("tingling",),
                took_medicine=True,
                medicines=(
                    TakenDose("Pregabalin", time(20, 30))
                    if day % 2
                    else TakenDose("Gabapentin enacarbil", time(18, 45)),
                ),
                caffeine=day % 3 == 0,
                alcohol=day % 4 == 0,
                exercise=day % 2 == 0,
                nicotine=day % 5 == 0,
                diary_saved=day % 6 != 0,
                quality=3,
                legs=day % 3,
                total_sleep_min=480 - 15 * (day % 8),
                time_in_bed_min=540,
                sleep_efficiency_pct=round((480 - 15 * (day % 8)) / 540 * 100, 1),
            )
        )
    previous = [checkin(d, 6, OCT, onset="bedtime", locations=("calves",)) for d in range(1, 31, 2)]
    return records, previous


def test_typical_full_month_fits_a_caption() -> None:
    records, previous = full_month()
    s = summarize(records, NOV, previous)
    text = summary_text(s, EN)
    assert s.enough and s.medicines and len(s.factors) == 4 and s.sleep_link is not None
    assert not s.worth_raising
    assert len(text) < 1024, len(text)
    assert tags(text) <= {"<b>", "</b>", "<i>", "</i>"}
    assert not DOSE_WORDS.search(text)


def test_busiest_month_stays_short() -> None:
    records, previous = full_month(worth_raising=True)
    s = summarize(records, NOV, previous)
    assert s.onset_earlier and s.arms_spreading
    text = summary_text(s, EN)
    assert len(text) < 1400, len(text)
    assert not DOSE_WORDS.search(text)
