"""A typed city that names places in different zones is never picked silently: the top few
are offered with their state or country and their clock now."""

from __future__ import annotations

from stillnight_dev.standin import BotApiStandin
from tests.flows import stored_user
from tests.harness import BotHarness

ANA = 1001


async def test_portland_is_asked_not_guessed(bot: BotHarness, standin: BotApiStandin) -> None:
    user = standin.user(user_id=ANA, first_name="Ana")
    await user.command("/start")
    await user.tap("Yes, store my answers")
    await user.send("Portland")
    assert "more than one place" in user.last_text
    assert (await stored_user(bot, ANA)).timezone is None, "nothing chosen yet"
    # the test clock: 21:00 UTC, so 13:00 in Oregon and 16:00 in Maine
    labels = [row[0] for row in user.last_buttons]
    assert labels[:2] == [
        "Portland, Oregon, United States · 13:00",
        "Portland, Maine, United States · 16:00",
    ]
    await user.tap("Portland, Maine, United States · 16:00")
    assert (await stored_user(bot, ANA)).timezone == "America/New_York"
    assert "evening check-in" in user.last_text
