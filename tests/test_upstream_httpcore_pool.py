"""Guards for bot/telegram_http.py's patch of httpx's and httpcore's private parts.

They fail the day upstream changes what the patch relies on (then rework it), or fixes the
bug it works around (then remove it): encode/httpcore#1110, the module docstring says more.
"""

from __future__ import annotations

import inspect
from typing import Any

import httpcore
import httpx
import pytest
from telegram import Bot

from bot import telegram_http
from bot.telegram_http import PromiseKeepingPool, telegram_request
from stillnight_dev.standin import BotApiStandin
from tests.harness import TOKEN

try:  # what the pool queues; the tests build some (the module only reads their .connection)
    from httpcore._async.connection_pool import AsyncPoolRequest
except ImportError:  # test_the_pools_private_assignment_method_and_state_still_exist says so
    AsyncPoolRequest = None

CHANGED = (
    "httpcore/httpx changed {what}, which bot/telegram_http.py's PromiseKeepingPool relies on: "
    "see whether encode/httpcore#1110 is fixed (then remove the module), else rework it"
)
FIXED = "upstream fixed #1110: remove bot/telegram_http.py's PromiseKeepingPool"


class IdleConnection(httpcore.AsyncConnectionInterface):
    """A kept-alive HTTP/1.1 connection between two requests, as the pool sees it."""

    def can_handle_request(self, origin: httpcore.Origin) -> bool:
        return True

    def is_available(self) -> bool:
        return True

    def is_idle(self) -> bool:
        return True

    def is_closed(self) -> bool:
        return False

    def has_expired(self) -> bool:
        return False

    def info(self) -> str:
        return "idle"

    async def aclose(self) -> None:
        pass

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        raise NotImplementedError


def waiting_request() -> AsyncPoolRequest:
    return AsyncPoolRequest(httpcore.Request("GET", "https://api.telegram.org/"))


def promised_then_asked_again(pool: httpcore.AsyncConnectionPool) -> tuple[Any, Any, Any]:
    """One idle connection; a request is given it and has not started on it yet when a
    second request arrives. Returns (the connection, what each request was given)."""
    idle = IdleConnection()
    pool._connections = [idle]
    first = waiting_request()
    pool._requests = [first]
    pool._assign_requests_to_connections()
    second = waiting_request()
    pool._requests.append(second)
    pool._assign_requests_to_connections()
    return idle, first.connection, second.connection


# ------------------------------------------------------------ what the patch relies on


def test_the_pools_private_assignment_method_and_state_still_exist() -> None:
    method = getattr(httpcore.AsyncConnectionPool, "_assign_requests_to_connections", None)
    assert callable(method), CHANGED.format(
        what="AsyncConnectionPool._assign_requests_to_connections"
    )
    assert list(inspect.signature(method).parameters) == ["self"], CHANGED.format(
        what="the signature of AsyncConnectionPool._assign_requests_to_connections"
    )
    pool = httpcore.AsyncConnectionPool()
    assert getattr(pool, "_requests", None) == [], CHANGED.format(what="pool._requests")
    assert getattr(pool, "_connections", None) == [], CHANGED.format(what="pool._connections")
    assert AsyncPoolRequest is not None, CHANGED.format(
        what="httpcore._async.connection_pool.AsyncPoolRequest"
    )
    request = waiting_request()
    assert request.connection is None and request.is_queued(), CHANGED.format(
        what="AsyncPoolRequest.connection (None while it waits)"
    )
    connection = IdleConnection()
    request.assign_to_connection(connection)
    assert request.connection is connection, CHANGED.format(what="AsyncPoolRequest.connection")


def test_the_stock_method_assigns_and_returns_what_to_close() -> None:
    """It reads `_connections` (here one idle connection, surplus with no keep-alive), drops
    and returns the ones to close, and assigns the waiting request: the override relies on
    all of it."""
    pool = httpcore.AsyncConnectionPool(max_connections=1, max_keepalive_connections=0)
    idle = IdleConnection()
    pool._connections = [idle]
    request = waiting_request()
    pool._requests = [request]
    closing = pool._assign_requests_to_connections()
    assert closing == [idle], CHANGED.format(what="what the assignment method returns")
    assert request.connection is not None, CHANGED.format(what="how the pool assigns requests")


def test_httpx_transports_still_send_through_a_pool_in_their_private__pool() -> None:
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=3))
    pool = getattr(transport, "_pool", None)
    assert type(pool) is httpcore.AsyncConnectionPool, CHANGED.format(
        what="AsyncHTTPTransport._pool (no longer an httpcore.AsyncConnectionPool)"
    )
    assert pool._max_connections == 3, CHANGED.format(what="how the transport builds _pool")


async def test_the_bots_requests_go_through_our_pool_and_its_override(
    standin: BotApiStandin, monkeypatch: pytest.MonkeyPatch
) -> None:
    passes: list[PromiseKeepingPool] = []
    assign = PromiseKeepingPool._assign_requests_to_connections

    def counting(self: PromiseKeepingPool) -> list[httpcore.AsyncConnectionInterface]:
        passes.append(self)
        return assign(self)

    monkeypatch.setattr(PromiseKeepingPool, "_assign_requests_to_connections", counting)
    bot = Bot(TOKEN, base_url=f"{standin.url}/bot", request=telegram_request())
    async with bot:
        await bot.get_me()
    assert passes, CHANGED.format(
        what="the request path: telegram_request()'s PromiseKeepingPool was never asked "
        "to assign a request (httpx no longer sends through transport._pool, or httpcore "
        "no longer calls _assign_requests_to_connections)"
    )
    assert all(isinstance(pool, PromiseKeepingPool) for pool in passes)
    assert passes[0]._max_connections == telegram_http.MAX_CONNECTIONS


# ----------------------------------------------------------- the bug it works around


def test_the_stock_pool_still_gives_one_idle_connection_to_two_requests() -> None:
    idle, first, second = promised_then_asked_again(httpcore.AsyncConnectionPool())
    assert first is idle
    assert second is idle, FIXED


def test_our_pool_gives_the_second_request_another_connection() -> None:
    idle, first, second = promised_then_asked_again(PromiseKeepingPool())
    assert first is idle
    assert second is not None and second is not idle


def test_our_pool_does_not_close_a_promised_connection_as_surplus() -> None:
    """One idle connection is kept alive at most; a second one comes back to the pool while
    the first is promised: the first stays until used (the stock pool closes it)."""
    pool = PromiseKeepingPool(max_keepalive_connections=1)
    promised, returned = IdleConnection(), IdleConnection()
    pool._connections = [promised]
    first = waiting_request()
    pool._requests = [first]
    pool._assign_requests_to_connections()
    assert first.connection is promised
    pool._connections.append(returned)
    second = waiting_request()
    pool._requests.append(second)
    closing = pool._assign_requests_to_connections()
    assert promised not in closing and promised in pool.connections
    assert second.connection is returned
