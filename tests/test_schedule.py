import random
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.core.schedule import (
    EVENING_GRACE,
    MORNING_DEADLINE,
    Kind,
    held_until,
    local_instant,
    next_due,
    night_for,
    pause_until,
    reminder_time,
    snooze_until,
    still_useful,
)

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
LORD_HOWE = "Australia/Lord_Howe"
KATHMANDU = "Asia/Kathmandu"
KIRITIMATI = "Pacific/Kiritimati"  # +14, no DST
PAGO_PAGO = "Pacific/Pago_Pago"  # -11, no DST

EVENING = time(22, 0)
MORNING = time(7, 30)


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)


def wall(instant: datetime, zone: str) -> datetime:
    """The naive local wall time of an instant."""
    return instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def test_constants() -> None:
    assert timedelta(hours=2) == EVENING_GRACE
    assert time(12, 0) == MORNING_DEADLINE


# --- local_instant ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "at", "zone", "expected"),
    [
        (date(2026, 1, 15), EVENING, BERLIN, utc(2026, 1, 15, 21)),  # CET +1
        (date(2026, 7, 15), EVENING, BERLIN, utc(2026, 7, 15, 20)),  # CEST +2
        (date(2026, 1, 15), EVENING, KATHMANDU, utc(2026, 1, 15, 16, 15)),  # +05:45
        (date(2026, 7, 15), EVENING, KATHMANDU, utc(2026, 7, 15, 16, 15)),  # no DST
        (date(2026, 1, 15), EVENING, KIRITIMATI, utc(2026, 1, 15, 8)),  # +14
        (date(2026, 1, 1), time(7, 0), KIRITIMATI, utc(2025, 12, 31, 17)),  # previous UTC year
        (date(2026, 1, 15), EVENING, PAGO_PAGO, utc(2026, 1, 16, 9)),  # -11: next UTC day
        (date(2026, 1, 15), EVENING, "UTC", utc(2026, 1, 15, 22)),
        (date(2026, 1, 15), EVENING, LORD_HOWE, utc(2026, 1, 15, 11)),  # summer +11
        (date(2026, 7, 15), EVENING, LORD_HOWE, utc(2026, 7, 15, 11, 30)),  # winter +10:30
    ],
)
def test_local_instant_plain(day: date, at: time, zone: str, expected: datetime) -> None:
    result = local_instant(day, at, zone)
    assert result == expected
    assert result.tzinfo is UTC
    assert wall(result, zone) == datetime.combine(day, at)


@pytest.mark.parametrize(
    ("day", "at", "zone", "expected", "local_wall"),
    [
        # Berlin 2026-03-29: 02:00 CET → 03:00 CEST.
        (date(2026, 3, 29), time(2, 30), BERLIN, utc(2026, 3, 29, 1), time(3, 0)),
        (date(2026, 3, 29), time(2, 0), BERLIN, utc(2026, 3, 29, 1), time(3, 0)),
        (date(2026, 3, 29), time(2, 59), BERLIN, utc(2026, 3, 29, 1), time(3, 0)),
        # New York 2026-03-08: 02:00 EST → 03:00 EDT.
        (date(2026, 3, 8), time(2, 30), NEW_YORK, utc(2026, 3, 8, 7), time(3, 0)),
        # Lord Howe 2026-10-04: 02:00 (+10:30) → 02:30 (+11), a 30-minute gap.
        (date(2026, 10, 4), time(2, 15), LORD_HOWE, utc(2026, 10, 3, 15, 30), time(2, 30)),
        (date(2026, 10, 4), time(2, 0), LORD_HOWE, utc(2026, 10, 3, 15, 30), time(2, 30)),
        # Troll (Antarctica) 2026-03-29: 01:00 (+00) → 03:00 (+02), a two-hour gap.
        (date(2026, 3, 29), time(1, 30), "Antarctica/Troll", utc(2026, 3, 29, 1), time(3, 0)),
        # Santiago 2026-09-06: midnight itself does not exist, 00:00 (-04) → 01:00 (-03).
        (date(2026, 9, 6), time(0, 0), "America/Santiago", utc(2026, 9, 6, 4), time(1, 0)),
    ],
)
def test_local_instant_in_gap_fires_when_gap_ends(
    day: date, at: time, zone: str, expected: datetime, local_wall: time
) -> None:
    result = local_instant(day, at, zone)
    assert result == expected
    assert wall(result, zone) == datetime.combine(day, local_wall)


