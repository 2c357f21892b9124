import math
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core import zones
from bot.core.problems import Code
from bot.core.zones import (
    MAX_CANDIDATES,
    ZoneLookup,
    ZoneMatch,
    zone_from_location,
    zone_from_text,
)
from bot.i18n import texts_for
from bot.i18n.problems import problem_text
from handlers.start_view import local_now, zone_label

ENGLISH = texts_for("en")


def label(match: ZoneMatch | None) -> str:
    """How the zone is named to an English-speaking user."""
    assert match is not None
    return zone_label(match, ENGLISH)


def reason(lookup: ZoneLookup) -> str:
    """Why there is no match, as an English-speaking user reads it ("" when there is one)."""
    return problem_text(ENGLISH, lookup.problem) if lookup.problem else ""


def local_now_text(zone: str, now: datetime) -> str:
    return local_now(zone, now, ENGLISH)


def assert_usable(lookup: ZoneLookup) -> None:
    """Every zone we hand out loads in zoneinfo, and a miss always says why."""
    for found in (lookup.match, *lookup.candidates):
        if found is not None:
            ZoneInfo(found.zone)
            assert label(found)
    if lookup.match is None:
        assert reason(lookup)
        assert len(lookup.candidates) <= MAX_CANDIDATES
        assert len({c.zone for c in lookup.candidates}) == len(lookup.candidates)
    else:
        assert lookup.candidates == ()
        assert reason(lookup) == ""


def zone_of(text: str) -> str | None:
    lookup = zone_from_text(text)
    assert_usable(lookup)
    return lookup.match.zone if lookup.match else None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Berlin", "Europe/Berlin"),
        ("berlin", "Europe/Berlin"),
        ("BERLIN", "Europe/Berlin"),
        ("  Berlin \n", "Europe/Berlin"),
        ("Berlin!", "Europe/Berlin"),
        ("London", "Europe/London"),  # not London, Ontario
        ("Sydney", "Australia/Sydney"),  # not Sydney, Nova Scotia
        ("sydney", "Australia/Sydney"),
        ("tokyo", "Asia/Tokyo"),
        ("new york", "America/New_York"),
        ("New York City?", "America/New_York"),
        ("new-york", "America/New_York"),
        ("NYC", "America/New_York"),
        ("lisbon", "Europe/Lisbon"),
        ("Lisboa", "Europe/Lisbon"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("São Paulo", "America/Sao_Paulo"),
        ("buenos aires", "America/Argentina/Buenos_Aires"),
        ("München", "Europe/Berlin"),
        ("Muenchen", "Europe/Berlin"),
        ("Munich", "Europe/Berlin"),
        ("Frankfurt", "Europe/Berlin"),
        ("Kyiv", "Europe/Kyiv"),
        ("Kiev", "Europe/Kyiv"),  # old spelling, current zone
        ("Calcutta", "Asia/Kolkata"),
        ("Москва", "Europe/Moscow"),
        ("Zürich", "Europe/Zurich"),
        ("zurich", "Europe/Zurich"),
        ("Reykjavik", "Atlantic/Reykjavik"),
        ("Saint Petersburg", "Europe/Moscow"),
        # IANA city parts of places too small for the city list
        ("Lord Howe", "Australia/Lord_Howe"),
        ("Kiritimati", "Pacific/Kiritimati"),
        ("Pago Pago", "Pacific/Pago_Pago"),
    ],
)
def test_places(text: str, zone: str) -> None:
    assert zone_of(text) == zone


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Berln", "Europe/Berlin"),  # not Bern: Berlin is far bigger
        ("new yrok", "America/New_York"),
        ("Newyork", "America/New_York"),
        ("lisbn", "Europe/Lisbon"),
        ("sao paolo", "America/Sao_Paulo"),
        ("Amsterdm", "Europe/Amsterdam"),
        ("Los Angles", "America/Los_Angeles"),
        ("San Fransisco", "America/Los_Angeles"),
        ("Torronto", "America/Toronto"),
        ("Aukland", "Pacific/Auckland"),
        ("Melborne", "Australia/Melbourne"),
        ("Manchestr", "Europe/London"),
        ("Parris", "Europe/Paris"),
    ],
)
def test_typos(text: str, zone: str) -> None:
    assert zone_of(text) == zone


