"""/language's screen: each language the bot speaks, by its own name."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.i18n import LANGUAGES, N_, Texts
from bot.i18n.languages import own_name
from handlers.callbacks import LANGUAGE, SETTINGS, LanguageTap, SettingsTap
from handlers.views import View, button

CHOSEN = N_("From now on I'll write to you in {language}.")


def picker_view(current: str, t: Texts, from_settings: bool = False) -> View:
    """One button per language, the current one ticked; from /settings, a way back."""
    back = "s" if from_settings else None
    keyboard = [
        [button(("✓ " if code == current else "") + own_name(code), _data(code, back))]
        for code in LANGUAGES
    ]
    if from_settings:
        settings = SETTINGS.encode(SettingsTap("back", None))
        keyboard.append([button(t.gettext("« Settings"), settings)])
    text = t.gettext("<b>Language</b>: which one should I write to you in?")
    return View(text, InlineKeyboardMarkup(keyboard))


def _data(language: str, back: str | None) -> str:
    return LANGUAGE.encode(LanguageTap(language, back))


def chosen_text(t: Texts) -> str:
    """The confirmation, in the language just chosen."""
    return t.gettext(CHOSEN, language=own_name(t.language))
