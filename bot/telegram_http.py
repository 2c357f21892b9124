"""The HTTP client for Bot API calls: python-telegram-bot's HTTPXRequest on a pool that
gives an idle connection to one waiting request only.

httpcore 1.0.9's pool can hand the same idle HTTP/1.1 connection to several requests that
arrive together (encode/httpcore#1110 and the review of #1111). One of them gets it, the
others find it busy and queue again, and a request can lose that race again and again
while newer calls keep arriving. Under load (`python -m bench load`, SQLite, 50 users)
that made a few taps wait 1.1-2.4 s for their editMessageText while the rest waited
0.4 s, with about 4,000 such lost races in 20 s. Here a connection already promised to a
waiting request is left out of later assignments until that request has started on it.
"""

from __future__ import annotations

import httpcore
import httpx
from telegram.request import HTTPXRequest

#: Connections to the Bot API at most (python-telegram-bot's default).
MAX_CONNECTIONS = 256


class PromiseKeepingPool(httpcore.AsyncConnectionPool):
    """A connection pool that never gives an idle connection to two requests at once.

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
