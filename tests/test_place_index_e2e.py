"""The place index (about two seconds to build) never runs on the event loop: another user's
/help is answered at once while the first typed city of a fresh start is looked up."""

from __future__ import annotations

import threading
import time

import pytest

from bot.core import zones
from bot.core.zones import ZoneLookup
from stillnight_dev.standin import BotApiStandin
from tests.harness import BotHarness


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_cold_place_index_holds_up_nobody(
    standin: BotApiStandin,
    database_url: str,
    clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zones._build_index.cache_clear()  # as in a new process
    built_on: list[int] = []
    looked_up_on: list[int] = []
    build, look_up = zones._build_index, zones.zone_from_text

    def recording_build() -> object:
        built_on.append(threading.get_ident())
        return build()

    def recording_lookup(text: str) -> ZoneLookup:
        looked_up_on.append(threading.get_ident())
        return look_up(text)

    monkeypatch.setattr(zones, "_build_index", recording_build)
    monkeypatch.setattr("handlers.start.zone_from_text", recording_lookup)
    bot = BotHarness(standin.url, database_url, clock)
    await bot.start()
    try:
        ana = standin.user(user_id=1001, first_name="Ana")
        ben = standin.user(user_id=1002, first_name="Ben")
        await ana.command("/start")
        await ana.tap("Yes, store my answers")
        mark = ana.mark()
        await ana.send("Tokyo", wait=False)
        started = time.perf_counter()
        await ben.command("/help")
        waited = time.perf_counter() - started
        await ana.wait_for_reply(mark, timeout=30)
        assert "evening check-in" in ana.last_text, "Tokyo was found"
    finally:
        await bot.close()
    loop_thread = threading.get_ident()  # the test shares the bot's event loop
    assert built_on and loop_thread not in built_on + looked_up_on
    assert looked_up_on, "the typed city was looked up"
    assert waited < 1.0, f"/help waited {waited:.2f} s behind the place index"
