"""The topic registry: browsing order, lookup by id and rendering to Telegram HTML.

A topic's title, body and source labels are catalog texts (English msgids): the matcher reads
the English, a reply shows them translated.
"""

from __future__ import annotations

import html
import re

from bot.faq.topics_basics import BASICS
from bot.faq.topics_care import CARE
from bot.faq.topics_study import STUDY
from bot.faq.types import Suggestion, Topic
from bot.i18n import Texts

_BY_ID_UNORDERED: dict[str, Topic] = {t.id: t for t in (*BASICS, *STUDY, *CARE)}

# Browsing order for /faq: the condition, the study, treatment, everyday life, the bot.
ORDER: tuple[str, ...] = (
    "what_is_rls",
    "symptoms",
    "night_worse",
    "causes",
    "mood_tiredness",
    "article_summary",
    "legs_vs_sleep",
    "glutamate",
    "thalamus",
    "study_people",
    "sleep_hours",
    "study_links",
    "researchers",
    "future",
    "treatments",
    "dopamine_drugs",
    "augmentation",
    "alpha2delta",
    "iron",
    "triggers",
    "self_help",
    "plm",
    "pregnancy",
    "kidney",
    "genes",
    "see_doctor",
    "about_bot",
)
TOPICS: tuple[Topic, ...] = tuple(_BY_ID_UNORDERED[i] for i in ORDER)
BY_ID: dict[str, Topic] = {t.id: t for t in TOPICS}

# The answer when a question names the condition and nothing else ("rls?").
CONDITION_TOPIC = "what_is_rls"

# Offered when nothing matches: the questions most people start with.
POPULAR: tuple[str, ...] = (
    "what_is_rls",
    "legs_vs_sleep",
    "triggers",
    "self_help",
    "iron",
    "see_doctor",
)

_ID_RE = re.compile(r"^[a-z0-9_]{1,24}$")
if set(ORDER) != set(_BY_ID_UNORDERED) or not all(_ID_RE.match(i) for i in ORDER):
    raise RuntimeError("FAQ topic ids must be unique, listed in ORDER and [a-z0-9_]{1,24}")


def suggestion(topic_id: str, t: Texts) -> Suggestion:
    """The button for a topic, its title translated."""
    return Suggestion(topic=topic_id, title=t.gettext(BY_ID[topic_id].title))


def render(topic: Topic, t: Texts) -> str:
    """Title, body and a source line, as one Telegram-HTML message in the language of `t`."""
    title = html.escape(t.gettext(topic.title))
    sources = t.gettext("Source: {sources}", sources="; ".join(t.gettext(s) for s in topic.sources))
    return f"<b>{title}</b>\n\n{t.gettext(topic.body)}\n\n<i>{sources}</i>"
