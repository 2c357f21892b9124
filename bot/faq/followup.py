"""Follow-ups: "source?", "tell me more", "why?" refer to the last topic answered in the
chat (the caller passes it in: it is kept in the database, so any process can answer).

Only a message that is nothing but a follow-up counts ("and for children?" names a topic
of its own and goes to the matcher). Without a last topic (none yet, or forgotten) the
reply asks which topic is meant.
"""

from __future__ import annotations

import html
import re
from typing import Literal

from bot.faq.sources import CITATIONS
from bot.faq.text import normalise
from bot.faq.topics import BY_ID, POPULAR, render, suggestion
from bot.faq.types import Reply
from bot.i18n import N_, Texts

Ask = Literal["source", "more"]

_SOURCE = re.compile(
    r"^(and )?(what is |whats |what are |where is |wheres |give me |got a |any |can i have |"
    r"can you give me |do you have )?(the |a |your |some )?"
    r"(source|sources|reference|references|citation|citations|link|links|proof|evidence)"
    r"( for (that|this|it))?( please)?$"
    r"|^(where (is|did) (that|this|it) (come|comes|came) from|where did you (get|read) (that|this)"
    r"|says who|who says|according to (who|whom)|how do you know( that)?)( please)?$"
)
_MORE = re.compile(
    r"^(and |ok |okay |so )?(tell me more|more|more please|more info|more information|go on"
    r"|and then|explain|explain more|explain that|elaborate|details|more details|what else"
    r"|anything else|can you explain|say more|keep going|continue"
    r"|why|why is that|why so|how come|how so|why does it|why is it|but why|and why)"
    r"( about (that|this|it))?( please)?$"
)

SOURCES_TEXT = N_("<b>{title}</b>: where that answer comes from\n\n{citations}")
MORE_TEXT = N_("More on <b>{title}</b>, from the topic next to it:")
FORGOTTEN_TEXT = N_(
    "Which topic do you mean? I keep the last answer in mind for half an hour, and only "
    "for people who agreed to store their answers. Pick a topic, or ask in a few words:"
)


def ask_of(question: str) -> Ask | None:
    """Which follow-up the message is, or None when it is not one."""
    norm = normalise(question)
    if _SOURCE.match(norm):
        return "source"
    if _MORE.match(norm):
        return "more"
    return None


def reply(ask: Ask, last_topic: str | None, t: Texts) -> Reply:
    topic = BY_ID.get(last_topic or "")
    if topic is None:
        popular = tuple(suggestion(p, t) for p in POPULAR)
        return Reply("no_match", None, t.gettext(FORGOTTEN_TEXT), popular)
    title = html.escape(t.gettext(topic.title))
    if ask == "source":
        citations = "\n".join(f"• {t.gettext(CITATIONS[s])}" for s in topic.sources)
        text = t.gettext(SOURCES_TEXT, title=title, citations=citations)
        related = tuple(suggestion(r, t) for r in topic.related)
        return Reply("answer", topic.id, text, related)
    nearest, *others = topic.related
    lead = t.gettext(MORE_TEXT, title=title)
    text = f"{lead}\n\n{render(BY_ID[nearest], t)}"
    return Reply("answer", nearest, text, tuple(suggestion(o, t) for o in others))
