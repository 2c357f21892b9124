"""The morning sleep diary: checking the answers and deriving the standard sleep measures.

The questions are the Consensus Sleep Diary core (Carney et al., SLEEP 2012;35(2):287-302)
plus two RLS extras, asked the morning after night N (N = local date of the evening):
into bed, tried to sleep, minutes to fall asleep (SOL), number of awakenings, minutes awake
during them (WASO), final awakening, out of bed, sleep quality, legs kept you awake or woke
you, times got up to walk or move.

Derived, by the Consensus Sleep Diary definitions:
    time in bed (TIB)      = out of bed - into bed
    total sleep time (TST) = (final awakening - tried to sleep) - SOL - WASO
    sleep efficiency (SE)  = TST / TIB x 100
Durations are real elapsed time, so they stay right across a DST change (sleep_times.py).

Clock times become instants in sleep_times.py; typed answers are read by bot/parsing;
the buttons near the user's usual times come from sleep_choices.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum
from itertools import pairwise
from typing import Literal

from bot.core.problems import Code, Minutes, Problem
from bot.core.sleep_times import DiaryTimes, NightTimeline, elapsed_minutes, resolve_times
from bot.parsing.amounts import MAX_COUNT, MAX_MINUTES

MAX_NIGHT_MIN = 20 * 60  # from the first to the last answered time; more is surely a typo

DiaryField = Literal["bed", "tried", "latency", "awakenings", "awake", "wake", "out_of_bed"]
TimeField = Literal["bed", "tried", "wake", "out_of_bed"]
_TIME_FIELDS: tuple[TimeField, ...] = ("bed", "tried", "wake", "out_of_bed")


class SleepQuality(IntEnum):
    """Consensus Sleep Diary quality rating; the value is the usual 1-5 score."""

    VERY_POOR = 1
    POOR = 2
    FAIR = 3
    GOOD = 4
    VERY_GOOD = 5


class LegsImpact(IntEnum):
    """RLS extra: did the legs keep you awake or wake you?"""

    NO = 0
    A_LITTLE = 1
    A_LOT = 2


@dataclass(frozen=True)
class Did:
    """A problem's value: something the user said they did, and at what clock time.

    Written out by the catalog as a clause ("you woke up at 06:00"); without a time, as the
    deed alone ("you got up").
    """

    field: TimeField
    at: time | None = None


class DiaryError(Problem):
    """Answers that can't be right together; `field` names the one answer to ask again."""

    def __init__(self, field: DiaryField, code: Code, /, **values: object) -> None:
        super().__init__(code, **values)
        self.field: DiaryField = field


@dataclass(frozen=True)
class SleepMetrics:
    """Derived measures in minutes; None wherever an answer they need is missing."""

    time_in_bed_min: int | None  # out_of_bed - bed; no fallback to wake (that would be a guess)
    total_sleep_min: int | None  # (wake - tried) - latency - awake
    sleep_onset_latency_min: int | None  # SOL, as answered
    waso_min: int | None  # wake after sleep onset: the minutes awake, as answered
    sleep_efficiency_pct: float | None  # TST / TIB x 100, one decimal (half up)


# ---------------------------------------------------------------- validation


def validate(
    night: date,
    zone: str,
    times: DiaryTimes,
    latency_min: int | None,
    awakenings: int | None,
    awake_min: int | None,
) -> None:
    """Raise DiaryError for the first answer that can't be right; skipped (None) answers skip
    the checks that need them.

    Order: impossible numbers, awakenings vs minutes awake, times out of order, a night over
    20 h, falling asleep after waking, more minutes awake than the night had. When "tried" is
    skipped, "bed" stands in as its lower bound: a check that fails from bed fails from any
    later tried-to-sleep time too, so it only ever flags answers that are certainly wrong.
    """
    _check_numbers(latency_min, awakenings, awake_min)
    timeline = resolve_times(night, zone, times)
    _check_order(timeline, times)
    _check_length(timeline, times)
    start = _sleep_start(timeline, times)
    if start is None or timeline.wake is None or times.wake is None:
        return
    wake = (timeline.wake, times.wake)
    if latency_min is not None:
        _check_latency(start, wake, latency_min)
    if awake_min is not None:
        _check_awake(start, wake, latency_min or 0, awake_min)


def _check_numbers(latency: int | None, awakenings: int | None, awake: int | None) -> None:
    if latency is not None and latency < 0:
        raise DiaryError("latency", Code.DIARY_LATENCY_NEGATIVE)
    if latency is not None and latency > MAX_MINUTES:
        raise DiaryError("latency", Code.DIARY_LATENCY_TOO_LONG)
    if awakenings is not None and awakenings < 0:
        raise DiaryError("awakenings", Code.DIARY_AWAKENINGS_NEGATIVE)
    if awakenings is not None and awakenings > MAX_COUNT:
        raise DiaryError("awakenings", Code.DIARY_AWAKENINGS_TOO_MANY, most=MAX_COUNT)
    if awake is not None and awake < 0:
        raise DiaryError("awake", Code.DIARY_AWAKE_NEGATIVE)
    if awake is not None and awake > MAX_MINUTES:
        raise DiaryError("awake", Code.DIARY_AWAKE_TOO_LONG)
    # Woke but fell straight back asleep (awake 0) is fine; awake time without waking is not.
    if awakenings == 0 and awake is not None and awake > 0:
        raise DiaryError("awake", Code.DIARY_AWAKE_WITHOUT_WAKING, awake=Minutes(awake))