@pytest.mark.parametrize(
    ("day", "at", "zone", "first", "second"),
    [
        # Berlin 2026-10-25: 03:00 CEST → 02:00 CET, 02:00–02:59 happen twice.
        (
            date(2026, 10, 25),
            time(2, 30),
            BERLIN,
            utc(2026, 10, 25, 0, 30),
            utc(2026, 10, 25, 1, 30),
        ),
        # New York 2026-11-01: 02:00 EDT → 01:00 EST.
        (
            date(2026, 11, 1),
            time(1, 30),
            NEW_YORK,
            utc(2026, 11, 1, 5, 30),
            utc(2026, 11, 1, 6, 30),
        ),
        # Lord Howe 2026-04-05: 02:00 (+11) → 01:30 (+10:30), 01:30–01:59 happen twice.
        (
            date(2026, 4, 5),
            time(1, 45),
            LORD_HOWE,
            utc(2026, 4, 4, 14, 45),
            utc(2026, 4, 4, 15, 15),
        ),
    ],
)
def test_local_instant_in_fold_takes_first_occurrence(
    day: date, at: time, zone: str, first: datetime, second: datetime
) -> None:
    assert wall(second, zone) == datetime.combine(day, at)  # the other occurrence is real
    assert local_instant(day, at, zone) == first


def test_local_instant_edges_of_gap_and_fold() -> None:
    # The minute before the Berlin gap and the first minute after it are ordinary times.
    assert local_instant(date(2026, 3, 29), time(1, 59), BERLIN) == utc(2026, 3, 29, 0, 59)
    assert local_instant(date(2026, 3, 29), time(3, 0), BERLIN) == utc(2026, 3, 29, 1)
    # 03:00 on the fold day is unambiguous (CET only).
    assert local_instant(date(2026, 10, 25), time(3, 0), BERLIN) == utc(2026, 10, 25, 2)


def test_local_instant_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        local_instant(date(2026, 1, 1), EVENING, "Mars/Olympus_Mons")
    with pytest.raises(ValueError, match="unknown time zone"):
        local_instant(date(2026, 1, 1), EVENING, "../etc/passwd")
    with pytest.raises(ValueError, match="without tzinfo"):
        local_instant(date(2026, 1, 1), time(22, 0, tzinfo=UTC), BERLIN)


# --- next_due ------------------------------------------------------------------------------


def test_next_due_is_strictly_after() -> None:
    due = utc(2026, 1, 15, 21)
    assert next_due(Kind.EVENING, EVENING, BERLIN, due - timedelta(seconds=1)) == due
    assert next_due(Kind.EVENING, EVENING, BERLIN, due) == utc(2026, 1, 16, 21)


def test_next_due_accepts_any_aware_datetime_and_returns_utc() -> None:
    after = datetime(2026, 1, 15, 12, 0, tzinfo=timezone(timedelta(hours=5)))  # 07:00 UTC
    result = next_due(Kind.EVENING, EVENING, BERLIN, after)
    assert result == utc(2026, 1, 15, 21)
    assert result.tzinfo is UTC


def test_next_due_rejects_naive() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        next_due(Kind.EVENING, EVENING, BERLIN, datetime(2026, 1, 15, 12))


def chain(kind: Kind, at: time, zone: str, after: datetime, count: int) -> list[datetime]:
    fired = []
    for _ in range(count):
        after = next_due(kind, at, zone, after)
        fired.append(after)
    return fired


def test_berlin_evening_across_both_changes() -> None:
    spring = chain(Kind.EVENING, EVENING, BERLIN, utc(2026, 3, 28, 12), 2)
    assert spring == [utc(2026, 3, 28, 21), utc(2026, 3, 29, 20)]
    autumn = chain(Kind.EVENING, EVENING, BERLIN, utc(2026, 10, 24, 12), 2)
    assert autumn == [utc(2026, 10, 24, 20), utc(2026, 10, 25, 21)]


def test_berlin_reminder_in_gap_fires_at_three_then_back_to_normal() -> None:
    at = time(2, 30)
    fired = chain(Kind.EVENING, at, BERLIN, utc(2026, 3, 28, 12), 3)
    assert fired == [utc(2026, 3, 29, 1), utc(2026, 3, 30, 0, 30), utc(2026, 3, 31, 0, 30)]
    assert [wall(f, BERLIN).time() for f in fired] == [time(3, 0), at, at]