def test_label_names_city_and_zone() -> None:
    match = zone_from_text("berlin").match
    assert match is not None and match.zone == "Europe/Berlin"
    assert zone_label(match, ENGLISH) == "Berlin (Europe/Berlin)"
    assert label(zone_from_text("sao paulo").match) == "São Paulo (America/Sao_Paulo)"


@pytest.mark.parametrize(
    ("text", "zone", "label"),
    [
        ("Europe/Lisbon", "Europe/Lisbon", "Lisbon (Europe/Lisbon)"),
        ("europe/lisbon", "Europe/Lisbon", "Lisbon (Europe/Lisbon)"),
        ("Europe / Lisbon", "Europe/Lisbon", "Lisbon (Europe/Lisbon)"),
        ("Europe/Lisbn", "Europe/Lisbon", "Lisbon (Europe/Lisbon)"),  # typo in the city part
        (
            "America/Argentina/Buenos_Aires",
            "America/Argentina/Buenos_Aires",
            "Buenos Aires (America/Argentina/Buenos_Aires)",
        ),
        ("america/new york", "America/New_York", "New York (America/New_York)"),
        ("Asia/Kolkata", "Asia/Kolkata", "Kolkata (Asia/Kolkata)"),
        ("US/Eastern", "US/Eastern", "Eastern (US/Eastern)"),  # legacy names still load
        ("Etc/GMT-2", "Etc/GMT-2", "UTC+02:00"),  # never show the inverted POSIX sign
        ("Etc/UTC", "Etc/UTC", "UTC"),
    ],
)
def test_iana_names(text: str, zone: str, label: str) -> None:
    lookup = zone_from_text(text)
    assert_usable(lookup)
    assert lookup.match is not None
    assert (lookup.match.zone, zone_label(lookup.match, ENGLISH)) == (zone, label)


@pytest.mark.parametrize(
    ("text", "zone", "label"),
    [
        ("+2", "Etc/GMT-2", "UTC+02:00"),  # POSIX sign inversion
        ("-5", "Etc/GMT+5", "UTC-05:00"),
        ("UTC-5", "Etc/GMT+5", "UTC-05:00"),
        ("utc+5", "Etc/GMT-5", "UTC+05:00"),
        ("UTC + 2", "Etc/GMT-2", "UTC+02:00"),
        ("utc 2", "Etc/GMT-2", "UTC+02:00"),
        ("GMT+1", "Etc/GMT-1", "UTC+01:00"),
        ("+02:00", "Etc/GMT-2", "UTC+02:00"),
        ("−3", "Etc/GMT+3", "UTC-03:00"),  # Unicode minus from phone keyboards
        ("+14", "Etc/GMT-14", "UTC+14:00"),
        ("-12", "Etc/GMT+12", "UTC-12:00"),
        ("UTC", "Etc/UTC", "UTC"),
        ("utc", "Etc/UTC", "UTC"),
        ("GMT", "Etc/UTC", "UTC"),
        ("Z", "Etc/UTC", "UTC"),
        ("+0", "Etc/UTC", "UTC"),
        ("GMT-0", "Etc/UTC", "UTC"),
        ("0", "Etc/UTC", "UTC"),
        ("gmt+5:30", "Asia/Kolkata", "UTC+05:30 (Asia/Kolkata)"),
        ("+0530", "Asia/Kolkata", "UTC+05:30 (Asia/Kolkata)"),
        ("+530", "Asia/Kolkata", "UTC+05:30 (Asia/Kolkata)"),
        ("+5.5", "Asia/Kolkata", "UTC+05:30 (Asia/Kolkata)"),
        ("utc +05:45", "Asia/Kathmandu", "UTC+05:45 (Asia/Kathmandu)"),
        ("utc+5.75", "Asia/Kathmandu", "UTC+05:45 (Asia/Kathmandu)"),
        ("+09:30", "Australia/Darwin", "UTC+09:30 (Australia/Darwin)"),
        ("-3:30", "America/St_Johns", "UTC-03:30 (America/St_Johns)"),
        ("-09:30", "Pacific/Marquesas", "UTC-09:30 (Pacific/Marquesas)"),
        ("UTC/GMT+2", "Etc/GMT-2", "UTC+02:00"),
    ],
)
def test_offsets(text: str, zone: str, label: str) -> None:
    lookup = zone_from_text(text)
    assert_usable(lookup)
    assert lookup.match is not None
    assert (lookup.match.zone, zone_label(lookup.match, ENGLISH)) == (zone, label)


