"""Which language a user reads: their Telegram app's at first (stored when they agree), then
the one they pick in /language or /settings; the command menu in each language."""

from __future__ import annotations

import pytest

from bot.i18n import LANGUAGES, texts_for
from bot.i18n.languages import from_telegram, own_name
from handlers.misc import COMMANDS
from models import User
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_user
from tests.harness import BotHarness
from tests.languages import OTHERS, onboard_in

ANA = 1001


@pytest.mark.parametrize(
    ("app", "expected"),
    [
        ("pt-br", "pt"), ("pt-PT", "pt"), ("pt", "pt"), ("de-at", "de"), ("de-CH", "de"),
        ("es-mx", "es"), ("es-419", "es"), ("ru", "ru"), ("en-US", "en"), ("uk", "en"),
        ("be", "en"), ("fr", "en"), ("", "en"), (None, "en"), ("x-klingon", "en"),
    ],
)  # fmt: skip
def test_a_telegram_language_code_is_read_by_its_language_family(
    app: str | None, expected: str
) -> None:
    assert from_telegram(app) == (expected if expected in LANGUAGES else "en")


def test_each_language_is_named_in_itself() -> None:
    names = {"en": "English", "ru": "Русский", "de": "Deutsch", "es": "Español"}
    names["pt"] = "Português (Brasil)"
    assert {code: own_name(code) for code in LANGUAGES} == {c: names[c] for c in LANGUAGES}


async def test_the_command_menu_is_set_in_every_language(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    assert [c["command"] for c in standin.commands] == [name for name, _ in COMMANDS]
    for code in OTHERS:
        menu = standin.commands_for(language_code=code)
        expected = [texts_for(code).gettext(about) for _, about in COMMANDS]
        assert [c["description"] for c in menu] == expected


async def test_an_unknown_app_language_gets_english_and_stores_it_at_consent(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana", language_code="fr")
    await user.command("/start")
    assert await bot.stored_rows() == {}, "nothing stored before she agrees"
    await user.tap("Yes, store my answers")
    stored = await stored_user(bot, ANA)
    assert stored is not None and stored.language == "en"


@pytest.mark.parametrize("language", OTHERS)
async def test_language_picks_another_language_for_this_reply_on(
    language: str, bot: BotHarness, standin: BotApiStandin
) -> None:
    t = texts_for(language)
    user = standin.user(user_id=ANA, first_name="Ana", language_code="en")
    await onboard(user)
    await user.command("/language")
    assert user.last_buttons[0] == ["✓ English"]
    assert [row[0] for row in user.last_buttons] == [
        ("✓ " if code == "en" else "") + own_name(code) for code in LANGUAGES
    ]
    await user.tap(own_name(language))
    assert user.last_text == t.gettext(
        "From now on I'll write to you in {language}.", language=own_name(language)
    )
    stored = await stored_user(bot, ANA)
    assert stored is not None and stored.language == language
    menu = standin.commands_for(scope={"type": "chat", "chat_id": ANA})
    assert menu[0]["description"] == t.gettext(COMMANDS[0][1]), "her menu follows"

    await user.command("/help")
    assert t.gettext("<b>What I can do</b>").removeprefix("<b>").removesuffix("</b>") in (
        user.last_text
    )
    await user.command("/settings")
    label = t.gettext("🗣 Language: {language}", language=own_name(language))
    await user.tap(label)
    await user.tap("English")
    assert user.last_text.startswith("From now on I'll write to you in English.")
    assert "Settings" in user.last_text, "back on the settings screen, in English"
    stored = await stored_user(bot, ANA)
    assert stored is not None and stored.language == "en"


async def test_language_before_agreeing_stores_nothing(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/language")
    await user.tap("✓ English")
    assert "/start" in (user.last_toast or "")
    assert await bot.stored_rows() == {}


async def test_a_user_from_before_languages_gets_hers_stored_at_start(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=ANA, first_name="Ana", language_code="de-CH")
    await onboard_in(user, "de")
    async with bot.sessionmaker.begin() as session:
        stored = await session.get(User, ANA)
        assert stored is not None
        stored.language = None  # as every user was before migration 0014
    await user.command("/start")
    welcome = texts_for("de").gettext("<b>Welcome back!</b> Everything is as you left it.")
    assert welcome.replace("<b>", "").replace("</b>", "") in user.last_text
    again = await stored_user(bot, ANA)
    assert again is not None and again.language == "de"
