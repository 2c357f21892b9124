"""What happened to a medicine, in words: for /summary, the weekly and monthly messages and
the doctor's report alike."""

from __future__ import annotations

from bot.core.doses import MedicineChange
from bot.i18n import Texts


def change_words(change: MedicineChange, t: Texts) -> str:
    """ "Ropinirole started", "Ropinirole: dose changed to 0.5 mg" (plain text, no date)."""
    match change.kind:
        case "started":
            return t.gettext("{name} started", name=change.name)
        case "stopped":
            return t.gettext("{name} stopped", name=change.name)
    return t.gettext("{name}: {change}", name=change.name, change=change.note or "")
