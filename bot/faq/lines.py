"""Help lines by country, for the crisis, overdose and urgent-care replies.

The country comes from the user's time zone (tzdata's ``zone.tab``: one country per
zone); a zone we don't know, or a country not in the table, gets the international set
(the emergency numbers most of the world uses and the findahelpline.com directory).
Every reply also names the directory, in case the zone is not where the user is tonight.
The numbers and where each was taken from: docs/HELP_LINES.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.i18n import N_


@dataclass(frozen=True)
class HelpLines:
    """One country's lines. ``country`` (its name, "" for the international set) and the
    lines are catalog texts (Telegram HTML); the crisis lines are shown after the name."""

    country: str
    emergency: str
    crisis: tuple[str, ...]
    poison: str | None = None  # for an overdose taken
    # For a red flag: a line that gives urgent medical advice (never a poison centre).
    advice: str | None = None


DIRECTORY = N_('<a href="https://findahelpline.com">findahelpline.com</a> (any country)')

INTERNATIONAL = HelpLines(
    country="",
    emergency=N_("<b>112</b> (most of the world), <b>999</b> (UK) or <b>911</b> (the Americas)"),
    crisis=(
        N_("US and Canada: call or text <b>988</b>"),
        N_("UK and Ireland: Samaritans, <b>116 123</b>"),
    ),
)

LINES: dict[str, HelpLines] = {
    "US": HelpLines(
        N_("United States"),
        N_("<b>911</b>"),
        (N_("988 Suicide &amp; Crisis Lifeline: call or text <b>988</b>"),),
        N_("Poison Control: <b>1-800-222-1222</b>"),
    ),
    "CA": HelpLines(
        N_("Canada"),
        N_("<b>911</b>"),
        (N_("988 Suicide Crisis Helpline: call or text <b>988</b>"),),
        N_("your provincial poison centre"),
    ),
    "GB": HelpLines(
        N_("United Kingdom"),
        N_("<b>999</b> (or 112)"),
        (N_("Samaritans: <b>116 123</b>"),),
        N_("NHS 111: <b>111</b>"),
        N_("NHS 111: <b>111</b>"),
    ),
    "IE": HelpLines(
        N_("Ireland"),
        N_("<b>112</b> or <b>999</b>"),
        (N_("Samaritans: <b>116 123</b>"),),
        N_("Poisons Information Centre: <b>01 809 2166</b>"),
    ),
    "DE": HelpLines(
        N_("Germany"),
        N_("<b>112</b>"),
        (N_("TelefonSeelsorge: <b>0800 111 0 111</b> or <b>0800 111 0 222</b>"),),
    ),
    "AT": HelpLines(
        N_("Austria"),
        N_("<b>112</b> (ambulance 144)"),
        (N_("Telefonseelsorge: <b>142</b>"),),
        N_("Vergiftungsinformationszentrale: <b>01 406 43 43</b>"),
    ),
    "CH": HelpLines(
        N_("Switzerland"),
        N_("<b>144</b> (or 112)"),
        (N_("Die Dargebotene Hand / La Main Tendue: <b>143</b>"),),
        N_("Tox Info Suisse: <b>145</b>"),
    ),
    "ES": HelpLines(
        N_("Spain"),
        N_("<b>112</b>"),
        (N_("Línea 024 (suicidal thoughts): <b>024</b>"),),
        N_("Servicio de Información Toxicológica: <b>91 562 04 20</b>"),
    ),
    "MX": HelpLines(
        N_("Mexico"),
        N_("<b>911</b>"),
        (N_("Línea de la Vida: <b>800 911 2000</b>"),),
    ),
    "BR": HelpLines(
        N_("Brazil"),
        N_("<b>192</b> (SAMU)"),
        (N_("CVV: <b>188</b>"),),
        N_("Disque-Intoxicação: <b>0800 722 6001</b>"),
    ),
    "PT": HelpLines(
        N_("Portugal"),
        N_("<b>112</b>"),
        (N_("SNS 24 (also for psychological support): <b>808 24 24 24</b>"),),
        N_("CIAV: <b>800 250 250</b>"),
        N_("SNS 24: <b>808 24 24 24</b>"),
    ),
    "RU": HelpLines(N_("Russia"), N_("<b>112</b> (ambulance 103)"), ()),
    "UA": HelpLines(
        N_("Ukraine"),
        N_("<b>112</b> (ambulance 103)"),
        (N_("Lifeline Ukraine: <b>7333</b>"),),
    ),
    "AU": HelpLines(
        N_("Australia"),
        N_("<b>000</b>"),
        (N_("Lifeline: <b>13 11 14</b>"),),
        N_("Poisons Information Centre: <b>13 11 26</b>"),
    ),
    "NZ": HelpLines(
        N_("New Zealand"),
        N_("<b>111</b>"),
        (N_("Need to talk? Call or text <b>1737</b>"),),
        N_("National Poisons Centre: <b>0800 764 766</b>"),
    ),
    "IN": HelpLines(
        N_("India"),
        N_("<b>112</b>"),
        (N_("Tele-MANAS: <b>14416</b>"),),
    ),
}


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    """Zone -> country, old names too ("Europe/Kiev", "Asia/Calcutta", "US/Eastern": the
    links in tzdata.zi, each to the zone it stands for)."""
    zoneinfo = resources.files("tzdata").joinpath("zoneinfo")
    table = zoneinfo.joinpath("zone.tab").read_text("utf-8")
    rows = (line.split("\t") for line in table.splitlines() if not line.startswith("#"))
    countries = {row[2]: row[0] for row in rows if len(row) >= 3}
    for line in zoneinfo.joinpath("tzdata.zi").read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "L" and parts[1] in countries:
            countries.setdefault(parts[2], countries[parts[1]])
    return countries


def country_of(zone: str | None) -> str | None:
    """The ISO 3166 code of the country a time zone is in, or None ("UTC", unknown)."""
    return _zone_countries().get(zone) if zone else None


def lines_for(zone: str | None) -> HelpLines:
    """The lines for a user in ``zone``; the international set when we have none."""
    return LINES.get(country_of(zone) or "", INTERNATIONAL)