def test_berlin_reminder_in_fold_fires_once() -> None:
    at = time(2, 30)
    first = next_due(Kind.EVENING, at, BERLIN, utc(2026, 10, 24, 12))
    assert first == utc(2026, 10, 25, 0, 30)
    # After it fired, the second 02:30 (01:30 UTC) is skipped: the next is the next day.
    assert next_due(Kind.EVENING, at, BERLIN, first) == utc(2026, 10, 26, 1, 30)
    # Even from between the two occurrences.
    assert next_due(Kind.EVENING, at, BERLIN, utc(2026, 10, 25, 1)) == utc(2026, 10, 26, 1, 30)


def test_new_york_both_changes() -> None:
    spring = chain(Kind.MORNING, MORNING, NEW_YORK, utc(2026, 3, 7, 0), 2)
    assert spring == [utc(2026, 3, 7, 12, 30), utc(2026, 3, 8, 11, 30)]  # EST, then EDT
    autumn = chain(Kind.MORNING, MORNING, NEW_YORK, utc(2026, 10, 31, 0), 2)
    assert autumn == [utc(2026, 10, 31, 11, 30), utc(2026, 11, 1, 12, 30)]  # EDT, then EST
    evening = chain(Kind.EVENING, EVENING, NEW_YORK, utc(2026, 3, 7, 12), 2)
    assert evening == [utc(2026, 3, 8, 3), utc(2026, 3, 9, 2)]
    # In the gap on 2026-03-08 and in the fold on 2026-11-01.
    assert next_due(Kind.EVENING, time(2, 15), NEW_YORK, utc(2026, 3, 8)) == utc(2026, 3, 8, 7)
    fold = chain(Kind.EVENING, time(1, 15), NEW_YORK, utc(2026, 11, 1), 2)
    assert fold == [utc(2026, 11, 1, 5, 15), utc(2026, 11, 2, 6, 15)]


def test_lord_howe_half_hour_changes() -> None:
    # Gap 2026-10-04 02:00 → 02:30: 02:15 fires at 02:30, then 02:15 (+11) again.
    gap = chain(Kind.EVENING, time(2, 15), LORD_HOWE, utc(2026, 10, 3), 2)
    assert gap == [utc(2026, 10, 3, 15, 30), utc(2026, 10, 4, 15, 15)]
    # Fold 2026-04-05 02:00 → 01:30: 01:45 fires once at +11, then the next day at +10:30.
    fold = chain(Kind.EVENING, time(1, 45), LORD_HOWE, utc(2026, 4, 4), 2)
    assert fold == [utc(2026, 4, 4, 14, 45), utc(2026, 4, 5, 15, 15)]
    # An evening at 22:00 moves by 30 minutes of UTC.
    evening = chain(Kind.EVENING, EVENING, LORD_HOWE, utc(2026, 4, 4), 2)
    assert evening == [utc(2026, 4, 4, 11), utc(2026, 4, 5, 11, 30)]


def test_kathmandu_quarter_hour_offset() -> None:
    fired = chain(Kind.EVENING, EVENING, KATHMANDU, utc(2026, 3, 28), 3)
    assert fired == [utc(2026, 3, 28, 16, 15), utc(2026, 3, 29, 16, 15), utc(2026, 3, 30, 16, 15)]


def test_extreme_offsets() -> None:
    # +14: 07:30 on the 16th is 17:30 UTC on the 15th.
    assert next_due(Kind.MORNING, MORNING, KIRITIMATI, utc(2026, 1, 15, 12)) == utc(
        2026, 1, 15, 17, 30
    )
    # -11: 22:00 on the 15th is 09:00 UTC on the 16th.
    assert next_due(Kind.EVENING, EVENING, PAGO_PAGO, utc(2026, 1, 15, 12)) == utc(2026, 1, 16, 9)


