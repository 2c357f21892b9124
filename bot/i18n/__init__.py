"""Every user-facing text goes through here: gettext catalogs (Babel), and Babel's CLDR data
for dates, times, numbers and plurals.

Code marks texts with ``N_`` (a deferred mark, for constants and specs) or passes literals
straight to :class:`Texts` methods; ``pybabel extract`` (see docs/ARCHITECTURE.md) finds both.
Messages are Python format strings with named fields (``{name}``); values a user typed are
escaped by the caller, never by the catalog.
"""

from bot.i18n.texts import DEFAULT_LANGUAGE, LANGUAGES, N_, Texts, texts_for

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "N_", "Texts", "texts_for"]
