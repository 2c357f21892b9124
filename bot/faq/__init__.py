"""FAQ answer engine: a question in, one short Telegram-HTML reply out, in the language of
the :class:`~bot.i18n.Texts` passed along.

Pipeline of :func:`answer`: safety checks first (:mod:`bot.faq.safety`: crisis, overdose,
red flags, dosing), then small talk (:mod:`bot.faq.smalltalk`), follow-ups about the last
answer (:mod:`bot.faq.followup`), then topic matching (:mod:`bot.faq.matcher`). Topic texts live in
``topics_*.py``; every answer names its sources and stays under ~700 characters.

Reply kinds and how each outcome is encoded:

* ``answer``: ``topic`` is the topic id; ``suggestions`` are related topics.
* ``crisis``: ``topic="crisis"`` (help lines, nothing else), ``"crisis_negated"`` (a
  crisis phrase the user negated: the lines, softly), ``"overdose"`` (taken already:
  emergency number, poison advice, the lines) or ``"urgent_care"`` (red flags: get
  same-day care). The lines are the user's country's (:mod:`bot.faq.lines`). No
  suggestions, on purpose.
* ``smalltalk``: ``topic="greeting"`` or ``"thanks"``: a short friendly reply
  (:mod:`bot.faq.smalltalk`).
* ``decline``: ``topic="dosing"``; a kind refusal plus safe general facts, with
  suggestions pointing at the relevant topics.
* ``no_match``, two flavours:

  - *did you mean*: two or three topics scored close together and none explains the
    question well. ``topic`` is the best guess, ``suggestions`` are the 2-3 candidates
    (best first) and the text starts with :data:`DID_YOU_MEAN` (translated).
  - *nothing fits*: ``topic`` is the best partial match or None, ``suggestions`` are
    related topics (or popular ones) and the text says kindly that we have no answer.

Matching reads the English topics (keywords, examples, titles) and the English safety
patterns, so a question is matched the same way whatever the reply's language; only the
reply's text and its buttons' titles are translated.

Indexes are built on first use; after that a question takes well under a millisecond.
"""

from __future__ import annotations

import html

from bot.faq import followup, safety, smalltalk
from bot.faq.lines import INTERNATIONAL, HelpLines, lines_for
from bot.faq.matcher import index
from bot.faq.topics import BY_ID, GROUPS, POPULAR, TOPICS, render, suggestion
from bot.faq.types import Reply, Suggestion
from bot.i18n import N_, Texts

__all__ = [
    "DID_YOU_MEAN",
    "INTERNATIONAL",
    "HelpLines",
    "Reply",
    "Suggestion",
    "answer",
    "groups",
    "is_followup",
    "lines_for",
    "list_topics",
    "safety_reply",
    "topic_reply",
    "warm_up",
]

_MAX_QUESTION = 1000  # longer input is cut: nobody types more at midnight on a phone

DID_YOU_MEAN = N_("I'm not sure which you mean — pick one:")
_NO_MATCH = N_(
    "Sorry, I don't have an answer for that. I only answer questions about restless "
    "legs, sleep and the study in the article, from trusted sources, and I'd rather not "
    "guess. These topics might help:"
)
_EMPTY = N_("Ask me anything about restless legs or sleep, or pick a topic:")


def warm_up() -> None:
    """Build the matcher's index now (it reads a word list: about 0.3 s), not on the first
    question."""
    index()


def safety_reply(text: str, t: Texts, lines: HelpLines = INTERNATIONAL) -> Reply | None:
    """The crisis / overdose / urgent-care / dosing reply for ``text`` (with the help lines
    of the user's country), or None if none applies."""
    return safety.check(text[:_MAX_QUESTION], t, lines)


def topic_reply(topic_id: str, t: Texts) -> Reply:
    """The answer for a topic button. Raises KeyError for an unknown id."""
    topic = BY_ID[topic_id]
    return Reply(
        kind="answer",
        topic=topic.id,
        text=render(topic, t),
        suggestions=tuple(suggestion(related, t) for related in topic.related),
    )


def list_topics(t: Texts, group: str | None = None) -> list[Suggestion]:
    """All topics in browsing order (living with RLS, treatment and care, the study), or
    one group's."""
    if group is None:
        return [suggestion(topic.id, t) for topic in TOPICS]
    return [suggestion(topic, t) for name, _, ids in GROUPS if name == group for topic in ids]


def groups() -> list[tuple[str, str]]:
    """The /faq groups: (name, title as a catalog text), practical ones first."""
    return [(name, title) for name, title, _ in GROUPS]


def is_followup(question: str) -> bool:
    """Whether the message only refers back to the last answer ("source?", "why?")."""
    return followup.ask_of(question[:_MAX_QUESTION]) is not None


def answer(
    question: str,
    t: Texts,
    lines: HelpLines = INTERNATIONAL,
    last_topic: str | None = None,
) -> Reply:
    """Answer a free-text question: safety checks first, then small talk, follow-ups (about
    ``last_topic``, the last topic answered in the chat) and topic matching."""
    question = question.strip()[:_MAX_QUESTION]
    if not question:
        popular = tuple(suggestion(topic, t) for topic in POPULAR)
        return Reply("no_match", None, t.gettext(_EMPTY), popular)
    urgent = safety.check(question, t, lines)
    if urgent is not None:
        return urgent
    chat = smalltalk.reply(question, t)
    if chat is not None:
        return chat
    ask = followup.ask_of(question)
    if ask is not None:
        return followup.reply(ask, last_topic, t)
    decision = index().decide(question)
    if decision.outcome == "answer":
        return topic_reply(decision.topics[0], t)
    if decision.outcome == "ambiguous":
        candidates = tuple(suggestion(topic, t) for topic in decision.topics)
        options = "\n".join(f"• {html.escape(s.title)}" for s in candidates)
        return Reply(
            kind="no_match",
            topic=decision.topics[0],
            text=f"{t.gettext(DID_YOU_MEAN)}\n{options}",
            suggestions=candidates,
        )
    related = list(decision.topics)
    related += [topic for topic in POPULAR if topic not in related]
    return Reply(
        kind="no_match",
        topic=decision.topics[0] if decision.topics else None,
        text=t.gettext(_NO_MATCH),
        suggestions=tuple(suggestion(topic, t) for topic in related[:4]),
    )
