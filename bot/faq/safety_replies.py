"""The texts of the safety replies, catalog texts shown in the language asked for; the
lines in them are the user's country's (:mod:`bot.faq.lines`, docs/HELP_LINES.md)."""

from __future__ import annotations

from bot.faq.lines import DIRECTORY, INTERNATIONAL, HelpLines
from bot.faq.sources import AASM, NHS
from bot.faq.topics import suggestion
from bot.faq.types import Reply
from bot.i18n import N_, Texts

CRISIS_TEXT = N_(
    "<b>I'm really sorry you're feeling like this. You don't have to get through it "
    "alone.</b>\n\n"
    "If you might act on these thoughts, or you are in danger, call your emergency "
    "number now: {emergency}.\n\n"
    "You can talk to someone right now, any time of night:\n"
    "{lines}\n\n"
    "I'm still here whenever you want to come back."
)

# A crisis phrase the user negated ("I'm not suicidal, just tired"): we take them at their
# word, and still show the lines (docs/CLINICAL_NOTES.md, "Negation").
NEGATED_TEXT = N_(
    "I'm glad to hear that. Nights like these can wear anyone down, so just in case, "
    "now or later: someone is there to talk to any time of night.\n"
    "{lines}\n\n"
    "And if you have a question about your legs or your sleep, ask me in your own words."
)

OVERDOSE_TEXT = N_(
    "<b>If you feel unwell</b> (very drowsy, confused, faint, sick, a racing heart or "
    "trouble breathing), <b>call your emergency number now:</b> {emergency}.\n\n"
    "Even if you feel fine, get advice now rather than waiting to see:\n"
    "{poison}\n\n"
    "Have the packet with you, and say what was taken, how much and when. Don't take "
    "anything more until you have spoken to them.\n\n"
    "If you took it to hurt yourself, you can also talk to someone right now:\n"
    "{lines}\n\n"
    "I'm here if you want to come back afterwards."
)
_NO_POISON_LINE = N_("a pharmacist, or your doctor's out-of-hours service")

URGENT_TEXT = N_(
    "<b>Please get medical care today; this is not something to wait on.</b>\n\n"
    "A swollen, hot or red, painful calf or leg (especially on one side), sudden "
    "weakness or numbness, losing control of your bladder or bowels, chest pain or "
    "shortness of breath can be signs of a serious problem, not RLS, and need checking "
    "today.\n\n"
    "• Chest pain, trouble breathing or sudden weakness: call {emergency} now.\n"
    "• Otherwise: contact your doctor or an urgent care service today{advice}."
)
_URGENT_ADVICE = N_(" ({line})")

_DOSING_LEAD = N_(
    "<b>I can't advise on doses, or on starting, stopping or changing a medicine.</b> "
    "The right answer depends on your health, your other medicines and how you respond, "
    "so please ask the clinician who prescribes it, or a pharmacist. Until then, don't "
    "change anything on your own."
)

# The facts name a source: {aasm} or {nhs}, its label filled in when shown.
_FACTS: dict[str, str] = {
    "dopamine": N_(
        "Good to know: {aasm} no longer recommends dopamine agonists such as "
        "pramipexole, ropinirole and rotigotine for routine use, because of augmentation "
        "(symptoms getting worse over time); alpha-2-delta drugs are now preferred. "
        "Whether that changes anything for you is your clinician's call."
    ),
    "alpha2delta": N_(
        "Good to know: {aasm} now recommends alpha-2-delta drugs (gabapentin "
        "enacarbil, gabapentin, pregabalin) for RLS. Which one, and how much, is for your "
        "clinician to decide with you."
    ),
    "iron": N_(
        "Good to know: under {aasm}, iron treatment is guided by blood tests done "
        "first (ferritin and transferrin saturation). Which iron, and how much, is your "
        "clinician's call."
    ),
    "trigger": N_(
        "Good to know ({nhs}): some antidepressants, sedating antihistamines and "
        "dopamine-blocking drugs can make RLS worse. If you suspect one of yours, ask "
        "whoever prescribed it rather than stopping it."
    ),
}
_GENERIC_FACT = N_(
    "Tip: bring a list of everything you take, and your Stillnight summary, to the "
    "appointment; it makes the conversation quicker."
)
_RELATED: dict[str, tuple[str, ...]] = {
    "dopamine": ("augmentation", "alpha2delta"),
    "alpha2delta": ("alpha2delta", "treatments"),
    "iron": ("iron",),
    "trigger": ("triggers",),
}
_FACT_ORDER = ("dopamine", "alpha2delta", "iron", "trigger")


def _bullets(lines: HelpLines, t: Texts) -> str:
    country = f" ({t.gettext(lines.country)})" if lines.country else ""
    named = [f"• {t.gettext(line)}{country}" for line in lines.crisis]
    return "\n".join((*named, f"• {t.gettext(DIRECTORY)}"))


def crisis_reply(t: Texts, lines: HelpLines = INTERNATIONAL) -> Reply:
    text = t.gettext(CRISIS_TEXT, emergency=t.gettext(lines.emergency), lines=_bullets(lines, t))
    return Reply(kind="crisis", topic="crisis", text=text)


def negated_reply(t: Texts, lines: HelpLines = INTERNATIONAL) -> Reply:
    text = t.gettext(NEGATED_TEXT, lines=_bullets(lines, t))
    return Reply(kind="crisis", topic="crisis_negated", text=text)


def overdose_reply(t: Texts, lines: HelpLines = INTERNATIONAL) -> Reply:
    poison = t.gettext(lines.poison or _NO_POISON_LINE)
    text = t.gettext(
        OVERDOSE_TEXT,
        emergency=t.gettext(lines.emergency),
        poison=f"• {poison}",
        lines=_bullets(lines, t),
    )
    return Reply(kind="crisis", topic="overdose", text=text)


def urgent_reply(t: Texts, lines: HelpLines = INTERNATIONAL) -> Reply:
    advice = t.gettext(_URGENT_ADVICE, line=t.gettext(lines.advice)) if lines.advice else ""
    text = t.gettext(URGENT_TEXT, emergency=t.gettext(lines.emergency), advice=advice)
    return Reply(kind="crisis", topic="urgent_care", text=text)


def _fact(fact: str, t: Texts) -> str:
    return t.gettext(fact, aasm=t.gettext(AASM), nhs=t.gettext(NHS))


def dosing_reply(classes: frozenset[str], t: Texts) -> Reply:
    """A kind decline, with safe general facts about the medicines mentioned (max two)."""
    named = [c for c in _FACT_ORDER if c in classes][:2]
    facts = [_fact(_FACTS[c], t) for c in named] or [t.gettext(_GENERIC_FACT)]
    related: list[str] = []
    for c in named:
        related.extend(t for t in _RELATED[c] if t not in related)
    if not related:
        related = ["treatments", "see_doctor"]
    text = "\n\n".join((t.gettext(_DOSING_LEAD), *facts))
    return Reply(
        kind="decline",
        topic="dosing",
        text=text,
        suggestions=tuple(suggestion(topic, t) for topic in related[:3]),
    )
