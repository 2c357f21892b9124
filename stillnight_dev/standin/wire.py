"""Decoding Bot API requests the way Telegram does.

Telegram accepts query strings, url-encoded forms, multipart forms and JSON bodies. In the form
encodings every value is a string and complex values (reply_markup, entities, commands,
allowed_updates, ...) are JSON-encoded strings — that is what python-telegram-bot's HTTPXRequest
sends — so known fields are decoded here and everything else (text, callback data...) stays a
string.
"""

from __future__ import annotations

import json
import re
from typing import Any

from aiohttp import web

from .registry import Upload

JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "allowed_updates",
        "link_preview_options",
        "reply_parameters",
        "media",
        "results",
        "options",
        "menu_button",
        "rights",
        "reaction",
        "message_ids",
    }
)
INT_FIELDS = frozenset(
    {
        "chat_id",
        "message_id",
        "from_chat_id",
        "offset",
        "limit",
        "message_thread_id",
        "reply_to_message_id",
        "cache_time",
        "user_id",
        "max_connections",
        "live_period",
    }
)
FLOAT_FIELDS = frozenset({"timeout", "latitude", "longitude"})
_BOOL_PREFIXES = ("disable_", "is_", "has_", "allow_", "protect_", "show_", "drop_", "can_")
_INT = re.compile(r"-?\d+")


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            return value  # the method reports "can't parse ..."
    if key in INT_FIELDS:
        return int(value) if _INT.fullmatch(value.strip()) else value
    if key in FLOAT_FIELDS:
        try:
            return float(value)
        except ValueError:
            return value
    if key.startswith(_BOOL_PREFIXES) and value in ("true", "false", "True", "False"):
        return value.lower() == "true"
    return value


async def read_request(request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
    """Parameters (decoded) and uploaded files of a Bot API request."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, Upload] = {}
    if request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                raw.update(body)
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = Upload(value.filename, value.file.read(), value.content_type)
                else:
                    raw[key] = value
    params = {key: _decode(key, value) for key, value in raw.items()}
    for key, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            name = value[len("attach://") :]
            if name in files:
                files[key] = files[name]
                del params[key]
    return params, files


def summarize(params: dict[str, Any], files: dict[str, Upload]) -> dict[str, Any]:
    """Params as recorded in ``calls``: uploads appear as ``{"filename", "size"}``."""
    out = dict(params)
    for key, up in files.items():
        out[key] = {"filename": up.filename, "size": len(up.data)}
    return out