_Answer = tuple[TimeField, datetime, time]  # field, resolved instant, clock as typed


def _answered(timeline: NightTimeline, times: DiaryTimes) -> list[_Answer]:
    """(field, instant, clock as typed) for each answered time, in diary order."""
    rows: list[_Answer] = []
    for field in _TIME_FIELDS:
        instant, clock = getattr(timeline, field), getattr(times, field)
        if instant is not None and clock is not None:
            rows.append((field, instant, clock))
    return rows


def _check_order(timeline: NightTimeline, times: DiaryTimes) -> None:
    """Each time no earlier than the answered one before it; waking strictly after going down."""
    rows = _answered(timeline, times)
    for (before, at_before, clock_before), (after, at_after, clock_after) in pairwise(rows):
        gap = elapsed_minutes(at_before, at_after)
        if gap > 0 or (gap == 0 and after != "wake"):
            continue
        code = Code.DIARY_ORDER_SAME_TIME if gap == 0 else Code.DIARY_ORDER_BEFORE
        raise DiaryError(
            after, code, later=Did(after, clock_after), earlier=Did(before, clock_before)
        )


def _check_length(timeline: NightTimeline, times: DiaryTimes) -> None:
    rows = _answered(timeline, times)
    if len(rows) < 2:
        return
    (_, first_at, first_clock), (last, last_at, last_clock) = rows[0], rows[-1]
    span = elapsed_minutes(first_at, last_at)
    if span > MAX_NIGHT_MIN:
        raise DiaryError(
            last,
            Code.DIARY_NIGHT_TOO_LONG,
            first=first_clock,
            last=last_clock,
            span=Minutes(span),
            check=Did(last),
        )


def _sleep_start(timeline: NightTimeline, times: DiaryTimes) -> _Answer | None:
    """When trying to sleep began: "tried", else "bed" as its lower bound (see validate)."""
    fields: tuple[TimeField, ...] = ("tried", "bed")
    for field in fields:
        instant, clock = getattr(timeline, field), getattr(times, field)
        if instant is not None and clock is not None:
            return field, instant, clock
    return None


def _check_latency(start: _Answer, wake: tuple[datetime, time], latency: int) -> None:
    start_field, start_at, start_clock = start
    wake_at, wake_clock = wake
    if latency <= elapsed_minutes(start_at, wake_at):
        return
    raise DiaryError(
        "latency",
        Code.DIARY_LATENCY_PAST_WAKING,
        latency=Minutes(latency),
        start=Did(start_field, start_clock),
        wake=wake_clock,
    )


def _check_awake(start: _Answer, wake: tuple[datetime, time], latency: int, awake: int) -> None:
    _, start_at, start_clock = start
    wake_at, wake_clock = wake
    night = elapsed_minutes(start_at, wake_at)
    if latency + awake <= night:
        return
    values = {"awake": Minutes(awake), "night": Minutes(night), "start": start_clock}
    if latency:
        raise DiaryError(
            "awake",
            Code.DIARY_AWAKE_AND_LATENCY_EXCEED_NIGHT,
            latency=Minutes(latency),
            wake=wake_clock,
            **values,
        )
    raise DiaryError("awake", Code.DIARY_AWAKE_EXCEEDS_NIGHT, wake=wake_clock, **values)


# ---------------------------------------------------------------- metrics


def metrics(
    night: date,
    zone: str,
    times: DiaryTimes,
    latency_min: int | None,
    awake_min: int | None,
) -> SleepMetrics:
    """TIB, TST, SOL, WASO and SE for one night; None for whatever can't be computed.

    Nothing is guessed: no TIB without both bed and out-of-bed times, no TST without tried,
    wake, SOL and WASO. Meant for validated answers; if they contradict each other anyway,
    a measure that would come out negative (or SE over 100) is None rather than nonsense.
    """
    timeline = resolve_times(night, zone, times)
    tib = _between(timeline.bed, timeline.out_of_bed)
    sol = latency_min if latency_min is not None and latency_min >= 0 else None
    waso = awake_min if awake_min is not None and awake_min >= 0 else None
    tst = None
    window = _between(timeline.tried, timeline.wake)
    if window is not None and sol is not None and waso is not None:
        tst = window - sol - waso if window >= sol + waso else None
    return SleepMetrics(
        time_in_bed_min=tib,
        total_sleep_min=tst,
        sleep_onset_latency_min=sol,
        waso_min=waso,
        sleep_efficiency_pct=_efficiency(tst, tib),
    )


def _between(start: datetime | None, end: datetime | None) -> int | None:
    """Real minutes from start to end; None if either is missing or end comes first."""
    if start is None or end is None:
        return None
    minutes = elapsed_minutes(start, end)
    return minutes if minutes >= 0 else None


def _efficiency(tst: int | None, tib: int | None) -> float | None:
    """TST / TIB x 100 to one decimal, rounded half up (83.35 → 83.4, as a person would)."""
    if tst is None or not tib or tst > tib:
        return None
    pct = Decimal(tst * 100) / Decimal(tib)
    return float(pct.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
