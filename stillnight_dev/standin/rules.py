"""Bot API rule checks that do not need server state.

Each check raises :class:`~.errors.ApiError` with Telegram's wording (so the bot's error handling
sees what it would see in production) and a ``detail`` hint that explains the breach in the
violation log.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import ApiError, bad_request, telegram
from .html_check import Entity, HtmlError, Rendered, parse_html
from .state import Button

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_ENTITIES = 100  # per text or caption
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_BUTTONS = 100
MAX_BUTTONS_PER_ROW = 8  # Telegram's documented limit; the wording of its refusal is ours
MAX_CALLBACK_ANSWER = 200
MAX_COMMANDS = 100

BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_URL = re.compile(r"(https?|tg)://\S+", re.IGNORECASE)


def render(text: str, parse_mode: str | None, entities: Any = None) -> Rendered:
    """Turn the bot's text + parse_mode into what the user sees (validated, trimmed)."""
    mode = (parse_mode or "").strip().lower()
    if not mode:
        ents = tuple(Entity.from_api(e) for e in entities or ())
        return Rendered(text, ents).stripped()
    if mode == "html":
        try:
            return parse_html(text).stripped()
        except HtmlError as err:
            raise bad_request(err.description) from err
    if mode in ("markdown", "markdownv2"):
        raise bad_request(
            f"can't parse entities: parse_mode {parse_mode} is not supported by the stand-in",
            detail="the stand-in only understands parse_mode=HTML; use HTML in Stillnight",
        )
    raise bad_request(f"unsupported parse_mode {parse_mode!r}")


def check_text(rendered: Rendered) -> None:
    if not rendered.text:
        raise telegram("text_empty", detail="text is empty after parsing/trimming")
    if rendered.length > MAX_TEXT:
        raise telegram(
            "message_too_long",
            detail=f"{rendered.length} UTF-16 units after parsing, limit {MAX_TEXT}",
        )


def check_caption(rendered: Rendered) -> None:
    if rendered.length > MAX_CAPTION:
        raise telegram(
            "caption_too_long",
            detail=f"{rendered.length} UTF-16 units after parsing, limit {MAX_CAPTION}",
        )


def parse_inline_keyboard(markup: dict[str, Any]) -> list[list[Button]]:
    """Validate an InlineKeyboardMarkup and return its buttons."""
    rows = markup.get("inline_keyboard")
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise bad_request("can't parse reply keyboard markup JSON object")
    total = sum(len(r) for r in rows)
    if total > MAX_INLINE_BUTTONS:
        raise bad_request(
            "reply markup is too long", detail=f"{total} buttons, limit {MAX_INLINE_BUTTONS}"
        )
    widest = max((len(r) for r in rows), default=0)
    if widest > MAX_BUTTONS_PER_ROW:
        raise bad_request(
            "too many buttons in a row",
            detail=f"{widest} buttons in one row, limit {MAX_BUTTONS_PER_ROW}",
        )
    return [[_parse_button(b) for b in row] for row in rows]


def _parse_button(raw: Any) -> Button:
    if not isinstance(raw, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an object"
        )
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad_request("BUTTON_TEXT_INVALID", detail=f"button text is empty: {raw!r}")
    actions = [k for k in BUTTON_ACTIONS if raw.get(k) is not None]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
            detail=f"button {text!r} has no action field",
        )
    if len(actions) > 1:
        raise bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be used",
            detail=f"button {text!r} has {actions}",
        )
    kind = actions[0]
    data = raw.get("callback_data")
    if kind == "callback_data":
        size = len(str(data).encode("utf-8"))
        if not isinstance(data, str) or not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
            raise telegram(
                "button_data_invalid",
                detail=f"callback_data of {text!r} is {size} bytes, allowed 1-64: {data!r}",
            )
    url = raw.get("url")
    if kind == "url" and not (isinstance(url, str) and _URL.fullmatch(url)):
        raise bad_request(
            f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL",
            detail=f"button {text!r}",
        )
    return Button(text=text, kind=kind, callback_data=data, url=url)


def parse_reply_keyboard(markup: dict[str, Any]) -> list[list[str]]:
    rows = markup.get("keyboard")
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise bad_request("can't parse reply keyboard markup JSON object")
    texts = [[b.get("text") if isinstance(b, dict) else b for b in row] for row in rows]
    for row in texts:
        for text in row:
            if not isinstance(text, str) or not text.strip():
                raise bad_request("BUTTON_TEXT_INVALID", detail="reply keyboard button text empty")
    return texts


def check_callback_answer(text: str | None) -> None:
    if text is not None and len(text) > MAX_CALLBACK_ANSWER:
        raise bad_request(
            "MESSAGE_TOO_LONG",
            detail=f"answerCallbackQuery text is {len(text)} chars, limit {MAX_CALLBACK_ANSWER}",
        )


def check_language_code(code: Any) -> str:
    """setMyCommands' language_code: empty (every language) or two ISO 639-1 letters."""
    if code in (None, ""):
        return ""
    if not isinstance(code, str) or re.fullmatch(r"[a-z]{2}", code) is None:
        raise bad_request("LANGUAGE_CODE_INVALID", detail=f"language_code {code!r}: 2 letters")
    return code


def check_commands(commands: Any) -> list[dict[str, str]]:
    """setMyCommands: 0-100 commands, names 1-32 of [a-z0-9_], descriptions 1-256 chars."""
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > MAX_COMMANDS:
        raise bad_request("too many commands", detail=f"{len(commands)} > {MAX_COMMANDS}")
    seen: set[str] = set()
    result = []
    for cmd in commands:
        name = cmd.get("command") if isinstance(cmd, dict) else None
        desc = cmd.get("description") if isinstance(cmd, dict) else None
        if not isinstance(name, str) or not _COMMAND.fullmatch(name):
            raise bad_request(
                "BOT_COMMAND_INVALID", detail=f"command {name!r}: need 1-32 chars of [a-z0-9_]"
            )
        if not isinstance(desc, str) or not 1 <= len(desc.strip()) <= 256:
            raise bad_request(
                "command description must be non-empty",
                detail=f"description of /{name} must be 1-256 chars",
            )
        if name in seen:
            raise bad_request("BOT_COMMAND_INVALID", detail=f"duplicate command /{name}")
        seen.add(name)
        result.append({"command": name, "description": desc})
    return result


def check_chat_action(action: Any) -> None:
    if action not in CHAT_ACTIONS:
        raise bad_request(
            "wrong parameter action in request", detail=f"unknown chat action {action!r}"
        )


def require(params: dict[str, Any], *names: str) -> None:
    """Missing required parameters → 400 like Telegram (e.g. "chat_id is empty")."""
    for name in names:
        value = params.get(name)
        if value is None or value == "":
            raise ApiError(400, f"Bad Request: {name} is empty")
