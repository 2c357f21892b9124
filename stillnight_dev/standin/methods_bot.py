"""Bot-level methods: identity, polling, webhook, commands, files, settings."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import TYPE_CHECKING, Any

from .errors import bad_request, telegram
from .registry import Ctx, api_method
from .rules import check_commands, check_language_code

if TYPE_CHECKING:
    from .server import BotApiStandin


def commands_key(scope: Any, language_code: Any) -> tuple[str, str]:
    """setMyCommands lists are stored per (scope, language); default scope == no scope."""
    if not scope or scope == {"type": "default"}:
        scope = None
    return json.dumps(scope, sort_keys=True), str(language_code or "")


@api_method("getMe")
async def get_me(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    return {
        **s.bot_user,
        "can_join_groups": True,
        "can_read_all_group_messages": not s.privacy_mode,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@api_method("logOut")
async def log_out(s: BotApiStandin, ctx: Ctx) -> bool:
    return True


@api_method("close")
async def close(s: BotApiStandin, ctx: Ctx) -> bool:
    return True


def _set_allowed_updates(s: BotApiStandin, params: dict[str, Any]) -> None:
    """getUpdates and setWebhook: a given list replaces the last one; absent keeps it."""
    if "allowed_updates" in params:
        allowed = params["allowed_updates"]
        if not isinstance(allowed, list):
            raise bad_request("can't parse allowed_updates JSON array")
        s._queue.allowed = allowed


@api_method("getUpdates")
async def get_updates(s: BotApiStandin, ctx: Ctx) -> list[dict[str, Any]]:
    """Long polling: answer as soon as an update is pending, else after ``timeout`` seconds.

    A newer getUpdates terminates an older pending one with 409, like Telegram. That is only a
    violation when the older request's client is still connected (two bots polling at once); a
    stopped Updater's abandoned request is cancelled by the server instead.
    """
    p = ctx.params
    if s.webhook_url:
        raise telegram("conflict_webhook")
    _set_allowed_updates(s, p)
    offset = p.get("offset")
    s._queue.confirm(offset if isinstance(offset, int) else None)
    limit = p.get("limit", 100)
    limit = min(100, max(1, limit)) if isinstance(limit, int) else 100
    timeout = p.get("timeout", 0)
    timeout = float(timeout) if isinstance(timeout, int | float) else 0.0

    ticket = s._new_poll()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        while True:
            s._last_poll = loop.time()
            event = s._changed
            if ticket.terminated:
                await asyncio.sleep(0.05)  # let a disconnect of this client be noticed first
                transport = ctx.request.transport
                live = transport is not None and not transport.is_closing()
                raise telegram("conflict_polling", violation=live, detail="two bots polling?")
            batch = s._queue.take(limit)
            if batch or s._closed or loop.time() >= deadline:
                return batch
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), deadline - loop.time())
    finally:
        if s._poll is ticket:
            s._poll = None


@api_method("deleteWebhook")
async def delete_webhook(s: BotApiStandin, ctx: Ctx) -> bool:
    s.webhook_url = s.webhook_secret = ""
    if ctx.params.get("drop_pending_updates"):
        s._queue.drop_all("drop_pending_updates=True")
    return True


@api_method("setWebhook")
async def set_webhook(s: BotApiStandin, ctx: Ctx) -> bool:
    url = ctx.params.get("url", "")
    if url and not str(url).startswith("https://"):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    _set_allowed_updates(s, ctx.params)
    s.webhook_url = str(url)
    s.webhook_secret = str(ctx.params.get("secret_token", ""))
    if ctx.params.get("drop_pending_updates"):
        s._queue.drop_all("drop_pending_updates=True")
    return True


@api_method("getWebhookInfo")
async def get_webhook_info(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    return {
        "url": s.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(s._queue),
    }


@api_method("setMyCommands")
async def set_my_commands(s: BotApiStandin, ctx: Ctx) -> bool:
    commands = check_commands(ctx.params.get("commands"))
    language = check_language_code(ctx.params.get("language_code"))
    s._commands[commands_key(ctx.params.get("scope"), language)] = commands
    return True


@api_method("getMyCommands")
async def get_my_commands(s: BotApiStandin, ctx: Ctx) -> list[dict[str, str]]:
    key = commands_key(ctx.params.get("scope"), ctx.params.get("language_code"))
    return list(s._commands.get(key, []))


@api_method("deleteMyCommands")
async def delete_my_commands(s: BotApiStandin, ctx: Ctx) -> bool:
    s._commands.pop(commands_key(ctx.params.get("scope"), ctx.params.get("language_code")), None)
    return True


def _setting(name: str, field: str | None, limit: int) -> None:
    """Register a simple ``setMy...`` method that validates one text length and stores params."""

    async def handler(s: BotApiStandin, ctx: Ctx) -> bool:
        value = ctx.params.get(field) if field else None
        if isinstance(value, str) and len(value) > limit:
            raise bad_request(f"{field} is too long", detail=f"{len(value)} > {limit} chars")
        s.bot_settings[name] = dict(ctx.params)
        return True

    api_method(name)(handler)


_setting("setMyDescription", "description", 512)
_setting("setMyShortDescription", "short_description", 120)
_setting("setMyName", "name", 64)
_setting("setChatMenuButton", None, 0)


@api_method("getFile")
async def get_file(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    blob = s._find_file(str(ctx.params.get("file_id", "")))
    if blob is None or blob.data is None:
        raise bad_request(
            "invalid file_id", detail=f"unknown file_id {ctx.params.get('file_id')!r}"
        )
    return {
        "file_id": blob.file_id,
        "file_unique_id": blob.file_unique_id,
        "file_size": len(blob.data),
        "file_path": blob.file_path,
    }


@api_method("leaveChat")
async def leave_chat(s: BotApiStandin, ctx: Ctx) -> bool:
    """The bot leaves a group: its messages no longer reach the bot, and it can't write there."""
    chat = s._target_chat(ctx.params)
    if chat.type == "private":
        raise bad_request("chat member status can't be changed in private chats")
    chat.left = True
    return True


@api_method("getChat")
async def get_chat(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    chat_id = ctx.params.get("chat_id")
    chat = s._chats.get(chat_id) if isinstance(chat_id, int) else None
    if chat is None:
        raise telegram("chat_not_found", detail=f"unknown chat {chat_id!r}")
    return {**chat.info, "accent_color_id": 0, "max_reaction_count": 11}
