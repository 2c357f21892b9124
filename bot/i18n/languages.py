"""Which language a user gets: the one they chose, else their Telegram app's, else English.

Telegram sends each user's `language_code` (an IETF tag such as "de", "pt-br", "es-419").
Only the language matters, not the region: "de-at" is German, "pt-pt" Portuguese (the
bot's Portuguese is Brazil's, the closest it speaks). A language the bot does not speak,
or none, is English.
"""

from __future__ import annotations

from babel import Locale

from bot.i18n.texts import DEFAULT_LANGUAGE, LANGUAGES

# Locales named with their region: the region is part of which language it is.
_NAMED_WITH_REGION = frozenset({"pt_BR"})


def from_telegram(language_code: str | None) -> str:
    """The language to speak to someone whose Telegram app is set to `language_code`."""
    family = (language_code or "").replace("_", "-").split("-")[0].casefold()
    return family if family in LANGUAGES else DEFAULT_LANGUAGE


def spoken(language: str | None) -> str | None:
    """`language` if the bot speaks it (a stored code from a language since removed: None)."""
    return language if language in LANGUAGES else None


def own_name(language: str) -> str:
    """The language's name in itself, as its speakers write it on a button: "Deutsch",
    "Русский", "Português (Brasil)" (CLDR's names, capitalised)."""
    locale = Locale.parse(LANGUAGES[language])
    name = locale.get_display_name() if str(locale) in _NAMED_WITH_REGION else None
    name = name or locale.languages.get(locale.language) or language
    return name[:1].upper() + name[1:]
