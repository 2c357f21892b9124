from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from bot.core.nights import NIGHT_ROLLOVER, local_time, night_of


def utc(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def test_rollover_is_noon() -> None:
    assert time(12, 0) == NIGHT_ROLLOVER


@pytest.mark.parametrize(
    ("instant", "night"),
    [
        (utc(2026, 3, 28, 22, 0), date(2026, 3, 28)),  # evening
        (utc(2026, 3, 29, 1, 30), date(2026, 3, 28)),  # after midnight: still that night
        (utc(2026, 3, 29, 11, 59), date(2026, 3, 28)),  # last minute before rollover
        (utc(2026, 3, 29, 12, 0), date(2026, 3, 29)),  # rollover itself starts the new night
        (utc(2026, 3, 29, 0, 0), date(2026, 3, 28)),
        (utc(2026, 3, 28, 12, 0), date(2026, 3, 28)),
        (
            utc(
                2026,
                3,
                28,
                11,
                59,
            ),
            date(2026, 3, 27),
        ),
    ],
)
def test_night_of_in_utc(instant: datetime, night: date) -> None:
    assert night_of(instant, "UTC") == night


@pytest.mark.parametrize(
    ("instant", "night", "local_hhmm"),
    [
        (utc(2026, 3, 28, 21, 0), date(2026, 3, 28), "22:00"),  # CET, UTC+1
        (utc(2026, 3, 29, 0, 30), date(2026, 3, 28), "01:30"),
        (utc(2026, 3, 29, 0, 59), date(2026, 3, 28), "01:59"),  # last minute before the jump
        (utc(2026, 3, 29, 1, 0), date(2026, 3, 28), "03:00"),  # 02:00 never happens
        (utc(2026, 3, 29, 9, 59), date(2026, 3, 28), "11:59"),  # CEST, UTC+2
        (utc(2026, 3, 29, 10, 0), date(2026, 3, 29), "12:00"),  # noon came an hour earlier in UTC
    ],
)
def test_berlin_spring_forward(instant: datetime, night: date, local_hhmm: str) -> None:
    assert night_of(instant, "Europe/Berlin") == night
    assert local_time(instant, "Europe/Berlin").strftime("%H:%M") == local_hhmm


@pytest.mark.parametrize(
    ("instant", "night", "local_hhmm"),
    [
        (utc(2026, 10, 24, 20, 0), date(2026, 10, 24), "22:00"),  # CEST, UTC+2
        (utc(2026, 10, 25, 0, 30), date(2026, 10, 24), "02:30"),  # first 02:30 (CEST)
        (utc(2026, 10, 25, 1, 30), date(2026, 10, 24), "02:30"),  # second 02:30 (CET)
        (utc(2026, 10, 25, 10, 59), date(2026, 10, 24), "11:59"),  # CET, UTC+1
        (utc(2026, 10, 25, 11, 0), date(2026, 10, 25), "12:00"),
        (utc(2026, 10, 25, 10, 0), date(2026, 10, 24), "11:00"),  # would be noon without DST end
    ],
)
def test_berlin_fall_back(instant: datetime, night: date, local_hhmm: str) -> None:
    assert night_of(instant, "Europe/Berlin") == night
    assert local_time(instant, "Europe/Berlin").strftime("%H:%M") == local_hhmm


def test_fall_back_repeated_hour_is_distinguished() -> None:
    first = local_time(utc(2026, 10, 25, 0, 30), "Europe/Berlin")
    second = local_time(utc(2026, 10, 25, 1, 30), "Europe/Berlin")
    assert (first.fold, second.fold) == (0, 1)
    assert first.utcoffset() == timedelta(hours=2)
    assert second.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    ("zone", "instant", "night"),
    [
        # Auckland in March 2026 is NZDT, UTC+13: local dates run a day ahead of UTC.
        ("Pacific/Auckland", utc(2026, 3, 28, 9, 0), date(2026, 3, 28)),  # 22:00 on 28th
        ("Pacific/Auckland", utc(2026, 3, 28, 12, 30), date(2026, 3, 28)),  # 01:30 on 29th
        ("Pacific/Auckland", utc(2026, 3, 27, 23, 0), date(2026, 3, 28)),  # noon 28th, UTC 27th
        ("Pacific/Auckland", utc(2026, 3, 27, 22, 59), date(2026, 3, 27)),  # 11:59 on 28th
        # Kiritimati is UTC+14 all year.
        ("Pacific/Kiritimati", utc(2026, 3, 28, 8, 0), date(2026, 3, 28)),  # 22:00 on 28th
        ("Pacific/Kiritimati", utc(2026, 3, 27, 22, 0), date(2026, 3, 28)),  # noon 28th
        ("Pacific/Kiritimati", utc(2026, 3, 27, 21, 59), date(2026, 3, 27)),  # 11:59 on 28th
        ("Pacific/Kiritimati", utc(2026, 3, 28, 11, 30), date(2026, 3, 28)),  # 01:30 on 29th
        # Pago Pago is UTC-11: local dates run a day behind UTC.
        ("Pacific/Pago_Pago", utc(2026, 3, 29, 9, 0), date(2026, 3, 28)),  # 22:00 on 28th
        ("Pacific/Pago_Pago", utc(2026, 3, 29, 12, 30), date(2026, 3, 28)),  # 01:30 on 29th
        ("Pacific/Pago_Pago", utc(2026, 3, 29, 22, 59), date(2026, 3, 28)),  # 11:59 on 29th
        ("Pacific/Pago_Pago", utc(2026, 3, 29, 23, 0), date(2026, 3, 29)),  # noon on 29th
    ],
)
def test_zones_far_from_utc(zone: str, instant: datetime, night: date) -> None:
    assert night_of(instant, zone) == night


def test_same_instant_is_different_nights_across_the_date_line() -> None:
    instant = utc(2026, 3, 28, 23, 0)
    assert night_of(instant, "Pacific/Kiritimati") == date(2026, 3, 29)  # 13:00 on 29th
    assert night_of(instant, "Pacific/Pago_Pago") == date(2026, 3, 28)  # 12:00 on 28th
    assert night_of(instant, "UTC") == date(2026, 3, 28)


def test_any_aware_instant_is_accepted() -> None:
    berlin_summer = timezone(timedelta(hours=2))
    instant = datetime(2026, 7, 1, 1, 30, tzinfo=berlin_summer)
    assert night_of(instant, "Europe/Berlin") == date(2026, 6, 30)
    assert local_time(instant, "Europe/Berlin") == instant


def test_local_time_converts_and_keeps_the_instant() -> None:
    instant = utc(2026, 1, 15, 21, 30)
    local = local_time(instant, "Asia/Kolkata")
    assert (local.hour, local.minute) == (3, 0)
    assert local.date() == date(2026, 1, 16)
    assert local == instant


def test_naive_instant_is_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        night_of(datetime(2026, 3, 28, 22, 0), "Europe/Berlin")
    with pytest.raises(ValueError, match="timezone-aware"):
        local_time(datetime(2026, 3, 28, 22, 0), "Europe/Berlin")


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "Europe", "../etc/passwd"])
def test_unknown_zone_is_value_error(zone: str) -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        night_of(utc(2026, 3, 28, 22, 0), zone)
