"""The monthly summary (/summary): figures from a month of NightRecords.

The phone text is handlers/summary_view.py, the doctor's version bot/reports/pdf_trends.py.

Input is one NightRecord per night (check-in + diary). Only saved parts count: a check-in's
answers only when `checkin_saved`, a diary's answers and sleep metrics only when
`diary_saved`; unsaved partials are dropped before anything is computed. Records outside the
month asked for are ignored; two saved records for one night: the later in the list wins. Nothing
assumes nights are 24 h apart or months a fixed length (DST months, gaps): nights are dates,
durations are the diary's real elapsed minutes.

Definitions (thresholds in summary_model.py):
- Nights logged: nights with a saved check-in or diary; check-ins and diaries also counted.
  Under MIN_NIGHTS (3) logged nights there are no statistics, only the counts and a kind
  note about what is missing.
- Averages (rating, sleep time, efficiency, quality) need 3 values each; the mean is exact and
  rounded half up: rating and efficiency to one decimal, sleep time to a whole minute.
  Efficiency is the mean of the nightly percentages. "7 h or more" counts nights with a
  total sleep time of 420+ minutes. Quality (1-5) and legs-disturbed mornings are kept for
  the PDF report; the phone text leaves them out to stay short.
- Trend: this month's average rating minus last month's, both as shown (one decimal), only
  when both months have 3+ ratings. Under 0.5 apart is "about the same" (Trend.SAME).
- Best / hardest night: lowest / highest rating, a tie going to the later night (the more
  current one); none when every rating is the same.
- Onset moving earlier: ranks bedtime 1, evening 2, afternoon 3, morning 4 ("none" left out).
  Either the mean rank of days 16-end minus days 1-15, or this month minus last month, rises
  by 0.5 or more, each side having 3+ nights with an onset.
- Spreading to the arms: arms ticked on 2+ nights this month, and either last month had 3+
  nights with a body part ticked and none with arms, or the share of such nights with arms is
  25 points higher in days 16-end than in days 1-15 (3+ nights each half, 2+ with arms late).
  Either sign gives one gentle line suggesting the user raise it with their doctor.
- Medicine: per name (case and spacing ignored), nights taken and the median clock time on
  the 24-hour circle (so 23:30 and 00:30 give 00:00), to 5 minutes, from 3+ timed nights.
  Doses are never recorded or mentioned.
- Factors: mean rating on nights answered "yes" against nights answered "no" for each factor,
  with 2+ rated nights on each side.
- Correlation: Pearson r of rating against total sleep time on nights with both, 10+ nights;
  |r| < 0.1 hardly any, < 0.3 weak, < 0.5 moderate, else strong (Strength codes).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction
from typing import Any

from bot.core import summary_signs as signs
from bot.core.doses import MedicineChange
from bot.core.entries.checkin import CHECKIN
from bot.core.entries.diary import DIARY
from bot.core.months import month_end, month_start
from bot.core.records import NightRecord
from bot.core.summary_model import ENOUGH_SLEEP_MIN, MIN_NIGHTS, MonthSummary
from bot.core.summary_stats import (
    average,
    factor_comparisons,
    medicine_timings,
    pick_night,
    round_half_up,
    sleep_link,
)

__all__ = ["MonthSummary", "months_with_entries", "saved_between", "saved_nights", "summarize"]

# What each entry stores, by field key: blanked when that entry was not saved.
_CHECKIN_KEYS = tuple(f.key for f in CHECKIN.fields())
_DIARY_KEYS = tuple(f.key for f in DIARY.fields())


def months_with_entries(nights: Iterable[date]) -> list[date]:
    """Distinct first-of-month dates of the given nights, newest first (the month picker)."""
    return sorted({month_start(night) for night in nights}, reverse=True)


def saved_nights(records: Iterable[NightRecord], month: date) -> list[NightRecord]:
    """The month's nights with anything saved, unsaved parts blanked, one per night, by date."""
    return saved_between(records, month, month_end(month))


