"""Every word the bot shows comes from the catalog: a journey through every feature with a
pseudo-language that writes each catalog text in look-alike letters ("Skip" → "Šķíƥ").

Whatever still shows plain ASCII words after that bypassed the catalog, unless it is what
the user typed, a command name, a zone or place name, or a word of CLDR's own (Babel's
weekday and month names, its "and"), which real languages get translated by Babel.
"""

from __future__ import annotations

import re
from datetime import timedelta
from gettext import NullTranslations
from html import unescape

import pytest
from babel import Locale
from sqlalchemy import select

from bot.clock import ManualClock
from bot.i18n import LANGUAGES, Texts
from bot.i18n.languages import own_name
from handlers.misc import COMMANDS
from models import Checkin, SleepDiary
from stillnight_dev.standin import BotApiStandin
from tests.harness import BotHarness

LOOK_ALIKE = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçďéƒĝĥíĵķĺɱñóƥʠŕšţúʋŵẋýžÁßÇĎÉƑĜĤÍĴĶĹṀÑÓƤǪŔŠŢÚṼŴẊÝŽ",
)
_KEPT = re.compile(r"(\{[^{}]*\}|<[^>]+>|&\w+;)")  # fields, markup and entities stay as they are


def pseudo(text: str) -> str:
    return "".join(
        part if _KEPT.fullmatch(part) else part.translate(LOOK_ALIKE) for part in _KEPT.split(text)
    )


class PseudoCatalog(NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)


PSEUDO = Texts("en", Locale.parse("en_GB"), PseudoCatalog())
TYPED = {"Berlin", "Ropinirole", "mg", "Long", "walk", "before", "bed", "none", "nonsense"}
TYPED |= {"Slept", "better", "after", "the"}  # the diary's comments


def cldr_words() -> set[str]:
    locale = Locale.parse("en_GB")
    words: set[str] = {"and"}
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide"):
            words |= set(locale.days[context][width].values())
            words |= set(locale.months[context][width].values())
    return {w.rstrip(".") for w in words}


# Each language is named in itself on the language buttons ("English", "Deutsch"), untranslated.
OWN_NAMES = {word for code in LANGUAGES for word in re.findall(r"[A-Za-z]{2,}", own_name(code))}
ALLOWED = TYPED | cldr_words() | {name for name, _ in COMMANDS} | {"Europe", "UTC"} | OWN_NAMES


def shown_texts(standin: BotApiStandin) -> list[str]:
    """Everything the bot put on the user's screen: messages, edits, captions, toasts,
    buttons, the input placeholder, the command menu."""
    found: list[str] = [c["description"] for c in standin.commands]
    for call in standin.calls:
        params = call.params
        found += [str(params[k]) for k in ("text", "caption") if params.get(k)]
        markup = params.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []) + markup.get("keyboard", []):
            found += [button["text"] for button in row]
        if markup.get("input_field_placeholder"):
            found.append(markup["input_field_placeholder"])
    return found


def untranslated(texts: list[str]) -> set[str]:
    words: set[str] = set()
    for text in texts:
        plain = unescape(re.sub(r"<[^>]+>", " ", text))
        words |= {w for w in re.findall(r"[A-Za-z]{2,}", plain) if w not in ALLOWED}
    return words


