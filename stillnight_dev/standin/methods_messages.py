"""Chat methods: sending, editing and deleting messages, media, callback answers, chat actions."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .errors import bad_request, telegram
from .html_check import Rendered
from .registry import Ctx, Upload, api_method
from .rules import (
    MAX_ENTITIES,
    check_callback_answer,
    check_caption,
    check_chat_action,
    check_text,
    parse_inline_keyboard,
    parse_reply_keyboard,
    render,
)
from .state import Button, ChatState, FileBlob, StoredMessage

if TYPE_CHECKING:
    from .server import BotApiStandin

MAX_PHOTO = 10 * 1024 * 1024
MAX_DOCUMENT = 50 * 1024 * 1024


def _markup(
    chat: ChatState, raw: Any, *, inline_only: bool = False
) -> tuple[dict[str, Any] | None, list[list[Button]]]:
    """Validate reply_markup; return what the message carries (inline keyboards only).

    Reply keyboards / keyboard removal change the chat's input area instead of the message.
    """
    if raw is None:
        return None, []
    if not isinstance(raw, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in raw:
        buttons = parse_inline_keyboard(raw)
        return ({"inline_keyboard": raw["inline_keyboard"]} if buttons else None), buttons
    if inline_only:
        raise bad_request("inline keyboard expected", detail="edits only accept inline keyboards")
    if "keyboard" in raw:
        chat.reply_keyboard = parse_reply_keyboard(raw)
    elif raw.get("remove_keyboard"):
        chat.reply_keyboard = None
    elif not raw.get("force_reply"):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return None, []


def _same_markup(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _reply_to(chat: ChatState, params: dict[str, Any]) -> int | None:
    """reply_parameters / reply_to_message_id must point at an existing message."""
    reply = params.get("reply_parameters")
    mid, lenient = params.get("reply_to_message_id"), params.get("allow_sending_without_reply")
    if isinstance(reply, dict):
        mid = reply.get("message_id")
        lenient = reply.get("allow_sending_without_reply", lenient)
    if mid is None:
        return None
    msg = chat.messages.get(mid) if isinstance(mid, int) else None
    if msg is None or msg.deleted:
        if lenient:
            return None
        raise telegram("reply_not_found", detail=f"message_id={mid!r}")
    return mid


def _new_message(s: BotApiStandin, chat: ChatState, params: dict[str, Any]) -> StoredMessage:
    return StoredMessage(
        message_id=chat.new_message_id(),
        chat_id=chat.id,
        from_bot=True,
        date=int(s.wall()),
        sender=s.bot_user,
        chat=chat.info,
        reply_to=_reply_to(chat, params),
    )


def _rendered(s: BotApiStandin, ctx: Ctx, key: str, entities_key: str) -> Rendered | None:
    """The text as shown. Telegram accepts more than 100 entities but ignores those past the
    100th (no error: the formatting is silently lost), so the stand-in does the same and
    records it as a violation."""
    params = ctx.params
    value = params.get(key)
    if value is None:
        return None
    rendered = render(str(value), params.get("parse_mode"), params.get(entities_key))
    if len(rendered.entities) <= MAX_ENTITIES:
        return rendered
    s._violate(
        ctx.method,
        params,
        f"{len(rendered.entities)} entities: Telegram ignores every one past the "
        f"{MAX_ENTITIES}th, so their formatting is lost",
    )
    return Rendered(rendered.text, rendered.entities[:MAX_ENTITIES])


@api_method("sendMessage", visible=True)
async def send_message(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    p = ctx.params
    chat = s._target_chat(p)
    if not p.get("text"):
        raise telegram("text_empty")
    rendered = _rendered(s, ctx, "text", "entities")
    assert rendered is not None
    check_text(rendered)
    markup, buttons = _markup(chat, p.get("reply_markup"))
    msg = _new_message(s, chat, p)
    msg.text, msg.html, msg.entities = rendered.text, str(p["text"]), rendered.entities
    msg.reply_markup, msg.buttons = markup, buttons
    s._store(chat, msg)
    s._record(chat, ctx.method, msg, p)
    return msg.to_api()


def _upload(s: BotApiStandin, ctx: Ctx, key: str, limit: int, mime: str | None) -> FileBlob:
    """A file part (bytes), a known file_id or an HTTP URL — like Telegram's InputFile rules."""
    up: Upload | None = ctx.files.get(key)
    if up is not None:
        if len(up.data) > limit:
            raise telegram("entity_too_large", detail=f"{len(up.data)} bytes")
        return s._new_file(up.data, up.filename, up.content_type or mime)
    ref = ctx.params.get(key)
    if not ref:
        raise bad_request(f"there is no {key} in the request")
    ref = str(ref)
    if ref.startswith(("http://", "https://")):
        return s._new_file(None, ref.rsplit("/", 1)[-1] or None, mime, url=ref)
    blob = s._find_file(ref)
    if blob is None:
        raise bad_request(
            "wrong file identifier/HTTP URL specified", detail=f"unknown file_id {ref!r}"
        )
    return blob


