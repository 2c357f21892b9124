"""Questions through Telegram: typed, did-you-mean, /faq browsing; nothing is stored."""

from __future__ import annotations

import pytest

from bot import faq
from bot.clock import ManualClock
from bot.i18n import texts_for
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard
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


async def test_faq_topics_can_be_browsed_by_group(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=2001, first_name="Cleo")
    await user.command("/faq")
    groups = [row[0] for row in user.last_buttons]
    assert groups == ["Living with RLS", "Treatment and care", "The study and this bot"]
    await user.tap("Treatment and care")
    buttons = [label for row in user.last_buttons for label in row]
    assert all(len(row) <= 2 for row in user.last_buttons), "two a row, for a phone"
    assert buttons == [t.title for t in faq.list_topics(ENGLISH, "care")] + ["‹ All groups"]
    assert buttons[0] == "What doctors try first today"
    await user.tap("‹ All groups")
    assert [row[0] for row in user.last_buttons] == groups
    await user.tap("Living with RLS")
    assert "What RLS is" in [label for row in user.last_buttons for label in row]
    await user.tap("‹ All groups")
    await user.tap("Treatment and care")
    await user.tap("Iron and ferritin")
    assert "ferritin" in user.last_text.lower()
    assert "AASM" in user.last_text


async def test_every_topic_is_in_one_group() -> None:
    grouped = [s.topic for name, _ in faq.groups() for s in faq.list_topics(ENGLISH, name)]
    assert sorted(grouped) == sorted(s.topic for s in faq.list_topics(ENGLISH))
    assert len(grouped) == len(set(grouped))


async def test_a_follow_up_is_about_the_last_answer_even_after_a_restart(
    bot: BotHarness, standin: BotApiStandin, clock: ManualClock
) -> None:
    user = standin.user(user_id=2002, first_name="Dora")
    await onboard(user)
    await user.send("does coffee make it worse")
    assert "caffeine" in user.last_text.lower()
    await bot.restart()  # another process: the memory is in the database
    await user.send("source?")
    assert "where that answer comes from" in user.last_text
    assert "nhs.uk" in user.last_html
    await user.send("tell me more")
    assert user.last_text.startswith("More on Things that can make it worse")
    await user.send("why?")
    assert user.last_text.startswith("More on ")
    clock.advance(minutes=31)
    await user.send("source?")
    assert "Which topic do you mean?" in user.last_text


async def test_a_topic_opened_by_button_is_the_one_a_follow_up_means(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2002, first_name="Dora")
    await onboard(user)
    await user.command("/faq")
    await user.tap("The study and this bot")
    await user.tap("How the study measured things")
    await user.send("what's the source for that")
    assert "Neurology" in user.last_text and "2028-2034" in user.last_text


async def test_without_consent_nothing_is_remembered(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2003, first_name="Eli")
    await user.send("does coffee make it worse")
    await user.send("source?")
    assert "Which topic do you mean?" in user.last_text
    assert await bot.stored_rows() == {}


@pytest.mark.parametrize(
    ("place", "lines", "not_there"),
    [
        ("Madrid", ("<b>112</b>", "024"), "Samaritans"),
        ("Sydney", ("<b>000</b>", "Lifeline: <b>13 11 14</b>"), "988"),
    ],
)
async def test_crisis_lines_are_those_of_the_users_country(
    bot: BotHarness, standin: BotApiStandin, place: str, lines: tuple[str, ...], not_there: str
) -> None:
    user = standin.user(user_id=2004, first_name="Fay")
    await onboard(user, place)
    await user.send("i want to take all my pills at once and be done")
    for line in (*lines, "findahelpline.com"):
        assert line in user.last_html
    assert not_there not in user.last_text
    assert user.last_buttons == []


async def test_an_overdose_taken_gets_emergency_and_poison_advice(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2005, first_name="Gus")
    await onboard(user, "Sydney")
    await user.send("I took 3 extra ropinirole pills, is that ok")
    assert "call your emergency number now:</b> <b>000</b>" in user.last_html
    assert "Poisons Information Centre: <b>13 11 26</b>" in user.last_html
    assert "I'm here if you want to come back" in user.last_text
    assert "can't advise on doses" not in user.last_text


async def test_a_negated_crisis_phrase_gets_the_lines_gently(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2006, first_name="Hal")
    await onboard(user, "London")
    await user.send("I'm not suicidal, just tired of these legs")
    assert user.last_text.startswith("I'm glad to hear that.")
    assert "Samaritans: 116 123" in user.last_text


async def test_crisis_lines_go_out_before_any_zone_is_known(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2007, first_name="Ivy")
    await user.send("i want to die")
    for needle in ("112", "999", "911", "988", "116 123", "findahelpline.com"):
        assert needle in user.last_text


async def test_hello_and_thanks_get_a_friendly_reply(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2008, first_name="Jo")
    await user.send("hello")
    assert user.last_text.startswith("Hello! I'm Stillnight")
    assert "/faq" in user.last_text
    await user.send("thanks!")
    assert user.last_text.startswith("You're welcome")


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


async def test_delete_removes_the_follow_up_memory_too(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2009, first_name="Kai")
    await onboard(user)
    await user.send("is magnesium good for rls")
    assert "Magnesium" in user.last_text
    assert (await bot.stored_rows()).get("faq_memory") == 1
    await user.command("/delete")
    await user.tap("Yes, delete everything")
    await user.tap("Delete for good")
    assert await bot.stored_rows() == {}


async def test_a_question_during_a_checkin_is_answered_and_not_remembered(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = standin.user(user_id=2010, first_name="Lea")
    await onboard(user)
    await user.command("/checkin")
    await user.send("does coffee make it worse")
    assert any("caffeine" in (m.text or "").lower() for m in user.messages[-2:])
    assert "faq_memory" not in await bot.stored_rows()


async def test_the_hourly_prune_forgets_follow_up_memory_past_its_half_hour(
    bot: BotHarness, standin: BotApiStandin, clock: ManualClock
) -> None:
    user = standin.user(user_id=2011, first_name="Mo")
    await onboard(user)
    await user.send("does coffee make it worse")
    [prune] = bot.app.job_queue.get_jobs_by_name("prune")
    await prune.run(bot.app)
    assert (await bot.stored_rows()).get("faq_memory") == 1, "still within its half hour"
    clock.advance(minutes=31)
    await prune.run(bot.app)
    assert "faq_memory" not in await bot.stored_rows()
