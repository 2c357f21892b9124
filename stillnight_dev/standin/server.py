"""The Bot API stand-in server: HTTP plumbing, shared state, chats and faults.

Runs an aiohttp server on 127.0.0.1 inside the test's event loop, so a real PTB ``Application``
talks to it over real HTTP. Method implementations live in :mod:`.methods_bot` and
:mod:`.methods_messages`, waiting in :mod:`.waiting`; the objects tests use to play users
live in :mod:`.chats`.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import methods_messages, tracking  # noqa: F401  (methods_messages registers methods)
from .errors import ApiError, telegram
from .faults import FAULT_KINDS, Fault
from .limits import SendLimits
from .methods_bot import commands_key
from .polling import UpdateQueue
from .registry import METHODS, Ctx
from .state import Call, CallbackState, ChatState, FileBlob, Sent, StoredMessage
from .waiting import Waiting
from .webhook_push import WebhookPusher
from .wire import read_request, summarize

if TYPE_CHECKING:
    from .chats import ChatHandle, GroupChat, UserChat


CALLBACK_EXPIRY_S = 15.0  # Telegram: a callback query unanswered for about 15 s expires


class _PollTicket:
    """The getUpdates request currently long-polling; a newer one terminates it (409)."""

    def __init__(self) -> None:
        self.terminated = False


class BotApiStandin(Waiting):
    """Local Telegram Bot API for end-to-end tests. See the package docstring for usage."""

    def __init__(
        self,
        valid_token: str = "123:ABC",
        *,
        bot_username: str = "stillnight_test_bot",
        bot_name: str = "Stillnight",
        quiet: float = 0.05,
        handled_quiet: float = 0.01,
        reply_timeout: float = 5.0,
        privacy_mode: bool = True,
        track_handling: bool = True,
        callback_expiry: float = CALLBACK_EXPIRY_S,
    ) -> None:
        self.valid_token = valid_token
        self.bot_id = int(valid_token.split(":", 1)[0])
        self.bot_user: dict[str, Any] = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
        }
        self.quiet = quiet  # silence that ends a wait when we can't see the bot finish
        self.handled_quiet = handled_quiet  # grace after the bot finished handling an update
        self.reply_timeout = reply_timeout
        self.privacy_mode = privacy_mode
        self.track_handling = track_handling
        # A tap must be answered within this many seconds of the stand-in's clock (`now`).
        self.callback_expiry = callback_expiry
        self.now: Callable[[], float] = time.monotonic  # a test may put a clock of its own
        self.wall: Callable[[], float] = time.time  # message dates, the 48 h to delete one
        self._handled: set[int] = set()
        self.violations: list[str] = []
        self.calls: list[Call] = []
        # Observers of every successful visible action (and callback answer), each called
        # with its Sent the moment the stand-in records it, before the bot gets the answer.
        self.on_record: list[Callable[[Sent], None]] = []
        self.webhook_url = ""
        self.webhook_secret = ""
        self.pusher: WebhookPusher | None = None
        self.bot_settings: dict[str, dict[str, Any]] = {}  # setMyDescription & co, by method
        self._commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self._chats: dict[int, ChatState] = {}
        self._handles: dict[int, ChatHandle] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self._callbacks: dict[str, CallbackState] = {}
        self._files: dict[str, FileBlob] = {}
        self._faults: list[Fault] = []
        self.limits = SendLimits()
        # Like Telegram's, update ids keep growing across restarts (a bot that remembers
        # handled ids, with a database that outlives this stand-in, must not see one again).
        self._queue = UpdateQueue(first_id=time.time_ns() // 1_000_000 % 2**31)
        self._poll: _PollTicket | None = None
        self._last_poll: float | None = None
        self._last_request = 0.0
        self._changed = asyncio.Event()
        self._ids = itertools.count(1)
        self._closed = False
        self._runner: web.AppRunner | None = None
        self.url = ""

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Listen on a random free port of 127.0.0.1; ``url`` is set afterwards."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._handle_file)
        # handler_cancellation: a long poll whose client went away (updater stopped) ends
        # instead of lingering and swallowing the next update.
        self._runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        tracking.register(self)  # a TrackedApplication polling self.url reports to us

    def deliver_webhooks_to(self, targets: list[str]) -> WebhookPusher:
        """Post updates to these local URLs (in turn) while a webhook is set, as Telegram
        posts to a public URL in front of the bot's processes."""
        self.pusher = WebhookPusher(self, targets)
        self.pusher.start()
        return self.pusher

    async def stop(self) -> None:
        """Wake pending long polls, shut the server down, flag unanswered callback queries."""
        if self.pusher is not None:
            await self.pusher.stop()
            self.pusher = None
        self._closed = True
        tracking.unregister(self)
        self._notify()
        for cb in self._callbacks.values():
            if cb.attempts == 0 and cb.update_id in self._queue.delivered:
                self.violations.append(
                    f"answerCallbackQuery: callback query {cb.id} ({cb.label}, data="
                    f"{cb.data!r}) in chat {cb.chat_id} was never answered"
                )
                cb.attempts = -1  # report once even if stop() is called twice
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotApiStandin:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ HTTP

    async def _handle_api(self, request: web.Request) -> web.Response:
        params, files = await read_request(request)
        spec = METHODS.get(request.match_info["method"].lower())
        name = spec.name if spec else request.match_info["method"]
        self.calls.append(Call(name, summarize(params, files)))
        if request.match_info["token"] != self.valid_token:
            unauthorized = telegram("unauthorized")
            return web.json_response(unauthorized.payload(), status=unauthorized.code)
        chat = self._chat_of(name, params)
        loop = asyncio.get_running_loop()
        if name != "getUpdates":
            self._last_request = loop.time()
        if chat is not None:
            chat.activity += 1
            chat.last_activity = loop.time()
        fault = self._take_fault(name, chat.id if chat else None)
        try:
            if fault is not None and fault.kind == "slow":
                await asyncio.sleep(fault.delay)
            if fault is not None and (err := fault.error()) is not None:
                raise err
            if spec is not None and spec.visible:
                group = chat is not None and chat.type in ("group", "supergroup")
                chat_id = chat.id if chat else None
                self.limits.check(name, chat_id, params.get("text"), loop.time(), group=group)
            if spec is None:
                raise telegram(
                    "not_found",
                    detail=f"unknown method {name!r} (or not implemented by the stand-in)",
                )
            result = await spec.handler(self, Ctx(name, params, request, files))
            body: dict[str, Any] = {"ok": True, "result": result}
            status = 200
        except ApiError as err:
            if err.violation:
                self._violate(name, params, err)
            body, status = err.payload(), err.code
        finally:
            if chat is not None:
                chat.visible += 1 if spec is not None and spec.visible else 0
                chat.last_activity = loop.time()
            self._notify()
        if fault is not None and fault.kind == "timeout":
            await asyncio.sleep(fault.delay)  # done, but the answer comes too late
        return web.json_response(body, status=status)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.valid_token:
            return web.Response(status=401, text="Unauthorized")
        path = request.match_info["path"]
        for blob in self._files.values():
            if blob.file_path == path and blob.data is not None:
                return web.Response(body=blob.data, content_type="application/octet-stream")
        return web.Response(status=404, text="Not Found")

    def _chat_of(self, method: str, params: dict[str, Any]) -> ChatState | None:
        """The chat a request concerns (for activity tracking), if the stand-in knows it."""
        if method == "answerCallbackQuery":
            cb = self._callbacks.get(str(params.get("callback_query_id")))
            return self._chats.get(cb.chat_id) if cb else None
        chat_id = params.get("chat_id")
        return self._chats.get(chat_id) if isinstance(chat_id, int) else None

    def _violate(self, method: str, params: dict[str, Any], err: ApiError | str) -> None:
        """Record a breach: a refused call (`err`), or one Telegram accepts but not as meant."""
        shown = {
            k: params[k] for k in ("chat_id", "message_id", "callback_query_id") if k in params
        }
        for key in ("text", "caption"):
            if isinstance(params.get(key), str):
                value = params[key]
                shown[key] = value if len(value) <= 60 else value[:57] + "..."
        args = ", ".join(f"{k}={v!r}" for k, v in shown.items())
        what = err if isinstance(err, str) else err.explain()
        self.violations.append(f"{method}({args}): {what}")

    # ------------------------------------------------------------------ faults

    def set_fault(
        self,
        method: str,
        kind: str,
        times: int = 1,
        retry_after: int = 1,
        *,
        delay: float = 10.0,
        chat_id: int | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (``"*"`` = any) misbehave.

        kinds: ``retry_after`` (429 with parameters.retry_after), ``server_error`` (500),
        ``bad_gateway`` (502), ``blocked`` (403 bot was blocked), ``slow`` (sleep ``delay`` then
        handle normally), ``timeout`` (handle normally, then hold the answer ``delay`` seconds so
        the client times out although the action happened). Faults are not violations.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; use one of {FAULT_KINDS}")
        self._faults.append(Fault(method.lower(), kind, times, retry_after, delay, chat_id))

    def clear_faults(self) -> None:
        self._faults.clear()

    def _new_poll(self) -> _PollTicket:
        if self._poll is not None:
            self._poll.terminated = True
            self._notify()
        self._poll = _PollTicket()
        return self._poll

    def _take_fault(self, method: str, chat_id: int | None) -> Fault | None:
        for fault in self._faults:
            if fault.matches(method, chat_id):
                fault.times -= 1
                return fault
        return None

    # ------------------------------------------------------------------ chats & state

    def user(
        self,
        user_id: int,
        first_name: str = "Test",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        started: bool = False,
    ) -> UserChat:
        """A user and their private chat with the bot (chat id == user id).

        The bot may only write once the user has written (Telegram's "bot can't initiate
        conversation with a user"); ``started=True`` pretends that happened earlier.
        """
        from .chats import UserChat

        if user_id in self._handles:
            handle = self._handles[user_id]
            assert isinstance(handle, UserChat), f"chat {user_id} is not a private chat"
            handle.state.known = handle.state.known or started
            return handle
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        for key, value in (
            ("last_name", last_name),
            ("username", username),
            ("language_code", language_code),
        ):
            if value is not None:
                user[key] = value
        self._users[user_id] = user
        info = {k: v for k, v in user.items() if k in ("first_name", "last_name", "username")}
        state = ChatState(user_id, "private", {"id": user_id, "type": "private", **info})
        state.known = started
        self._chats[user_id] = state
        handle = UserChat(self, state, user)
        self._handles[user_id] = handle
        return handle

    def group(
        self,
        chat_id: int,
        title: str = "Test group",
        *,
        member: UserChat | None = None,
        supergroup: bool = False,
    ) -> GroupChat:
        """A group the bot is a member of (so the bot may write there right away).

        ``member`` is the default sender for ``group.send(...)``; pass ``sender=`` to vary.
        """
        from .chats import GroupChat

        if chat_id in self._handles:
            handle = self._handles[chat_id]
            assert isinstance(handle, GroupChat), f"chat {chat_id} is not a group"
            return handle
        kind = "supergroup" if supergroup else "group"
        state = ChatState(chat_id, kind, {"id": chat_id, "type": kind, "title": title}, known=True)
        self._chats[chat_id] = state
        handle = GroupChat(self, state, member)
        self._handles[chat_id] = handle
        return handle

    def add_chat(
        self, chat_id: int, *, first_name: str = "Test", title: str = "Test group"
    ) -> ChatHandle:
        """Register a chat the bot may write to without it sending an update first.

        Positive ids become private chats (a user who started the bot earlier), negative ids
        groups. Returns the chat's handle.
        """
        if chat_id > 0:
            return self.user(chat_id, first_name, started=True)
        handle = self.group(chat_id, title)
        handle.state.known = True
        return handle

    def chat(self, chat_id: int) -> ChatHandle:
        """The handle of a chat created earlier with user()/group()/add_chat()."""
        return self._handles[chat_id]

    @property
    def commands(self) -> list[dict[str, str]]:
        """The last setMyCommands list (default scope and language): [{command, description}]."""
        return self.commands_for()

    def commands_for(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        return [dict(c) for c in self._commands.get(commands_key(scope, language_code), [])]

    def callback_queries(self) -> list[CallbackState]:
        """Every callback query injected so far (taps and forged ones), in order."""
        return list(self._callbacks.values())

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        """Params of every call of ``method`` (case-insensitive), in order."""
        return [c.params for c in self.calls if c.method.lower() == method.lower()]

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates injected but not yet confirmed by the bot (via getUpdates offset), as
        Telegram sends them, e.g. to deliver one again by hand."""
        return self._queue.pending()

    def was_fetched(self, update_id: int) -> bool:
        """getUpdates (or a webhook post) handed this update to the bot at least once."""
        return update_id in self._queue.delivered

    def is_confirmed(self, update_id: int) -> bool:
        """The bot told Telegram it received this update (a later getUpdates offset)."""
        return self._queue.is_confirmed(update_id)

    def inject(self, update: dict[str, Any]) -> int:
        """Queue a raw update body (without update_id) for getUpdates; returns its update_id."""
        update_id = self._queue.put(update)
        self._notify()
        return update_id

    def _new_file(
        self, data: bytes | None, filename: str | None, mime: str | None, url: str | None = None
    ) -> FileBlob:
        n = next(self._ids)
        blob = FileBlob(f"BQACAgI{n:06d}", f"AgAD{n:04d}", data, filename, mime, url)
        self._files[blob.file_id] = blob
        return blob

    def _find_file(self, file_id: str) -> FileBlob | None:
        return self._files.get(file_id) or self._files.get(file_id.removesuffix("-s"))

    def _target_chat(self, params: dict[str, Any]) -> ChatState:
        """Resolve chat_id for a send: must exist, be reachable and not have blocked the bot."""
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise telegram("chat_id_empty")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise telegram(
                "chat_not_found",
                detail=f"chat {chat_id!r} never wrote to the bot and was not registered "
                "with add_chat()",
            )
        if not chat.known:
            raise telegram(
                "cant_initiate",
                detail=f"user {chat.id} has not written to the bot yet",
            )
        if chat.blocked:
            raise telegram(chat.blocked, violation=False)
        if chat.left:
            raise telegram(
                "not_a_member",
                chat_type=chat.type,
                detail=f"the bot left chat {chat.id}",
            )
        return chat

    def _store(self, chat: ChatState, msg: StoredMessage) -> StoredMessage:
        chat.messages[msg.message_id] = msg
        return msg

    def _record(
        self,
        chat: ChatState,
        method: str,
        msg: StoredMessage | None,
        params: dict[str, Any],
        *,
        message_id: int | None = None,
    ) -> None:
        """Log a successful visible action (a :class:`Sent`) in the chat; tell ``on_record``."""
        if msg is not None:
            text, html, message_id = msg.text, msg.html, msg.message_id
        else:
            text = params.get("text") if isinstance(params.get("text"), str) else ""
            html = text
        sent = Sent(
            method=method,
            chat_id=chat.id,
            message_id=message_id,
            text=text,
            html=html,
            buttons=msg.button_texts if msg else [],
            params=params,
            message=msg,
        )
        chat.sent.append(sent)
        for observe in self.on_record:
            observe(sent)
