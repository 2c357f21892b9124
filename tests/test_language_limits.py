"""Texts that grow in translation still fit Telegram: every FAQ answer, safety reply (with
every country's lines), help and command menu, in every language, as Telegram would parse
it (the stand-in's rules: valid HTML, 4096 characters, 256 for a command's description), with
button labels short enough for a phone. The journeys (test_languages_e2e.py) check the
screens they pass through the same way, through the stand-in."""

from __future__ import annotations

import pytest

from bot.faq import topic_reply
from bot.faq.lines import INTERNATIONAL, LINES
from bot.faq.safety_replies import (
    crisis_reply,
    dosing_reply,
    negated_reply,
    overdose_reply,
    urgent_reply,
)
from bot.faq.topics import TOPICS
from bot.faq.types import Reply
from bot.i18n import LANGUAGES, texts_for
from handlers.misc import command_menu, help_text
from stillnight_dev.standin.rules import check_commands, check_text, render

BUTTON_CHARS = 64  # a label longer than this is cut off on a phone's screen
CLASSES = ("dopamine", "alpha2delta", "iron", "trigger", "generic")


def fits(text: str) -> None:
    check_text(render(text, "HTML"))  # raises the error Telegram would answer with


def replies(language: str) -> list[Reply]:
    t = texts_for(language)
    found = [topic_reply(topic.id, t) for topic in TOPICS]
    for lines in (INTERNATIONAL, *LINES.values()):
        found += [crisis_reply(t, lines), negated_reply(t, lines), overdose_reply(t, lines)]
        found.append(urgent_reply(t, lines))
    found += [dosing_reply(frozenset({a, b}), t) for a in CLASSES for b in CLASSES]
    return found


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_faq_and_safety_reply_fits_in_a_message(language: str) -> None:
    for reply in replies(language):
        fits(reply.text)
        long = [s.title for s in reply.suggestions if len(s.title) > BUTTON_CHARS]
        assert long == [], f"{language}: button labels too long"


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_help_and_the_command_menu_fit(language: str) -> None:
    t = texts_for(language)
    fits(help_text(t))
    check_commands([{"command": c.command, "description": c.description} for c in command_menu(t)])
