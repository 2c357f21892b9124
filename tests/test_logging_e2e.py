"""The token and users' answers never reach a log line, DEBUG included; errors reassure."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.core.entries import engine
from bot.logs import setup_logging
from handlers.errors import ERROR
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins
from tests.harness import TOKEN, BotHarness

NOTE = "private note 7f3a: my husband snores"


@pytest.fixture
def debug_logs() -> Iterator[io.StringIO]:
    """Everything logged at DEBUG during the test, as production would write it."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    stream = io.StringIO()
    setup_logging("DEBUG", [TOKEN], stream)
    yield stream
    root.handlers[:] = handlers
    root.setLevel(level)


async def test_debug_logs_carry_neither_token_nor_answers(
    bot: BotHarness, standin: BotApiStandin, debug_logs: io.StringIO
) -> None:
    user = standin.user(user_id=1001, first_name="Ana")
    await onboard(user)
    await user.command("/checkin")
    await user.tap("9")
    for label in ["Skip"] * 6:
        await user.tap(label)
    await user.send(NOTE)
    await bot.restart()  # start-up and shutdown log too
    logs = debug_logs.getvalue()
    assert "DEBUG" in logs or "INFO" in logs, "logging was not captured"
    assert TOKEN not in logs
    assert TOKEN.split(":")[1] not in logs
    assert "7f3a" not in logs and "snores" not in logs


def test_the_token_is_masked_in_messages_arguments_tracebacks_and_stacks(
    debug_logs: io.StringIO,
) -> None:
    log = logging.getLogger("httpx")
    log.warning("GET %s", f"/bot{TOKEN}/x")
    try:
        raise ConnectionError(f"cannot reach https://api.telegram.org/bot{TOKEN}/getMe")
    except ConnectionError:
        logging.getLogger("bot").exception("polling failed")
    logging.getLogger("bot").warning("here %s", TOKEN[:3], stack_info=True)
    logs = debug_logs.getvalue()
    assert "Traceback" in logs and "ConnectionError" in logs and "Stack (most recent" in logs
    assert TOKEN not in logs and logs.count("<token>") == 2


async def test_a_crash_is_logged_without_user_content_and_the_user_is_reassured(
    bot: BotHarness,
    standin: BotApiStandin,
    debug_logs: io.StringIO,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = standin.user(user_id=1001, first_name="Ana")
    await onboard(user)
    await user.command("/checkin")
    await user.tap("6")
    for label in ["Skip"] * 6:
        await user.tap(label)

    def broken(*args: object) -> None:
        raise RuntimeError(f"boom while saving {args[2]!r}")

    monkeypatch.setattr(engine, "type_answer", broken)
    await user.send(NOTE)
    assert ERROR in user.last_text
    logs = debug_logs.getvalue()
    assert "RuntimeError" in logs and "snores" not in logs
    [checkin] = await stored_checkins(bot, 1001)
    assert checkin.severity == 6, "answers given before the crash are kept"
