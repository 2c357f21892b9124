"""Text typed where a button is expected: the step's own hint and the question again, unless
it is a real question (the answer, then the step) or a crisis (the crisis reply alone)."""

from __future__ import annotations

from handlers.text import WAITING as DIALOG_WAITING
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins
from tests.harness import BotHarness

ANA = 1001
SEVERITY = "How restless were your legs today?"
ONSET = "When did the symptoms start today?"
NO_ANSWER = "Sorry, I don't have an answer"


async def ready_user(standin: BotApiStandin):
    user = standin.user(user_id=ANA, first_name="Ana")
    await onboard(user)
    return user


async def test_number_words_at_the_scale(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    shown = len(user.messages)
    await user.send("eleven")
    assert len(user.messages) == shown + 1, "one reply: the hint with the question"
    assert NO_ANSWER not in user.last_text
    assert "from 0 to 10" in user.last_text and SEVERITY in user.last_text
    await user.send("seven")
    assert ONSET in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.severity == 7


async def test_a_word_at_a_choice_gets_the_steps_hint_not_the_faq(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.tap("5")
    shown = len(user.messages)
    await user.send("hello")
    assert len(user.messages) == shown + 1
    assert NO_ANSWER not in user.last_text
    assert "tap one of the buttons" in user.last_text and ONSET in user.last_text
    await user.send("sometimes")  # a word, not one of the buttons
    assert NO_ANSWER not in user.last_text and ONSET in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert (checkin.severity, checkin.onset) == (5, None)


async def test_a_real_question_is_answered_then_the_step(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.tap("5")
    shown = len(user.messages)
    await user.send("can you recommend a pizza place?")
    assert len(user.messages) == shown + 2, "a question mark: the FAQ's reply, then the step"
    texts = [m.text for m in user.messages[-2:]]
    assert ONSET not in texts[0] and DIALOG_WAITING in texts[1] and ONSET in texts[1]
    await user.send("i cant take this anymore i want to end my life")
    assert "0800 111 0 111" in user.last_text, "a Berlin user gets the German lines"
    assert ONSET not in user.last_text


async def test_a_word_at_the_recap_names_its_own_buttons(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.tap("3")
    while "recap" not in user.last_text:
        await user.tap("Skip")
    buttons = str(user.last_buttons)
    assert "Skip" not in buttons
    await user.send("hello")
    assert NO_ANSWER not in user.last_text and "recap" in user.last_text
    assert "Skip" not in user.last_text
    assert "✅ Save" in user.last_text and "✎" in user.last_text