def test_user_moves_from_berlin_to_new_york() -> None:
    now = utc(2026, 6, 10, 19)  # 21:00 in Berlin, 15:00 in New York
    assert next_due(Kind.EVENING, EVENING, BERLIN, now) == utc(2026, 6, 10, 20)
    moved = next_due(Kind.EVENING, EVENING, NEW_YORK, now)
    assert moved == utc(2026, 6, 11, 2)
    assert wall(moved, NEW_YORK) == datetime(2026, 6, 10, 22, 0)
    # Berlin's reminder had already fired today; New York's evening is still ahead.
    later = utc(2026, 6, 10, 21)  # 23:00 Berlin, 17:00 New York
    assert wall(next_due(Kind.EVENING, EVENING, NEW_YORK, later), NEW_YORK) == datetime(
        2026, 6, 10, 22, 0
    )
    # And the other way: 23:00 in New York is 05:00 in Berlin; Berlin's next 22:00 is tonight.
    back = next_due(Kind.EVENING, EVENING, BERLIN, utc(2026, 6, 11, 3))
    assert wall(back, BERLIN) == datetime(2026, 6, 11, 22, 0)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (utc(2026, 1, 15), utc(2026, 2, 1, 6, 30)),  # mid-month → next 1st (CET)
        (utc(2026, 2, 1, 6), utc(2026, 2, 1, 6, 30)),  # on the 1st, before the time → today
        (utc(2026, 2, 1, 6, 30), utc(2026, 3, 1, 6, 30)),  # exactly due → next month
        (utc(2026, 3, 15), utc(2026, 4, 1, 5, 30)),  # across spring-forward (CEST)
        (utc(2026, 12, 1, 7), utc(2027, 1, 1, 6, 30)),  # December → January
        (utc(2026, 1, 31, 23, 30), utc(2026, 2, 1, 6, 30)),  # already Feb 1st locally
    ],
)
def test_monthly_in_berlin(after: datetime, expected: datetime) -> None:
    assert next_due(Kind.MONTHLY, MORNING, BERLIN, after) == expected


def test_monthly_on_the_local_first_not_the_utc_first() -> None:
    # 07:30 on 1 June in Kiritimati (+14) is 17:30 UTC on 31 May.
    due = next_due(Kind.MONTHLY, MORNING, KIRITIMATI, utc(2026, 5, 20))
    assert due == utc(2026, 5, 31, 17, 30)
    assert night_for(Kind.MONTHLY, due, KIRITIMATI) == date(2026, 6, 1)
    # -11: 07:30 on 1 June is 18:30 UTC on 1 June.
    assert next_due(Kind.MONTHLY, MORNING, PAGO_PAGO, utc(2026, 6, 1, 12)) == utc(
        2026, 6, 1, 18, 30
    )


def test_kind_accepts_stored_string() -> None:
    assert next_due("evening", EVENING, BERLIN, utc(2026, 1, 15)) == utc(2026, 1, 15, 21)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        next_due("yearly", EVENING, BERLIN, utc(2026, 1, 15))  # type: ignore[arg-type]


# --- night_for -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "due", "zone", "night"),
    [
        (Kind.EVENING, utc(2026, 1, 15, 21), BERLIN, date(2026, 1, 15)),  # 22:00
        (Kind.EVENING, utc(2026, 1, 15, 23, 30), BERLIN, date(2026, 1, 15)),  # 00:30 next day
        (Kind.EVENING, utc(2026, 3, 29, 1), BERLIN, date(2026, 3, 28)),  # 02:30 in the gap
        (Kind.EVENING, utc(2026, 1, 15, 16, 15), KATHMANDU, date(2026, 1, 15)),
        (Kind.MORNING, utc(2026, 1, 16, 6, 30), BERLIN, date(2026, 1, 15)),  # 07:30
        (Kind.MORNING, utc(2026, 1, 15, 17, 30), KIRITIMATI, date(2026, 1, 15)),  # 07:30 16th
        (Kind.MORNING, utc(2026, 1, 16, 18, 30), PAGO_PAGO, date(2026, 1, 15)),  # 07:30 16th
        (Kind.MORNING, utc(2026, 1, 16, 12), BERLIN, date(2026, 1, 15)),  # 13:00: still last night
        (Kind.MONTHLY, utc(2026, 2, 1, 6, 30), BERLIN, date(2026, 2, 1)),
        (Kind.MONTHLY, utc(2026, 1, 31, 23, 30), BERLIN, date(2026, 2, 1)),  # 00:30 on the 1st
    ],
)
def test_night_for(kind: Kind, due: datetime, zone: str, night: date) -> None:
    assert night_for(kind, due, zone) == night


def test_night_for_rejects_naive() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        night_for(Kind.EVENING, datetime(2026, 1, 15, 21), BERLIN)


# --- still_useful ---------------------------------------------------------------------------


