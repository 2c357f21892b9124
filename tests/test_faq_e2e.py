"""Questions through Telegram: typed, did-you-mean, /faq browsing; nothing is stored."""

from __future__ import annotations

from bot import faq
from bot.i18n import texts_for
from stillnight_dev.standin import BotApiStandin
from tests.harness import BotHarness

ENGLISH = texts_for("en")


async def test_a_typed_question_gets_a_sourced_answer_and_related_topics(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2001, first_name="Cleo")
    await user.send("does coffee make it worse")
    assert "caffeine" in user.last_text.lower()
    assert "Source" in user.last_text
    related = user.last_buttons
    assert related, "related topics are offered as buttons"
    await user.tap(related[0][0])
    assert related[0][0] in user.last_text
    assert await bot.stored_rows() == {}


async def test_unsure_between_topics_offers_did_you_mean_buttons(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2001, first_name="Cleo")
    reply = faq.answer("why doesnt ropinirole help my sleep", ENGLISH)
    assert reply.kind == "no_match" and len(reply.suggestions) >= 2
    await user.send("why doesnt ropinirole help my sleep")
    assert "not sure which you mean" in user.last_text
    choice = reply.suggestions[0]
    await user.tap(choice.title)
    assert user.last_html == faq.topic_reply(choice.topic, ENGLISH).text


async def test_faq_topics_can_be_browsed_by_button(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=2001, first_name="Cleo")
    await user.command("/faq")
    titles = [row[0] for row in user.last_buttons]
    assert titles == [t.title for t in faq.list_topics(ENGLISH)]
    await user.tap("Iron and ferritin")
    assert "ferritin" in user.last_text.lower()
    assert "AASM" in user.last_text


async def test_dose_questions_are_declined_kindly(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=2001, first_name="Cleo")
    await user.send("should i stop my pramipexole")
    assert "can't advise on doses" in user.last_text
    assert "clinician" in user.last_text or "pharmacist" in user.last_text


async def test_off_topic_says_so_and_never_invents(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=2001, first_name="Cleo")
    await user.send("what is the capital of france")
    assert "don't have an answer" in user.last_text


async def test_a_removed_topic_button_gets_a_clear_notice(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2001, first_name="Cleo")
    await user.command("/faq")
    replies = await user.tap_data("faq:no_such_topic")
    assert "don't have that topic" in replies.toast