async def _send_media(s: BotApiStandin, ctx: Ctx, key: str, limit: int) -> dict[str, Any]:
    p = ctx.params
    chat = s._target_chat(p)
    caption = _rendered(s, ctx, "caption", "caption_entities")
    if caption is not None:
        check_caption(caption)
    markup, buttons = _markup(chat, p.get("reply_markup"))
    blob = _upload(s, ctx, key, limit, "image/jpeg" if key == "photo" else None)
    msg = _new_message(s, chat, p)
    msg.kind = key
    setattr(msg, key, blob)
    if caption is not None and caption.text:
        msg.text, msg.html, msg.entities = caption.text, str(p["caption"]), caption.entities
    msg.reply_markup, msg.buttons = markup, buttons
    s._store(chat, msg)
    s._record(chat, ctx.method, msg, p)
    return msg.to_api()


@api_method("sendPhoto", visible=True)
async def send_photo(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    return await _send_media(s, ctx, "photo", MAX_PHOTO)


@api_method("sendDocument", visible=True)
async def send_document(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    return await _send_media(s, ctx, "document", MAX_DOCUMENT)


def _own_message(s: BotApiStandin, ctx: Ctx, verb: str) -> tuple[ChatState, StoredMessage]:
    """The bot's message addressed by chat_id + message_id, for editing."""
    p = ctx.params
    if p.get("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID", detail="inline messages are not supported")
    chat = s._target_chat(p)
    mid = p.get("message_id")
    msg = chat.messages.get(mid) if isinstance(mid, int) else None
    if msg is None or msg.deleted:
        raise telegram(f"{verb}_not_found", detail=f"message_id={mid!r}")
    if not msg.from_bot:
        raise telegram(f"cant_{verb}", detail="it was sent by the user")
    return chat, msg


def _finish_edit(
    s: BotApiStandin, ctx: Ctx, chat: ChatState, msg: StoredMessage, unchanged: bool
) -> dict[str, Any]:
    if unchanged:
        raise telegram("not_modified", detail=f"message {msg.message_id}: {msg.text[:40]!r}")
    msg.edits += 1
    msg.edit_date = int(s.wall())
    s._record(chat, ctx.method, msg, ctx.params)
    return msg.to_api()


@api_method("editMessageText", visible=True)
async def edit_message_text(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    """Without reply_markup the inline keyboard is removed — exactly like Telegram."""
    p = ctx.params
    chat, msg = _own_message(s, ctx, "edit")
    if msg.kind != "text":
        raise bad_request("there is no text in the message to edit")
    if not p.get("text"):
        raise telegram("text_empty")
    rendered = _rendered(s, ctx, "text", "entities")
    assert rendered is not None
    check_text(rendered)
    markup, buttons = _markup(chat, p.get("reply_markup"), inline_only=True)
    unchanged = (
        rendered.text == msg.text
        and rendered.entities == msg.entities
        and _same_markup(markup, msg.reply_markup)
    )
    if not unchanged:
        msg.text, msg.html, msg.entities = rendered.text, str(p["text"]), rendered.entities
        msg.reply_markup, msg.buttons = markup, buttons
    return _finish_edit(s, ctx, chat, msg, unchanged)


@api_method("editMessageCaption", visible=True)
async def edit_message_caption(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    p = ctx.params
    chat, msg = _own_message(s, ctx, "edit")
    if msg.kind not in ("photo", "document"):
        raise bad_request("there is no caption in the message to edit")
    caption = _rendered(s, ctx, "caption", "caption_entities") or Rendered("")
    check_caption(caption)
    markup, buttons = _markup(chat, p.get("reply_markup"), inline_only=True)
    unchanged = (
        caption.text == msg.text
        and caption.entities == msg.entities
        and _same_markup(markup, msg.reply_markup)
    )
    if not unchanged:
        msg.text, msg.entities = caption.text, caption.entities
        msg.html = str(p["caption"]) if caption.text else ""
        msg.reply_markup, msg.buttons = markup, buttons
    return _finish_edit(s, ctx, chat, msg, unchanged)


@api_method("editMessageReplyMarkup", visible=True)
async def edit_message_reply_markup(s: BotApiStandin, ctx: Ctx) -> dict[str, Any]:
    chat, msg = _own_message(s, ctx, "edit")
    markup, buttons = _markup(chat, ctx.params.get("reply_markup"), inline_only=True)
    unchanged = _same_markup(markup, msg.reply_markup)
    msg.reply_markup, msg.buttons = markup, buttons
    return _finish_edit(s, ctx, chat, msg, unchanged)


MAX_DELETE = 100  # ids per deleteMessages
DELETABLE_FOR_S = 48 * 3600  # Telegram: a message can be deleted for 48 hours after it was sent


def _undeletable(s: BotApiStandin, chat: ChatState, msg: StoredMessage) -> str | None:
    """Why the bot may not delete this message, or None. Private chats: any message;
    groups: only the bot's own (the bot is no admin here); everywhere: for 48 hours."""
    if chat.type != "private" and not msg.from_bot:
        return "the bot is not a group admin"
    if s.wall() - msg.date >= DELETABLE_FOR_S:
        return f"sent {(s.wall() - msg.date) / 3600:.0f} h ago, more than 48 h"
    return None


@api_method("deleteMessage", visible=True)
async def delete_message(s: BotApiStandin, ctx: Ctx) -> bool:
    p = ctx.params
    chat = s._target_chat(p)
    mid = p.get("message_id")
    msg = chat.messages.get(mid) if isinstance(mid, int) else None
    if msg is None or msg.deleted:
        raise telegram("delete_not_found", detail=f"message_id={mid!r}")
    if (why := _undeletable(s, chat, msg)) is not None:
        raise telegram("cant_delete", detail=why)
    msg.deleted = True
    s._record(chat, ctx.method, msg, p)
    return True


@api_method("deleteMessages", visible=True)
async def delete_messages(s: BotApiStandin, ctx: Ctx) -> bool:
    """1-100 ids; those that can't be found (or deleted) are skipped, as Telegram does."""
    p = ctx.params
    chat = s._target_chat(p)
    ids = p.get("message_ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_DELETE:
        raise bad_request("message_ids must be 1-100 ids", detail=f"got {ids!r}")
    for mid in ids:
        msg = chat.messages.get(mid) if isinstance(mid, int) else None
        if msg is None or msg.deleted or _undeletable(s, chat, msg) is not None:
            continue
        msg.deleted = True
        s._record(chat, ctx.method, msg, p)
    return True


@api_method("sendChatAction")
async def send_chat_action(s: BotApiStandin, ctx: Ctx) -> bool:
    s._target_chat(ctx.params)
    check_chat_action(ctx.params.get("action"))
    return True


@api_method("answerCallbackQuery")
async def answer_callback_query(s: BotApiStandin, ctx: Ctx) -> bool:
    p = ctx.params
    qid = str(p.get("callback_query_id", ""))
    cb = s._callbacks.get(qid)
    if cb is None:
        raise telegram("query_too_old", detail=f"the stand-in never issued query id {qid!r}")
    cb.attempts = max(cb.attempts, 0) + 1
    if cb.answer is not None:
        raise telegram("query_too_old", detail=f"query {qid} ({cb.label}) answered twice")
    age = s.now() - cb.tapped_at
    if age > s.callback_expiry:
        cb.too_late = True  # the bot must cope with it (a slow database): no violation
        raise telegram("query_too_old", violation=False, detail=f"answered {age:.1f} s after")
    text = p.get("text")
    check_callback_answer(text if isinstance(text, str) else None)
    cb.answer = dict(p)
    chat = s._chats[cb.chat_id]
    s._record(chat, ctx.method, None, p, message_id=cb.message_id)
    return True