@pytest.fixture
async def pseudo_bot(standin: BotApiStandin, database_url: str, clock: ManualClock):
    harness = BotHarness(standin.url, database_url, clock, texts=lambda language: PSEUDO)
    await harness.start()
    yield harness
    await harness.close()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_every_text_of_every_feature_comes_from_the_catalog(
    pseudo_bot: BotHarness, standin: BotApiStandin, clock: ManualClock
) -> None:
    user = standin.user(user_id=4001, first_name="Pia")
    await user.command("/start")
    await user.tap(pseudo("Yes, store my answers"))
    await user.send("Berlin")
    await user.send("21:30")
    await user.send("7")
    await user.tap(pseudo("Yes, please"))
    await user.tap(pseudo("Yes, please"))  # the weekly feedback too
    for command in ("/help", "/faq", "/privacy", "/export", "/settings", "/pause", "/resume"):
        await user.command(command)
    await user.command("/nonsense")
    await user.send("does coffee make it worse")

    await user.command("/checkin")
    await user.send("eleven")  # refused: the problem's words are the catalog's
    await user.send("3")
    await user.tap(pseudo("In the evening (after 6 pm)"))
    await user.tap(pseudo("Often"))
    await user.tap(pseudo("Calves"))
    await user.tap(pseudo("Done ➜"))
    await user.tap(pseudo("Skip"))
    await user.send("Ropinirole")
    await user.send("21:00 0.25 mg")
    await user.tap(pseudo("Done: {n} medicine ➜").format(n=1))
    await user.tap(f"☕ {pseudo('Caffeine after noon')}")
    await user.tap(pseudo("Done ➜"))
    await user.send("Long walk before bed")
    await user.tap(f"✎ {pseudo('Urge to move')}")
    await user.tap(pseudo("Sometimes"))
    await user.tap(pseudo("✅ Save"))

    clock.advance(hours=10)  # the next morning, 07:00 in Berlin: the morning prompt
    await pseudo_bot.dispatch()
    await user.tap(pseudo("▶ Start"))
    for answer in ("23:00", "23:15", "20", "none", "06:30", "06:45"):
        await user.send(answer)
    await user.send("05:00")  # woke before going to sleep? no: a problem, in the catalog's words
    await user.tap(pseudo("Good"))
    await user.tap(pseudo("A little"))
    await user.send("none")
    await user.send("Slept better after the walk")
    await user.tap(pseudo("✅ Save"))

    await user.command("/summary")
    await user.command("/export")
    await user.tap(pseudo("📊 Spreadsheet (CSV)"))
    await user.command("/delete")
    await user.tap(pseudo("No, keep my data"))

    async with pseudo_bot.session() as session:  # the journey went all the way
        checkin = (await session.scalars(select(Checkin))).one()
        diary = (await session.scalars(select(SleepDiary))).one()
    answered = (checkin.severity, checkin.urge, checkin.note)
    assert answered == (3, "sometimes", "Long walk before bed")
    assert checkin.saved_at is not None and diary.saved_at is not None and diary.quality == 4
    assert standin.calls_to("sendDocument"), "the spreadsheet was sent"

    leftover = untranslated(shown_texts(standin))
    assert leftover == set(), f"texts that bypass the catalog: {sorted(leftover)}"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_the_weekly_feedback_and_the_summary_details_come_from_the_catalog(
    pseudo_bot: BotHarness, standin: BotApiStandin, clock: ManualClock
) -> None:
    from tests.test_weekly_e2e import ANA, MONDAY_AFTER, WEEK, berlin, days, seed

    user = standin.user(user_id=ANA, first_name="Pia")
    await user.command("/start")
    await user.tap(pseudo("Yes, store my answers"))
    await user.send("Berlin")
    await user.send("21:30")
    await user.send("7")
    await user.tap(pseudo("Yes, please"))
    await user.tap(pseudo("Yes, please"))
    await seed(pseudo_bot, days(WEEK - timedelta(days=7), 5), [5, 4, 5, 4, 5], [False] * 5)
    await seed(pseudo_bot, days(WEEK, 4), [6, 7, 3, 4], [True, True, False, False])
    clock.set(berlin(MONDAY_AFTER, 12, 0))
    await pseudo_bot.dispatch()
    assert any(pseudo("Your week") in m.text for m in user.messages), "the weekly came"
    clock.set(berlin(MONDAY_AFTER + timedelta(days=1), 12, 0))
    await pseudo_bot.dispatch()
    await user.tap(pseudo("🔎 More details"))
    assert pseudo("details") in user.last_text
    leftover = untranslated(shown_texts(standin)) - {"long", "car", "ride"}  # an own factor
    assert leftover == set(), f"texts that bypass the catalog: {sorted(leftover)}"
