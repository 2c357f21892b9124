"""Updates of different users run at once; one user's updates run in the order they came."""

from __future__ import annotations

from stillnight_dev.standin import BotApiStandin
from tests.flows import stored_checkins, to_locations_question
from tests.harness import BotHarness

ANA, BEN = 1001, 1002


async def at_location_question(standin: BotApiStandin, user_id: int):
    user = standin.user(user_id=user_id, first_name=f"User{user_id}")
    await to_locations_question(user)
    return user


async def test_a_slow_reply_to_one_user_does_not_hold_up_another(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    ana = await at_location_question(standin, ANA)
    ben = await at_location_question(standin, BEN)
    standin.set_fault("editMessageText", "slow", delay=3.0, chat_id=ANA)
    await ana.tap("Calves", wait=False)
    await ben.tap("Feet")
    anas_tap = standin.callback_queries()[-2]
    assert anas_tap.chat_id == ANA and anas_tap.attempts == 0, "Ben was answered first"
    await standin.wait_for(lambda: anas_tap.attempts == 1, timeout=10)
    assert [c.locations for c in await stored_checkins(bot, ANA)] == [["calves"]]
    assert [c.locations for c in await stored_checkins(bot, BEN)] == [["feet"]]


async def test_quick_taps_of_one_user_are_handled_in_order_and_the_screen_shows_both(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    ana = await at_location_question(standin, ANA)
    standin.set_fault("editMessageText", "slow", delay=1.0, chat_id=ANA)
    await ana.tap("Calves", wait=False)
    await ana.tap("Thighs", wait=False)
    first, second = standin.callback_queries()[-2:]
    await standin.wait_for(lambda: first.attempts and second.attempts, timeout=10)
    await standin.wait_idle(quiet=0.3, timeout=10)
    answered = [c["callback_query_id"] for c in standin.calls_to("answerCallbackQuery")]
    assert answered[-2:] == [first.id, second.id]
    shown = [label for row in ana.last_buttons for label in row]
    assert {"✓ Calves", "✓ Thighs"} <= set(shown), "the last screen is the second tap's"
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.locations == ["calves", "thighs"]
