"""`Texts`: one language's messages, and its way of writing dates, times and numbers."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time
from gettext import NullTranslations

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from bot.i18n.catalog import translations

#: Language codes the bot speaks, each with the CLDR locale its dates and numbers follow.
#: English is written the British way: 24-hour clock, "Tue 3 Nov".
LANGUAGES: dict[str, str] = {
    "en": "en_GB",
    "ru": "ru_RU",
    "de": "de_DE",
    "es": "es_ES",
    "pt": "pt_BR",
}
DEFAULT_LANGUAGE = "en"


def N_(message: str) -> str:
    """Mark a text for the catalog where it is defined; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Texts:
    """Translate and format for one language. Messages take named fields: ``{nights}``."""

    language: str
    locale: Locale
    catalog: NullTranslations

    def gettext(self, message: str, /, **fields: object) -> str:
        text = self.catalog.gettext(message)
        return text.format(**fields) if fields else text

    def ngettext(self, singular: str, plural: str, n: int, /, **fields: object) -> str:
        """The plural form for `n` (CLDR's rules: Russian has three); `{n}` is `n` written out."""
        text = self.catalog.ngettext(singular, plural, n)
        return text.format(n=self.number(n), **fields)

    def pgettext(self, context: str, message: str, /, **fields: object) -> str:
        """For one English word with two meanings: `context` tells them apart."""
        text = self.catalog.pgettext(context, message)
        return text.format(**fields) if fields else text

    # Dates, times, numbers (CLDR through Babel)

    def number(self, value: float, places: int = 0) -> str:
        """1,234 or 6.3 (1.234 and 6,3 in German); values come already rounded."""
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: float, places: int = 0) -> str:
        """`value` in percent with at most `places` decimals (83.4 → "83.4%", 86.0 → "86%";
        "83,4 %" in German)."""
        pattern = "#,##0" + ("." + "#" * places if places else "") + "%"
        return format_percent(value / 100, format=pattern, locale=self.locale)

    def clock(self, at: time | datetime) -> str:
        """A time of day as the language writes it: 21:30."""
        return format_time(at, "short", locale=self.locale)

    def day(self, day: date) -> str:
        """A date with its weekday, short: "Tue 3 Nov"."""
        return format_skeleton("MMMEd", day, locale=self.locale)

    def day_with_year(self, day: date) -> str:
        """A date with its year, short: "12 Oct 2026"."""
        return format_date(day, "medium", locale=self.locale)

    def weekday(self, day: date) -> str:
        """ "Tuesday"."""
        return format_date(day, "EEEE", locale=self.locale)

    def month_year(self, day: date) -> str:
        """ "November 2026"."""
        return format_date(day, "LLLL yyyy", locale=self.locale)

    def month(self, day: date) -> str:
        """ "November", as a name on its own."""
        return format_date(day, "LLLL", locale=self.locale)

    def minutes(self, minutes: int) -> str:
        """A duration: "45 min", "7 h 05 min"."""
        if minutes < 0:
            raise ValueError("a duration can't be negative")
        hours, rest = divmod(minutes, 60)
        if not hours:
            return self.gettext("{minutes} min", minutes=rest)
        return self.gettext("{hours} h {minutes} min", hours=hours, minutes=str(rest).zfill(2))

    def join(self, items: list[str]) -> str:
        """ "a, b and c": a list inside a sentence (CLDR's list pattern)."""
        return format_list(items, style="standard", locale=self.locale)


@functools.cache
def texts_for(language: str | None) -> Texts:
    """The texts of `language`, or of the default language when it is not one we speak."""
    code = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return Texts(code, Locale.parse(LANGUAGES[code]), translations(code))
