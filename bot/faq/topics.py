"""The topic registry: browsing order, lookup by id and rendering to Telegram HTML.

A topic's title, body and source labels are catalog texts (English msgids): the matcher reads
the English, a reply shows them translated.
"""

from __future__ import annotations

import html
import re

from bot.faq.topics_basics import BASICS
from bot.faq.topics_care import CARE
from bot.faq.topics_care_today import CARE_TODAY
from bot.faq.topics_study import STUDY
from bot.faq.types import Suggestion, Topic
from bot.i18n import N_, Texts

_BY_ID_UNORDERED: dict[str, Topic] = {t.id: t for t in (*BASICS, *STUDY, *CARE, *CARE_TODAY)}

# /faq's groups, the practical ones first; browsing order is theirs, one after the other.
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "living",
        N_("Living with RLS"),
        (
            "what_is_rls",
            "symptoms",
            "night_worse",
            "causes",
            "triggers",
            "medicines_worse",
            "self_help",
            "supplements",
            "quinine",
            "mood_tiredness",
            "plm",
            "pregnancy",
            "kidney",
            "children",
            "genes",
        ),
    ),
    (
        "care",
        N_("Treatment and care"),
        (
            "first_line",
            "treatments",
            "iron",
            "alpha2delta",
            "dopamine_drugs",
            "augmentation",
            "nondrug",
            "see_doctor",
        ),
    ),
    (
        "study",
        N_("The study and this bot"),
        (
            "article_summary",
            "legs_vs_sleep",
            "glutamate",
            "thalamus",
            "study_people",
            "study_method",
            "sleep_hours",
            "study_links",
            "researchers",
            "future",
            "about_bot",
        ),
    ),
)
ORDER: tuple[str, ...] = tuple(topic for _, _, ids in GROUPS for topic in ids)
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
