"""The texts of the safety replies (help lines and numbers: docs/CLINICAL_NOTES.md), catalog
texts shown in the language asked for."""

from __future__ import annotations

from bot.faq.sources import AASM, NHS
from bot.faq.topics import suggestion
from bot.faq.types import Reply
from bot.i18n import N_, Texts

CRISIS_TEXT = N_(
    "<b>I'm really sorry you're feeling like this. You don't have to get through it "
    "alone.</b>\n\n"
    "If you might act on these thoughts, or you are in danger, call your emergency "
    "number now: <b>112</b>, <b>999</b> (UK) or <b>911</b> (US).\n\n"
    "You can talk to someone right now, any time of night:\n"
    "• US: call or text <b>988</b>\n"
    "• UK and Ireland: Samaritans, <b>116 123</b>\n"
    '• anywhere else: <a href="https://findahelpline.com">findahelpline.com</a>\n\n'
    "I'm still here whenever you want to come back."
)

URGENT_TEXT = N_(
    "<b>Please get medical care today; this is not something to wait on.</b>\n\n"
    "A swollen, hot or red, painful calf or leg (especially on one side), sudden "
    "weakness or numbness, chest pain or shortness of breath can be signs of a serious "
    "problem, not RLS, and need checking today.\n\n"
    "• Chest pain, trouble breathing or sudden weakness: call <b>112</b>, <b>999</b> or "
    "<b>911</b> now.\n"
    "• Otherwise: contact your doctor or an urgent care service today (in the UK, NHS 111)."
)

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
_TOO_MUCH = N_(
    "<b>If you have taken more than prescribed and feel unwell, call your emergency number "
    "(112 / 999 / 911) now</b>; if you feel fine, ask a pharmacist or NHS 111 (UK) today."
)
_RELATED: dict[str, tuple[str, ...]] = {
    "dopamine": ("augmentation", "alpha2delta"),
    "alpha2delta": ("alpha2delta", "treatments"),
    "iron": ("iron",),
    "trigger": ("triggers",),
}
_FACT_ORDER = ("dopamine", "alpha2delta", "iron", "trigger")


def crisis_reply(t: Texts) -> Reply:
    return Reply(kind="crisis", topic="crisis", text=t.gettext(CRISIS_TEXT))


def urgent_reply(t: Texts) -> Reply:
    return Reply(kind="crisis", topic="urgent_care", text=t.gettext(URGENT_TEXT))


def _fact(fact: str, t: Texts) -> str:
    return t.gettext(fact, aasm=t.gettext(AASM), nhs=t.gettext(NHS))


def dosing_reply(classes: frozenset[str], t: Texts, *, took_too_much: bool = False) -> Reply:
    """A kind decline, with safe general facts about the medicines mentioned (max two)."""
    named = [c for c in _FACT_ORDER if c in classes][:2]
    facts = [_fact(_FACTS[c], t) for c in named] or [t.gettext(_GENERIC_FACT)]
    related: list[str] = []
    for c in named:
        related.extend(t for t in _RELATED[c] if t not in related)
    if not related:
        related = ["treatments", "see_doctor"]
    urgent = [t.gettext(_TOO_MUCH)] if took_too_much else []
    text = "\n\n".join((*urgent, t.gettext(_DOSING_LEAD), *facts))
    return Reply(
        kind="decline",
        topic="dosing",
        text=text,
        suggestions=tuple(suggestion(topic, t) for topic in related[:3]),
    )
