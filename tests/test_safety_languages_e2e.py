"""Safety in every language, through the bot: a crisis, an overdose taken, a red flag or a
dosing question typed in any of its languages gets the safety reply, in the user's language,
with the lines of her country (Berlin: Germany's)."""

from __future__ import annotations

import re

import pytest

from bot.faq.safety_replies import _DOSING_LEAD, CRISIS_TEXT, OVERDOSE_TEXT, URGENT_TEXT
from bot.i18n import texts_for
from stillnight_dev.standin import BotApiStandin
from tests.harness import BotHarness
from tests.languages import OTHERS, onboard_in, plain

ANA = 1001
SAID = {
    "ru": ("хочу умереть", "я выпила всю упаковку таблеток", "у меня опухла и покраснела икра",
           "сколько таблеток прамипексола мне принять?"),
    "de": ("ich will nicht mehr leben", "ich habe eine ganze Packung Tabletten geschluckt",
           "meine Wade ist geschwollen und rot", "wie viel Ropinirol soll ich nehmen?"),
    "es": ("quiero morir", "me tomé todas las pastillas de la caja",
           "tengo la pantorrilla hinchada", "¿cuánto pramipexol debo tomar?"),
    "pt": ("quero morrer", "tomei a cartela inteira de comprimidos",
           "minha panturrilha está inchada e vermelha", "quanto de pramipexol devo tomar?"),
}  # fmt: skip
REPLIES = (CRISIS_TEXT, OVERDOSE_TEXT, URGENT_TEXT, _DOSING_LEAD)


def heading(language: str, text: str) -> str:
    """The reply's bold first words, in `language`: enough to tell the replies apart."""
    found = re.search(r"<b>(.*?)</b>", texts_for(language).gettext(text))
    assert found is not None
    return plain(found.group(1))


@pytest.mark.parametrize("language", OTHERS)
async def test_each_alarm_in_her_language_gets_its_reply_in_it(
    language: str, bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana", language_code=language)
    await onboard_in(user, language)
    for said, reply in zip(SAID[language], REPLIES, strict=True):
        await user.send(said)
        assert heading(language, reply) in plain(user.last_html), said
    await user.send(SAID[language][0])
    assert "0800 111 0 111" in user.last_text, "Germany's crisis line"


@pytest.mark.parametrize("language", OTHERS)
async def test_a_crisis_typed_in_another_language_is_caught(
    language: str, bot: BotHarness, standin: BotApiStandin
) -> None:
    other = OTHERS[(OTHERS.index(language) + 1) % len(OTHERS)]
    user = standin.user(user_id=ANA, first_name="Ana", language_code=language)
    await onboard_in(user, language)
    await user.send(SAID[other][0])
    assert heading(language, CRISIS_TEXT) in plain(user.last_html)
