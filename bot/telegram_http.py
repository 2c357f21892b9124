"""The HTTP client for Bot API calls: python-telegram-bot's HTTPXRequest on a pool that
gives an idle connection to one waiting request only.

httpcore 1.0.9's pool can hand the same idle HTTP/1.1 connection to several requests that
arrive together (encode/httpcore#1110 and the review of #1111). One of them gets it, the
others find it busy and queue again, and a request can lose that race again and again
while newer calls keep arriving. Under load (`python -m bench load`, SQLite, 50 users)
that made a few taps wait 1.1-2.4 s for their editMessageText while the rest waited
0.4 s, with about 4,000 such lost races in 20 s. Here a connection already promised to a
waiting request is left out of later assignments until that request has started on it.

Upstream:
    https://github.com/encode/httpcore/issues/1110 (open): the pool closes or re-assigns
    a connection it has already assigned to a queued request.
    https://github.com/encode/httpcore/pull/1111 (open): the fix for closing; its review
    asks for the same care when reusing. This module does both for a connection promised
    in an earlier pass of the pool; within one pass (several requests waiting when a
    connection frees, i.e. with all MAX_CONNECTIONS busy) the stock logic still applies.
    https://github.com/encode/httpcore/issues/822: the same lost race, reported earlier.
    No release has a public way to change how the pool assigns connections, nor to give
    httpx a pool class: checked against httpcore 1.0.9 (the newest on PyPI) and httpx
    0.28.1 and 0.29.0 (0.29.0's transport builds its pool the same way; PTB 22 allows
    httpx <0.29 only).

Private names this module relies on (tests/test_upstream_httpcore_pool.py checks each):
    ``httpcore.AsyncConnectionPool._assign_requests_to_connections()``: overridden; the
    stock pool calls it, under its lock, whenever a request is queued, ends or fails.
    ``httpcore.AsyncConnectionPool._requests``: its queue of ``AsyncPoolRequest``, each
    with ``.connection`` (the connection it was assigned, None while it waits); read.
    ``httpcore.AsyncConnectionPool._connections``: the list of its connections, which the
    stock method reads and edits in place; replaced for the length of one call.
    ``httpx.AsyncHTTPTransport._pool``: the httpcore pool the transport sends through,
    replaced by ours (httpx has no argument for it).

Remove this module when httpcore's own pool no longer loses turns, that is the day these
two tests fail, saying "upstream fixed #1110":
``test_the_stock_pool_still_gives_one_idle_connection_to_two_requests``
(tests/test_upstream_httpcore_pool.py) and
``test_the_default_client_loses_turns_when_calls_come_at_once`` (tests/test_telegram_http.py).
Then delete it and its tests, give bot/app.py
``HTTPXRequest(connection_pool_size=256)`` instead of ``telegram_request()``, and
drop pyproject's httpcore pin. (Pydantic's fork httpx2/httpcore2 changed this assignment,
pydantic/httpx2#1075, for requests served in one pass; should PTB move to it,
python-telegram-bot#5351, open, run these tests against httpcore2's pool.)
"""

from __future__ import annotations

import httpcore
import httpx
from telegram.request import HTTPXRequest

#: Connections to the Bot API at most (python-telegram-bot's default).
MAX_CONNECTIONS = 256


class PromiseKeepingPool(httpcore.AsyncConnectionPool):
    """A connection pool that does not give a connection it promised to a waiting request
    in an earlier pass to another request before the first has started on it.

    A promised connection is also safe from being closed as a surplus idle one meanwhile.
    It does not count toward ``max_connections`` while held back, so the pool can open at
    most that many connections more than the limit (a handful against 256).
    """

    def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
        promised = {
            request.connection
            for request in self._requests
            if request.connection is not None and request.connection.is_idle()
        }
        if not promised:
            return super()._assign_requests_to_connections()
        held_back = [c for c in self._connections if c in promised]
        self._connections = [c for c in self._connections if c not in promised]
        try:
            return super()._assign_requests_to_connections()
        finally:
            self._connections[:0] = held_back


def telegram_request() -> HTTPXRequest:
    """python-telegram-bot's request object with its defaults, on a PromiseKeepingPool.

    Proxies from the environment (HTTPS_PROXY) are not used: httpx ignores them when it is
    given a transport, and Stillnight has no proxy setting.
    """
    limits = httpx.Limits(max_connections=MAX_CONNECTIONS)
    transport = httpx.AsyncHTTPTransport(limits=limits)
    # httpx has no way to choose the pool class; it builds its own, replaced here.
    transport._pool = PromiseKeepingPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
    )
    return HTTPXRequest(connection_pool_size=MAX_CONNECTIONS, httpx_kwargs={"transport": transport})