@pytest.mark.parametrize("hours", range(-12, 15))
def test_every_whole_hour_offset_has_that_offset(hours: int) -> None:
    match = zone_from_text(f"{hours:+d}").match
    assert match is not None
    offset = ZoneInfo(match.zone).utcoffset(datetime(2026, 1, 15))
    assert offset == timedelta(hours=hours)


@pytest.mark.parametrize("minutes", [-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765])
def test_every_odd_offset_maps_to_a_zone_keeping_it(minutes: int) -> None:
    sign = "-" if minutes < 0 else "+"
    text = f"UTC{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"
    match = zone_from_text(text).match
    assert match is not None
    assert label(match).startswith(zones.offset_label(minutes))
    tz = ZoneInfo(match.zone)
    seen = {tz.utcoffset(datetime(2026, month, 15)) for month in (1, 7)}
    assert timedelta(minutes=minutes) in seen  # its standard offset, in summer or winter


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("+15", "UTC-12 to UTC+14"),
        ("-13", "UTC-12 to UTC+14"),
        ("UTC+99", "UTC-12 to UTC+14"),
        ("+2:30", "No place keeps UTC+02:30"),
        ("-4:45", "No place keeps UTC-04:45 — try a whole hour like -4"),
        ("+5:60", "go up to 59"),
    ],
)
def test_bad_offsets_are_rejected(text: str, reason_part: str) -> None:
    lookup = zone_from_text(text)
    assert_usable(lookup)
    assert lookup.match is None
    assert lookup.candidates == ()
    assert reason_part in reason(lookup)


def test_unsigned_number_asks_for_the_sign() -> None:
    lookup = zone_from_text("5")
    assert_usable(lookup)
    assert lookup.match is None
    assert [c.zone for c in lookup.candidates] == ["Etc/GMT-5", "Etc/GMT+5"]
    assert "+5" in reason(lookup)
    only_plus = zone_from_text("13")
    assert [label(c) for c in only_plus.candidates] == ["UTC+13:00"]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("EST", "America/New_York"),
        ("pst", "America/Los_Angeles"),
        ("Central", "America/Chicago"),
        ("CET", "Europe/Paris"),
    ],
)
def test_abbreviations(text: str, zone: str) -> None:
    assert zone_of(text) == zone


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Germany", "Europe/Berlin"),
        ("india", "Asia/Kolkata"),
        ("UK", "Europe/London"),
        ("Texas", "America/Chicago"),
        ("California", "America/Los_Angeles"),
        ("Berlin, Germany", "Europe/Berlin"),
        ("berlin germany", "Europe/Berlin"),
        ("London, Canada", "America/Toronto"),
        ("London, CA", "America/Toronto"),
        ("Paris, Texas", "America/Chicago"),
        ("Paris, TX", "America/Chicago"),
        ("Portland, ME", "America/New_York"),
        ("Perth Scotland", "Europe/London"),
    ],
)
def test_countries_states_and_hints(text: str, zone: str) -> None:
    assert zone_of(text) == zone


@pytest.mark.parametrize(
    ("text", "expected_zone", "reason_part"),
    [
        ("USA", "America/Chicago", "more than one time zone"),
        ("Australia", "Australia/Sydney", "more than one time zone"),
        ("Springfield", "America/Chicago", "more than one place"),
        ("Portland", "America/New_York", "more than one place"),  # Maine, beside Oregon
        ("Dublin", "Europe/Dublin", "more than one place"),
        ("St Petersburg", "Europe/Moscow", "more than one place"),
        ("mst", "America/Phoenix", "did you mean one of these?"),
        ("IST", "Asia/Kolkata", "did you mean one of these?"),
        ("Rmoe", "Europe/Rome", "did you mean one of these?"),  # short: only ever offered
    ],
)
def test_unsure_offers_candidates(text: str, expected_zone: str, reason_part: str) -> None:
    lookup = zone_from_text(text)
    assert_usable(lookup)
    assert lookup.match is None
    assert 2 <= len(lookup.candidates) <= MAX_CANDIDATES
    assert expected_zone in {c.zone for c in lookup.candidates}
    assert reason_part in reason(lookup)