def test_evening_grace() -> None:
    due = utc(2026, 1, 15, 21)
    assert not still_useful(Kind.EVENING, due, due - timedelta(seconds=1), BERLIN)
    assert still_useful(Kind.EVENING, due, due, BERLIN)
    assert still_useful(Kind.EVENING, due, due + EVENING_GRACE, BERLIN)
    assert not still_useful(Kind.EVENING, due, due + EVENING_GRACE + timedelta(seconds=1), BERLIN)


def test_evening_grace_is_real_time_across_fold() -> None:
    # Due 01:30 CEST on the fold day; two real hours later the wall clock shows 02:30 CET.
    due = utc(2026, 10, 24, 23, 30)
    assert still_useful(Kind.EVENING, due, utc(2026, 10, 25, 1, 30), BERLIN)
    assert not still_useful(Kind.EVENING, due, utc(2026, 10, 25, 1, 31), BERLIN)


def test_morning_until_local_noon() -> None:
    due = utc(2026, 1, 16, 6, 30)  # 07:30 Berlin
    assert not still_useful(Kind.MORNING, due, due - timedelta(minutes=1), BERLIN)
    assert still_useful(Kind.MORNING, due, utc(2026, 1, 16, 10, 59), BERLIN)  # 11:59
    assert not still_useful(Kind.MORNING, due, utc(2026, 1, 16, 11), BERLIN)  # 12:00


def test_morning_noon_is_local_on_a_change_day() -> None:
    due = utc(2026, 11, 1, 12, 30)  # 07:30 EST, the day New York falls back
    assert still_useful(Kind.MORNING, due, utc(2026, 11, 1, 16, 59), NEW_YORK)  # 11:59 EST
    assert not still_useful(Kind.MORNING, due, utc(2026, 11, 1, 17), NEW_YORK)  # 12:00 EST
    due = utc(2026, 1, 15, 17, 30)  # 07:30 on the 16th in Kiritimati
    assert still_useful(Kind.MORNING, due, utc(2026, 1, 15, 21, 59), KIRITIMATI)
    assert not still_useful(Kind.MORNING, due, utc(2026, 1, 15, 22), KIRITIMATI)


def test_morning_set_after_noon_still_gets_sent() -> None:
    due = utc(2026, 1, 16, 12)  # 13:00 Berlin
    assert still_useful(Kind.MORNING, due, due, BERLIN)
    assert still_useful(Kind.MORNING, due, due + EVENING_GRACE, BERLIN)
    assert not still_useful(Kind.MORNING, due, due + EVENING_GRACE + timedelta(seconds=1), BERLIN)


def test_monthly_until_end_of_local_day() -> None:
    due = utc(2026, 2, 1, 6, 30)  # 07:30 Berlin on the 1st
    assert still_useful(Kind.MONTHLY, due, utc(2026, 2, 1, 22, 59), BERLIN)  # 23:59
    assert not still_useful(Kind.MONTHLY, due, utc(2026, 2, 1, 23), BERLIN)  # 00:00 on the 2nd
    due = utc(2026, 5, 31, 17, 30)  # 07:30 on 1 June in Kiritimati
    assert still_useful(Kind.MONTHLY, due, utc(2026, 6, 1, 9, 59), KIRITIMATI)
    assert not still_useful(Kind.MONTHLY, due, utc(2026, 6, 1, 10), KIRITIMATI)
    assert not still_useful(Kind.MONTHLY, due, due - timedelta(seconds=1), KIRITIMATI)


def test_still_useful_rejects_naive() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        still_useful(Kind.EVENING, utc(2026, 1, 15, 21), datetime(2026, 1, 15, 22), BERLIN)


# --- snooze and pause ----------------------------------------------------------------------


def test_snooze_is_real_minutes() -> None:
    now = utc(2026, 3, 29, 0, 45)  # 01:45 CET, 15 minutes before spring-forward
    until = snooze_until(now, 30)
    assert until == utc(2026, 3, 29, 1, 15)
    assert wall(until, BERLIN) == datetime(2026, 3, 29, 3, 15)
    assert until.tzinfo is UTC


