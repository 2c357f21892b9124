"""FAQ answer engine: a question in, one short Telegram-HTML reply out.

Pipeline of :func:`answer`: safety checks first (:mod:`bot.faq.safety`: crisis, red flags,
dosing), then topic matching (:mod:`bot.faq.matcher`). Topic texts live in
``topics_*.py``; every answer names its sources and stays under ~700 characters.

Reply kinds and how each outcome is encoded:

* ``answer``: ``topic`` is the topic id; ``suggestions`` are related topics.
* ``crisis``: ``topic="crisis"`` (help lines, nothing else) or ``topic="urgent_care"``
  (red flags: get same-day care). No suggestions, on purpose.
* ``decline``: ``topic="dosing"``; a kind refusal plus safe general facts, with
  suggestions pointing at the relevant topics.
* ``no_match``, two flavours:

  - *did you mean*: two or three topics scored close together and none explains the
    question well. ``topic`` is the best guess, ``suggestions`` are the 2-3 candidates
    (best first) and the text starts with "I'm not sure which you mean".
  - *nothing fits*: ``topic`` is the best partial match or None, ``suggestions`` are
    related topics (or popular ones) and the text says kindly that we have no answer.

Indexes are built on first use; after that a question takes well under a millisecond.
"""

from __future__ import annotations

import html

from bot.faq import safety
from bot.faq.matcher import index
from bot.faq.topics import BY_ID, POPULAR, TOPICS, render, suggestion
from bot.faq.types import Reply, Suggestion

__all__ = [
    "DID_YOU_MEAN",
    "Reply",
    "Suggestion",
    "answer",
    "list_topics",
    "safety_reply",
    "topic_reply",
]

_MAX_QUESTION = 1000  # longer input is cut: nobody types more at midnight on a phone

DID_YOU_MEAN = "I'm not sure which you mean — pick one:"
_NO_MATCH = (
    "Sorry, I don't have an answer for that. I only answer questions about restless "
    "legs, sleep and the study in the article, from trusted sources, and I'd rather not "
    "guess. These topics might help:"
)
_EMPTY = "Ask me anything about restless legs or sleep, or pick a topic:"


def safety_reply(text: str) -> Reply | None:
    """The crisis / urgent-care / dosing reply for ``text``, or None if none applies."""
    return safety.check(text[:_MAX_QUESTION])


def topic_reply(topic_id: str) -> Reply:
    """The answer for a topic button. Raises KeyError for an unknown id."""
    topic = BY_ID[topic_id]
    return Reply(
        kind="answer",
        topic=topic.id,
        text=render(topic),
        suggestions=tuple(suggestion(t) for t in topic.related),
    )


def list_topics() -> list[Suggestion]:
    """All topics in browsing order (the condition, the study, treatment, daily life)."""
    return [suggestion(t.id) for t in TOPICS]


def answer(question: str) -> Reply:
    """Answer a free-text question: safety checks first, then topic matching."""
    question = question.strip()[:_MAX_QUESTION]
    if not question:
        return Reply("no_match", None, _EMPTY, tuple(suggestion(t) for t in POPULAR))
    urgent = safety.check(question)
    if urgent is not None:
        return urgent
    decision = index().decide(question)
    if decision.outcome == "answer":
        return topic_reply(decision.topics[0])
    if decision.outcome == "ambiguous":
        options = "\n".join(f"• {html.escape(BY_ID[t].title)}" for t in decision.topics)
        return Reply(
            kind="no_match",
            topic=decision.topics[0],
            text=f"{DID_YOU_MEAN}\n{options}",
            suggestions=tuple(suggestion(t) for t in decision.topics),
        )
    related = list(decision.topics)
    related += [t for t in POPULAR if t not in related]
    return Reply(
        kind="no_match",
        topic=decision.topics[0] if decision.topics else None,
        text=_NO_MATCH,
        suggestions=tuple(suggestion(t) for t in related[:4]),
    )
