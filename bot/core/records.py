"""One night as the summaries and exports see it: the check-in and the sleep diary together.

Plain data, built from stored rows (bot/core/history.py), so statistics, charts and reports
are ordinary functions of a list of NightRecord.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


@dataclass(frozen=True)
class NightRecord:
    night: date  # the local date of the evening
    # The check-in (None: not answered, skipped, or no check-in that night)
    checkin_saved: bool = False
    severity: int | None = None  # 0-10
    onset: str | None = None  # none / bedtime / evening / afternoon / morning
    urge: str | None = None  # never / rarely / sometimes / often / constantly
    locations: tuple[str, ...] = ()  # calves, thighs, feet, arms, elsewhere
    sensations: tuple[str, ...] = ()
    took_medicine: bool | None = None
    medicine: str | None = None  # the name the user gave
    medicine_time: time | None = None
    caffeine: bool | None = None
    alcohol: bool | None = None
    exercise: bool | None = None
    nicotine: bool | None = None
    note: str | None = None
    # The morning diary (None: not answered or no diary)
    diary_saved: bool = False
    bed_time: time | None = None
    tried_time: time | None = None
    latency_min: int | None = None
    awakenings: int | None = None
    awake_min: int | None = None
    wake_time: time | None = None
    out_time: time | None = None
    quality: int | None = None  # 1 very poor .. 5 very good
    legs: int | None = None  # 0 no, 1 a little, 2 a lot
    walks: int | None = None
    # Derived from the diary (bot/core/sleep_diary.py metrics), in minutes and percent
    time_in_bed_min: int | None = None
    total_sleep_min: int | None = None
    sleep_efficiency_pct: float | None = None