@pytest.mark.parametrize("text", ["asdfgh", "qwertyuiop", "x", "21:30", "!!!", "<b>hi</b>"])
def test_nothing_plausible(text: str) -> None:
    lookup = zone_from_text(text)
    assert_usable(lookup)
    assert lookup.match is None
    assert lookup.candidates == ()
    assert "big city near you" in reason(lookup)
    assert "Europe/Lisbon" in reason(lookup)
    assert "+2" in reason(lookup)
    assert "<" not in reason(lookup)  # never echoes input


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty(text: str) -> None:
    lookup = zone_from_text(text)
    assert lookup.match is None and lookup.candidates == ()
    assert lookup.problem is not None and lookup.problem.code is Code.ZONE_EMPTY


def test_very_long_text() -> None:
    lookup = zone_from_text("I live in a small village near the big river " * 3)
    assert lookup.match is None
    assert reason(lookup) == "That's a bit long — just the name of a city near you is enough."


@pytest.mark.parametrize(
    ("lat", "lon", "zone"),
    [
        (52.52, 13.405, "Europe/Berlin"),
        (40.71, -74.0, "America/New_York"),
        (-33.87, 151.21, "Australia/Sydney"),
        (35.68, 139.69, "Asia/Tokyo"),
        (-23.55, -46.63, "America/Sao_Paulo"),
    ],
)
def test_location(lat: float, lon: float, zone: str) -> None:
    match = zone_from_location(lat, lon)
    assert match is not None
    assert match.zone == zone
    assert zone in label(match)
    ZoneInfo(match.zone)


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(30.0, -40.0), (0.0, -30.0), (-40.0, 80.0), (91.0, 0.0), (0.0, 181.0), (math.nan, 0.0)],
)
def test_location_at_sea_or_impossible(lat: float, lon: float) -> None:
    assert zone_from_location(lat, lon) is None


def test_location_reuses_one_finder() -> None:
    zone_from_location(52.52, 13.405)
    assert zones._finder() is zones._finder()


@pytest.mark.parametrize(
    ("zone", "now", "text"),
    [
        ("Europe/Berlin", datetime(2026, 3, 31, 19, 47, tzinfo=UTC), "21:47 on Tuesday"),  # CEST
        ("Europe/Berlin", datetime(2026, 1, 6, 20, 47, tzinfo=UTC), "21:47 on Tuesday"),  # CET
        ("Etc/GMT-2", datetime(2026, 3, 31, 19, 47, tzinfo=UTC), "21:47 on Tuesday"),
        ("Pacific/Kiritimati", datetime(2026, 3, 31, 19, 47, tzinfo=UTC), "09:47 on Wednesday"),
        ("Pacific/Pago_Pago", datetime(2026, 3, 31, 5, 0, tzinfo=UTC), "18:00 on Monday"),
        ("Asia/Kathmandu", datetime(2026, 3, 31, 0, 0, tzinfo=UTC), "05:45 on Tuesday"),
    ],
)
def test_local_now_text(zone: str, now: datetime, text: str) -> None:
    assert local_now_text(zone, now) == text


def test_local_now_text_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_now_text("Europe/Berlin", datetime(2026, 3, 31, 19, 47))


def test_places_of_one_name_are_told_apart_by_state_and_country() -> None:
    lookup = zone_from_text("Portland")
    assert [(c.name, c.where, c.zone) for c in lookup.candidates[:2]] == [
        ("Portland", "Oregon, United States", "America/Los_Angeles"),
        ("Portland", "Maine, United States", "America/New_York"),
    ]
    assert zone_from_text("London").match == ZoneMatch(
        "Europe/London", "London", where="United Kingdom"
    ), "London, Ontario is far smaller: no need to ask"
