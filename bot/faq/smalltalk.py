"""Greetings and thanks: a short friendly reply and what the bot can do.

Only a message made of nothing but such words counts ("hi there", "thanks so much, that
helped"); "hi, does coffee make it worse" is a question and goes to the matcher.
"""

from __future__ import annotations

from bot.faq.text import normalise
from bot.faq.types import Reply
from bot.i18n import N_, Texts

_GREETING = frozenset(
    (
        "hi",
        "hello",
        "hey",
        "hiya",
        "heya",
        "howdy",
        "yo",
        "hallo",
        "hola",
        "morning",
        "evening",
        "afternoon",
        "greetings",
    )
)
_GREETING_PHRASES = ("good morning", "good evening", "good afternoon", "good day")
_THANKS = frozenset(
    ("thanks", "thank", "thx", "ty", "cheers", "thanku", "thankyou", "thnx", "tnx", "ta")
)
_THANKS_PHRASES = ("that helped", "that helps", "very helpful", "got it", "makes sense")
# Words that may come with a greeting or thanks without making it a question.
_FILLER_WORDS = """
    there you u so much very really a lot for the this that it answer answers info help
    helped helps helpful bot stillnight again all ok okay great cool nice lovely perfect
    good awesome was is and oh well dear friend everyone guys got makes sense many
    """
_FILLER = frozenset(_FILLER_WORDS.split())

GREETING_TEXT = N_(
    "Hello! I'm Stillnight, a bot for people with restless legs. I answer questions "
    "about RLS and sleep from trusted sources, and I keep a one-minute evening check-in "
    "and a morning sleep diary with you, for a monthly summary to show your doctor.\n\n"
    "Type a question in your own words, or try /faq, /checkin or /help."
)
THANKS_TEXT = N_("You're welcome. Ask me anything else whenever you like, or browse /faq.")


def reply(question: str, t: Texts) -> Reply | None:
    """The small-talk reply, or None when the message is more than a greeting or thanks."""
    norm = normalise(question)
    words = set(norm.split())
    if not words:
        return None
    thanks = bool(words & _THANKS) or any(p in norm for p in _THANKS_PHRASES)
    greeting = bool(words & _GREETING) or any(p in norm for p in _GREETING_PHRASES)
    if not (thanks or greeting) or not words <= _GREETING | _THANKS | _FILLER:
        return None
    if thanks:
        return Reply("smalltalk", "thanks", t.gettext(THANKS_TEXT))
    return Reply("smalltalk", "greeting", t.gettext(GREETING_TEXT))