def saved_between(records: Iterable[NightRecord], first: date, last: date) -> list[NightRecord]:
    """Like saved_nights, for the nights from `first` to `last` (a week)."""
    by_night: dict[date, NightRecord] = {}
    for record in records:
        if not first <= record.night <= last:
            continue
        if not record.checkin_saved:
            record = record.without(_CHECKIN_KEYS)
        if not record.diary_saved:
            record = record.without(_DIARY_KEYS)
        if record.checkin_saved or record.diary_saved:
            by_night[record.night] = record
    return [record for _, record in sorted(by_night.items())]


def summarize(
    records: list[NightRecord],
    month: date,
    previous: list[NightRecord],
    changes: Sequence[MedicineChange] = (),
) -> MonthSummary:
    """All figures for `month` (any day of it), with `previous` (last month) for the trends
    and the medicine changes of the month (shown however few nights were logged)."""
    month = month_start(month)
    nights = saved_nights(records, month)
    prev = [r for r in saved_nights(previous, month_start(month, 1)) if r.checkin_saved]
    checkins = [r for r in nights if r.checkin_saved]
    diaries = [r for r in nights if r.diary_saved]
    base = MonthSummary(
        month=month,
        nights_logged=len(nights),
        checkins=len(checkins),
        diaries=len(diaries),
        enough=len(nights) >= MIN_NIGHTS,
        medicine_changes=tuple(c for c in changes if month_start(c.day) == month),
    )
    if not base.enough:
        return base
    return dataclasses.replace(
        base,
        **_rating(checkins, prev),
        **_sleep(diaries),
        **_signs(checkins, prev),
        medicines=medicine_timings(checkins),
        factors=factor_comparisons(checkins),
        sleep_link=sleep_link(nights),
    )


def _rating(checkins: list[NightRecord], prev: list[NightRecord]) -> dict[str, Any]:
    ratings = [r.severity for r in checkins if r.severity is not None]
    avg = average(ratings)
    prev_avg = average([r.severity for r in prev if r.severity is not None])
    change = None
    if avg is not None and prev_avg is not None:
        change = round_half_up(Fraction(str(avg)) - Fraction(str(prev_avg)), 1)
    return {
        "severity_nights": len(ratings),
        "avg_severity": avg,
        "prev_avg_severity": prev_avg,
        "severity_change": change,
        "best_night": pick_night(checkins, hardest=False),
        "worst_night": pick_night(checkins, hardest=True),
    }


def _sleep(diaries: list[NightRecord]) -> dict[str, Any]:
    sleeps = [r.total_sleep_min for r in diaries if r.total_sleep_min is not None]
    avg_sleep = average(sleeps, places=0)
    legs = [r.legs for r in diaries if r.legs is not None]
    return {
        "sleep_nights": len(sleeps),
        "avg_sleep_min": None if avg_sleep is None else int(avg_sleep),
        "avg_efficiency_pct": average(
            [r.sleep_efficiency_pct for r in diaries if r.sleep_efficiency_pct is not None]
        ),
        "nights_enough_sleep": sum(1 for m in sleeps if m >= ENOUGH_SLEEP_MIN),
        "avg_quality": average([r.quality for r in diaries if r.quality is not None]),
        "legs_disturbed_nights": sum(1 for value in legs if value > 0),
        "legs_answered": len(legs),
    }


def _signs(checkins: list[NightRecord], prev: list[NightRecord]) -> dict[str, Any]:
    in_month = signs.onset_shift(*signs.halves(checkins))
    vs_previous = signs.onset_shift(prev, checkins)
    prev_arms = signs.previous_arms(prev)
    return {
        "onset_counts": signs.onset_counts(checkins),
        "onset_shift_in_month": signs.shown(in_month),
        "onset_shift_vs_previous": signs.shown(vs_previous),
        "onset_earlier": signs.moved_earlier(in_month, vs_previous),
        "location_counts": signs.location_counts(checkins),
        "sensation_counts": signs.sensation_counts(checkins),
        "arms_nights": signs.arms_nights(checkins),
        "prev_arms_nights": prev_arms,
        "arms_spreading": signs.arms_spreading(checkins, prev_arms),
    }
