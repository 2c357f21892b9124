"""The main journeys in every language the bot speaks besides English, on both databases:
onboarding, a check-in, the morning diary from its reminder, the weekly and monthly
messages, /summary, a doctor's report (and one in another language), export, /delete and
import. No English text may be left on the screen (tests/languages.py), nor in the PDF."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from bot.clock import ManualClock
from bot.faq import _NO_MATCH
from bot.i18n import texts_for
from bot.reports.pdf_blocks import TITLE
from stillnight_dev.standin import BotApiStandin
from tests.flows import stored_checkins, stored_user
from tests.harness import BotHarness
from tests.languages import OTHERS, button_labels, english_left, plain
from tests.test_catalog_e2e import shown_texts
from tests.test_weekly_e2e import MONDAY_AFTER, berlin, days, seed

ANA = 1001
# What each language's Telegram app may send: a region is no other language.
APP_LANGUAGE = {"ru": "ru", "de": "de-AT", "es": "es-419", "pt": "pt-br"}
JSON = "application/json"


def pdf_text(data: bytes | None) -> str:
    assert data is not None
    return plain(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


@pytest.mark.parametrize("language", OTHERS)
async def test_every_journey_in_the_users_language(
    language: str, bot: BotHarness, standin: BotApiStandin, clock: ManualClock
) -> None:
    t = texts_for(language)
    g = t.gettext
    user = standin.user(user_id=ANA, first_name="Ana", language_code=APP_LANGUAGE[language])
    await user.command("/start")
    await user.tap(g("Yes, store my answers"))
    await user.send("Berlin")
    await user.send("21:30")
    await user.send("07:30")
    await user.tap(g("Yes, please"))
    await user.tap(g("Yes, please"))  # the weekly feedback too
    stored = await stored_user(bot, ANA)
    assert stored is not None and stored.language == language, "from the app's language_code"
    for command in ("/help", "/faq", "/privacy", "/settings"):
        await user.command(command)
    await user.send("Lorem ipsum dolor")  # no topic matches it: the no-match reply, translated
    assert plain(g(_NO_MATCH)) in plain(user.last_html)

    await user.command("/checkin")
    await user.send("3")
    await user.tap(g("In the evening (after 6 pm)"))
    await user.tap(g("Often"))
    await user.tap(g("Calves"))
    await user.tap(g("Done ➜"))
    await user.tap(g("Skip"))
    await user.send("Ropinirole")
    await user.send("21:00 0.25 mg")
    await user.tap(t.ngettext("Done: {n} medicine ➜", "Done: {n} medicines ➜", 1))
    await user.tap(f"☕ {g('Caffeine after noon')}")
    await user.tap(g("Done ➜"))
    await user.send("Abendspaziergang")
    await user.tap(g("✅ Save"))
    assert [c.severity for c in await stored_checkins(bot, ANA)] == [3]

    clock.advance(hours=10)  # 07:00 in Berlin: the morning prompt, in her language
    await bot.dispatch()
    await user.tap(g("▶ Start"))
    for answer in ("23:00", "23:15", "20", "0", "06:30", "06:45"):
        await user.send(answer)
    await user.tap(g("Good"))
    await user.tap(g("A little"))
    await user.send("0")
    await user.send("Abendspaziergang")
    await user.tap(g("✅ Save"))

    await seed(bot, days(date(2026, 11, 16), 8), [5, 4, 6, 3, 5, 4, 6, 5], [False, True] * 4)
    clock.set(berlin(MONDAY_AFTER, 12, 0))
    await bot.dispatch()  # the weekly feedback
    clock.set(berlin(date(2026, 12, 1), 12, 0))
    await bot.dispatch()  # the monthly summary of November
    assert standin.calls_to("sendPhoto"), "the month came with its chart"
    await user.command("/summary")

    await user.command("/export")
    await user.tap(g("📄 Report for my doctor (PDF)"))
    await user.tap(g("Last 30 days"))
    await user.tap(g("No, leave them out"))
    await user.tap(g("No name"))
    report = pdf_text(user.messages[-1].document_bytes)
    assert g(TITLE) in report
    assert english_left([report], language) == set(), "the PDF is all in her language"

    await user.command("/export")
    await user.tap(g("📄 Report for my doctor (PDF)"))
    await user.tap(g("Last 30 days"))
    await user.tap(g("No, leave them out"))
    await user.tap(g("🌐 Report in another language"))
    await user.tap("English")
    assert "English" in user.last_text
    await user.tap(g("No name"))
    assert texts_for("en").gettext(TITLE) in pdf_text(user.messages[-1].document_bytes)

    await user.command("/export")
    await user.tap(g("🔒 Everything stored about me"))
    exported = user.messages[-1].document_bytes
    assert exported is not None and b'"language": "' + language.encode() + b'"' in exported
    await user.command("/delete")
    await user.tap(g("Yes, delete everything"))
    await user.tap(g("Delete for good"))
    assert await bot.stored_rows() == {}
    await user.command("/start")
    await user.tap(g("Yes, store my answers"))
    await user.send_document(exported, filename="stillnight-my-data.json", mime_type=JSON)
    replies = await user.tap(g("✅ Import"))
    assert plain(g("<b>Imported</b> ✓")) in plain(replies.texts[0])
    assert len(await stored_checkins(bot, ANA)) == 9

    shown = shown_texts(standin)[len(standin.commands) :]  # the default menu is English's
    shown += [c["description"] for c in standin.commands_for(language_code=language)]
    left = english_left(shown, language)
    assert left == set(), f"English on a {language} screen: {sorted(left)}"
    long_labels = [label for label in button_labels(standin) if len(label) > 64]
    assert long_labels == [], "labels too long for a phone's button"
