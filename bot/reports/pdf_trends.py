"""Words the doctor's report shares with the table and the medicine list: when symptoms
started, in one word, and a medicine event on its ISO date."""

from __future__ import annotations

from bot.core.doses import MedicineChange
from bot.core.summary_stats import options
from bot.i18n import Texts
from bot.i18n.medicines import change_words


def onset_word(code: str, t: Texts) -> str:
    """When symptoms started, in one word (the table's narrow column): "bedtime"."""
    words = {
        "none": t.pgettext("onset", "none"),
        "bedtime": t.pgettext("onset", "bedtime"),
        "evening": t.pgettext("onset", "evening"),
        "afternoon": t.pgettext("onset", "afternoon"),
        "morning": t.pgettext("onset", "morning"),
    }
    if code in words:
        return words[code]
    option = next((o for o in options("ons") if o.code == code), None)
    return t.gettext(option.label) if option else code


def change_line(change: MedicineChange, t: Texts) -> str:
    """ "2026-03-04: Ropinirole started" (plain text; the PDF's dates are ISO)."""
    return t.gettext("{day}: {what}", day=change.day.isoformat(), what=change_words(change, t))
