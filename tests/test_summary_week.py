"""The weekly feedback's figures (bot/core/summary_week.py) and its text, from NightRecords."""

from __future__ import annotations

from datetime import date, timedelta

from bot.core.records import NightRecord
from bot.core.summary_model import Trend
from bot.core.summary_week import week_feedback
from bot.i18n import texts_for
from handlers.summary_week_view import week_text
from tests.test_summary import DOSE_WORDS

EN = texts_for("en")
MONDAY = date(2026, 11, 30)  # the feedback on Mon 23 to Sun 29 November


def night(days_before: int, severity: int, sleep: int, **answers: object) -> NightRecord:
    """A saved check-in and diary `days_before` the Monday of the feedback."""
    return NightRecord(
        MONDAY - timedelta(days=days_before),
        checkin_saved=True,
        severity=severity,
        diary_saved=True,
        total_sleep_min=sleep,
        **answers,
    )


def test_the_week_against_the_week_before_with_the_factor_that_stood_out() -> None:
    this_week = [
        night(7, 6, 360, caffeine=True, alcohol=False),
        night(6, 7, 350, caffeine=True, alcohol=True),
        night(5, 4, 420, caffeine=False, alcohol=False),
        night(4, 4, 430, caffeine=False, alcohol=True),
        night(2, 5, 400, caffeine=False, alcohol=False),
    ]
    week_before = [night(d, 3, 450) for d in (14, 12, 10)]
    later = [NightRecord(MONDAY, checkin_saved=True, severity=10)]  # the Monday itself: not in
    week = week_feedback(week_before + this_week + later, MONDAY)
    assert (week.first, week.last) == (date(2026, 11, 23), date(2026, 11, 29))
    assert (week.nights_logged, week.checkins, week.diaries) == (5, 5, 5)
    assert (week.avg_severity, week.prev_avg_severity, week.severity_trend) == (
        5.2,
        3.0,
        Trend.HIGHER,
    )
    assert (week.avg_sleep_min, week.prev_avg_sleep_min, week.sleep_trend) == (
        392,
        450,
        Trend.LOWER,
    )
    assert week.pattern is not None and week.pattern.key == "caffeine"
    assert (week.pattern.with_nights, week.pattern.without_nights) == (2, 3)
    text = week_text(week, EN)
    assert len(text.splitlines()) <= 8
    assert "higher than the week before (3.0)" in text
    assert "6 h 32 min a night on average, less than the week before (7 h 30 min)" in text
    assert (
        "Caffeine after noon: on the 2 nights with it, restlessness averaged 6.5, "
        "against 4.3 on the 3 nights without." in text
    )
    assert "not proof" in text
    assert not DOSE_WORDS.search(text)


def test_no_pattern_when_nothing_stands_out_and_three_nights_are_not_enough() -> None:
    even = [night(d, 5, 420, caffeine=d % 2 == 0) for d in (7, 6, 5, 4)]
    week = week_feedback(even, MONDAY)
    assert week.enough and week.pattern is None
    assert "not proof" not in week_text(week, EN)
    assert not week_feedback(even[:3], MONDAY).enough