def test_snooze_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="positive"):
        snooze_until(utc(2026, 1, 1), 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        snooze_until(datetime(2026, 1, 1), 10)


def test_pause_keeps_wall_time_across_changes() -> None:
    # Three days from 22:00 CET on 27 March is 22:00 CEST on 30 March: 71 real hours.
    now = utc(2026, 3, 27, 21)
    until = pause_until(now, 3, BERLIN)
    assert until == utc(2026, 3, 30, 20)
    assert until - now == timedelta(hours=71)
    # Autumn: 73 real hours.
    assert pause_until(utc(2026, 10, 23, 20), 3, BERLIN) == utc(2026, 10, 26, 21)
    # Lord Howe: 30 minutes off 24 h per day.
    assert pause_until(utc(2026, 10, 3, 11, 30), 1, LORD_HOWE) == utc(2026, 10, 4, 11)


def test_pause_ending_in_gap_or_fold() -> None:
    # From 02:30 CET on the 28th, a day later is 02:30 in the gap → 03:00 CEST.
    assert pause_until(utc(2026, 3, 28, 1, 30), 1, BERLIN) == utc(2026, 3, 29, 1)
    # From 02:30 CEST on the 24th, a day later is the first 02:30.
    assert pause_until(utc(2026, 10, 24, 0, 30), 1, BERLIN) == utc(2026, 10, 25, 0, 30)
    # From the second 02:30 on the fold day, a day later is 02:30 CET.
    assert pause_until(utc(2026, 10, 25, 1, 30), 1, BERLIN) == utc(2026, 10, 26, 1, 30)


def test_pause_keeps_seconds_and_rejects_bad_input() -> None:
    assert pause_until(utc(2026, 1, 1, 12, 0, 17), 7, KATHMANDU) == utc(2026, 1, 8, 12, 0, 17)
    with pytest.raises(ValueError, match="positive"):
        pause_until(utc(2026, 1, 1), 0, BERLIN)
    with pytest.raises(ValueError, match="unknown time zone"):
        pause_until(utc(2026, 1, 1), 1, "Nowhere/Special")


# --- property: a year of firings, one per local day ------------------------------------------

PROPERTY_ZONES = [
    BERLIN,
    NEW_YORK,
    LORD_HOWE,
    KATHMANDU,
    KIRITIMATI,
    PAGO_PAGO,
    "UTC",
    "Australia/Sydney",  # southern hemisphere: DST across the new year
    "Pacific/Chatham",  # +12:45 / +13:45, changes at 02:45 / 03:45
    "Antarctica/Troll",  # two-hour DST shift
    "America/Santiago",  # changes at midnight: 00:00 does not exist on the spring day
    "America/Havana",  # changes at midnight (fold 00:00–00:59 in November)
    "Africa/Casablanca",  # clocks go back for Ramadan, forward after it
    "Asia/Tehran",  # +03:30, no DST since 2022
]


def expected_wall(day: date, at: time, zone: str) -> datetime:
    """What the clock should show when a reminder for `day` fires, found independently.

    Walks forward a minute at a time from the earliest instant that could show `at`: the
    first instant whose wall time is at or past `day` `at` (exact when `at` exists; the end
    of the gap when it does not).
    """
    tz = ZoneInfo(zone)
    target = datetime.combine(day, at)
    instant = target.replace(tzinfo=UTC) - timedelta(hours=15)  # earlier than any offset
    while instant.astimezone(tz).replace(tzinfo=None) < target:
        instant += timedelta(minutes=1)
    return instant.astimezone(tz).replace(tzinfo=None)


def random_case(rng: random.Random) -> tuple[str, time, datetime]:
    zone = rng.choice(PROPERTY_ZONES)
    # Half the times are in the small hours, where clock changes happen.
    hour = rng.randrange(0, 4) if rng.random() < 0.5 else rng.randrange(24)
    at = time(hour, rng.choice([0, 15, 30, 45, rng.randrange(60)]))
    start = utc(2026, 1, 1) + timedelta(seconds=rng.randrange(365 * 24 * 3600))
    return zone, at, start


@pytest.mark.parametrize("seed", range(4))
def test_property_one_firing_per_local_day_for_a_year(seed: int) -> None:
    rng = random.Random(20260329 + seed)
    for _ in range(50):  # 4 seeds × 50 = 200 cases
        zone, at, start = random_case(rng)
        kind = rng.choice([Kind.EVENING, Kind.MORNING])
        after = start
        day = None
        nights = []
        for _ in range(366):  # any 366 consecutive local days include both changes
            due = next_due(kind, at, zone, after)
            assert due > after
            assert due.tzinfo is UTC
            local = wall(due, zone)
            if day is not None:
                assert local.date() == day + timedelta(days=1), (zone, at, start, due)
            day = local.date()
            if local.time() != at:  # only allowed when `at` did not exist that day
                assert local == expected_wall(day, at, zone), (zone, at, start, due)
                before = wall(due - timedelta(seconds=1), zone)
                assert before < datetime.combine(day, at) < local, (zone, at, due)
            nights.append(night_for(kind, due, zone))
            after = due
        # Nights are unique and consecutive, so the (user, kind, night) key never collides.
        assert nights == [nights[0] + timedelta(days=i) for i in range(len(nights))]


@pytest.mark.parametrize("zone", PROPERTY_ZONES)
def test_property_gap_results_match_brute_force(zone: str) -> None:
    """Every day of 2026 at the quarter hours of the small hours agrees with a slow search."""
    tz = ZoneInfo(zone)
    day = date(2026, 1, 1)
    while day.year == 2026:
        for minutes in range(0, 4 * 60, 15):
            at = time(minutes // 60, minutes % 60)
            result = local_instant(day, at, zone)
            local = result.astimezone(tz).replace(tzinfo=None)
            if local != datetime.combine(day, at):
                assert local == expected_wall(day, at, zone), (zone, day, at)
        day += timedelta(days=1)


def test_fold_across_midnight_goose_bay_1990() -> None:
    """Local dates ran backwards here: 1990-10-28 00:01 ADT became 1990-10-27 23:01 AST."""
    zone = "America/Goose_Bay"
    for at in (time(23, 30), time(0, 0), time(0, 30), time(22, 0)):
        after, day = utc(1990, 10, 20), None
        for _ in range(14):
            after = next_due(Kind.EVENING, at, zone, after)
            local = wall(after, zone)
            assert local.time() == at
            assert day is None or local.date() == day + timedelta(days=1), (at, after)
            day = local.date()
    # 23:30 on the 27th fires at its first occurrence (ADT), once.
    first = next_due(Kind.EVENING, time(23, 30), zone, utc(1990, 10, 27, 12))
    assert first == utc(1990, 10, 28, 2, 30)
    assert next_due(Kind.EVENING, time(23, 30), zone, first) == utc(1990, 10, 29, 3, 30)


def test_property_monthly_fires_once_a_month() -> None:
    rng = random.Random(1)
    for _ in range(30):
        zone, at, start = random_case(rng)
        after, fired = start, []
        for _ in range(13):
            after = next_due(Kind.MONTHLY, at, zone, after)
            fired.append(after)
        days = [wall(f, zone).date() for f in fired]
        assert all(d.day == 1 for d in days), (zone, at, start)
        months = [d.year * 12 + d.month for d in days]
        assert months == list(range(months[0], months[0] + 13))
        assert len({night_for(Kind.MONTHLY, f, zone) for f in fired}) == 13


# --- weekly, and what the weekly and monthly messages wait for -------------------------


def test_weekly_on_the_next_local_monday_across_a_clock_change() -> None:
    start = reminder_time(Kind.WEEKLY, EVENING, MORNING)
    assert start == time(0, 0)
    # Wed 21 Oct 2026 → Mon 26 Oct 00:00 Berlin, the day after the clocks went back (+01:00)
    due = next_due(Kind.WEEKLY, start, BERLIN, utc(2026, 10, 21, 12))
    assert due == utc(2026, 10, 25, 23)
    assert night_for(Kind.WEEKLY, due, BERLIN) == date(2026, 10, 26)
    assert next_due(Kind.WEEKLY, start, BERLIN, due) == utc(2026, 11, 1, 23)
    assert still_useful(Kind.WEEKLY, due, utc(2026, 10, 26, 22, 59), BERLIN)
    assert not still_useful(Kind.WEEKLY, due, utc(2026, 10, 26, 23), BERLIN)


def test_held_until_noon_or_two_hours_after_a_late_morning_prompt() -> None:
    due = utc(2026, 12, 1, 0, 0)  # 01:00 on the 1st in Berlin
    assert held_until(due, MORNING, BERLIN) == utc(2026, 12, 1, 11)  # 12:00 local
    assert held_until(due, time(11, 15), BERLIN) == utc(2026, 12, 1, 12, 15)
    assert held_until(due, time(22, 30), BERLIN) == utc(2026, 12, 1, 22)  # 23:00 at the latest
    late = utc(2026, 12, 1, 13)  # materialised late, after downtime: not before it was due
    assert held_until(late, MORNING, BERLIN) == late
