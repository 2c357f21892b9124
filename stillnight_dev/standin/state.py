"""What the stand-in remembers: chats, messages (as currently shown), sent records, files.

Messages are stored *rendered* (plain text + entities), because that is what a user sees and what
Telegram compares when deciding whether an edit is "not modified".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .html_check import Entity


class Call(NamedTuple):
    """One HTTP request the bot made: canonical method name and decoded parameters."""

    method: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Button:
    """An inline keyboard button. ``kind`` is the action field (callback_data, url, ...)."""

    text: str
    kind: str
    callback_data: str | None = None
    url: str | None = None


@dataclass
class FileBlob:
    """A file known to the stand-in (uploaded by the bot or sent by a test user)."""

    file_id: str
    file_unique_id: str
    data: bytes | None
    filename: str | None = None
    mime_type: str | None = None
    url: str | None = None  # when the bot sent a URL instead of bytes

    @property
    def file_path(self) -> str:
        return f"files/{self.file_unique_id}/{self.filename or 'file'}"


@dataclass
class StoredMessage:
    """A message in a chat, as it is *currently* shown (edits applied).

    ``text`` is always a string: the visible text of a text message, or the caption of a media
    message ("" when there is none) — HTML tags stripped, entities decoded, trimmed. ``html`` is
    that text/caption exactly as the bot sent it. ``kind`` tells text from media messages.
    """

    message_id: int
    chat_id: int
    from_bot: bool
    date: int
    sender: dict[str, Any]
    chat: dict[str, Any]
    kind: str = "text"  # text | photo | document | other (location, sticker, ...)
    text: str = ""
    html: str = ""
    entities: tuple[Entity, ...] = ()
    reply_markup: dict[str, Any] | None = None
    buttons: list[list[Button]] = field(default_factory=list)
    photo: FileBlob | None = None
    document: FileBlob | None = None
    content: dict[str, Any] = field(default_factory=dict)  # other payload (location, sticker...)
    reply_to: int | None = None
    edits: int = 0
    edit_date: int | None = None
    deleted: bool = False

    @property
    def button_texts(self) -> list[list[str]]:
        return [[b.text for b in row] for row in self.buttons]

    @property
    def caption(self) -> str | None:
        """The caption of a media message (``None`` for text messages or without caption)."""
        return self.text if self.kind in ("photo", "document") and self.text else None

    @property
    def photo_bytes(self) -> bytes | None:
        return self.photo.data if self.photo else None

    @property
    def document_bytes(self) -> bytes | None:
        return self.document.data if self.document else None

    @property
    def filename(self) -> str | None:
        return self.document.filename if self.document else None

    def to_api(self) -> dict[str, Any]:
        """The Message object Telegram would return / embed in updates."""
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "date": self.date,
            "chat": dict(self.chat),
            "from": dict(self.sender),
        }
        key = "text" if self.kind == "text" else "caption"
        if self.kind == "text" or self.text:
            data[key] = self.text
            if self.entities:
                data[f"{'' if key == 'text' else 'caption_'}entities"] = [
                    e.to_api() for e in self.entities
                ]
        if self.photo is not None:
            data["photo"] = photo_sizes(self.photo)
        if self.document is not None:
            data["document"] = document_dict(self.document)
        data.update(self.content)
        if self.reply_markup is not None:
            data["reply_markup"] = self.reply_markup
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        return data


@dataclass(frozen=True)
class Sent:
    """A successful visible action of the bot in a chat (send, edit, delete, callback answer).

    ``text``/``html``/``buttons`` are a snapshot taken right after the action (for
    answerCallbackQuery: the toast/alert text, for deleteMessage: the deleted message's text);
    ``message`` is the live stored message (later edits show up there).
    """

    method: str
    chat_id: int
    message_id: int | None
    text: str
    html: str
    buttons: list[list[str]]
    params: dict[str, Any]
    message: StoredMessage | None = None


class Replies(list[Sent]):
    """What the bot did in a chat in reaction to one user action (a list of :class:`Sent`).

    ``"some words" in replies`` is a substring search over the texts of all records (toasts
    included), so ``assert "earlier screen" in await user.tap_data(...)`` reads naturally;
    anything that is not a ``str`` uses plain list membership.
    """

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(item in sent.text for sent in self)
        return super().__contains__(item)

    @property
    def texts(self) -> list[str]:
        return [sent.text for sent in self]

    @property
    def toast(self) -> str | None:
        """Text of the callback answer among these records, if any."""
        for sent in self:
            if sent.method == "answerCallbackQuery":
                return sent.text or None
        return None

    def __str__(self) -> str:
        return "\n".join(f"{s.method}: {s.text}" for s in self)


@dataclass
class ChatState:
    """Server-side view of one chat."""

    id: int
    type: str  # private | group | supergroup
    info: dict[str, Any]  # the Chat object (id, type, title / first_name ...)
    known: bool = False  # the bot may write here (user wrote first / bot is in the group)
    blocked: str | None = None  # the contract's 403 error while the user blocked the bot
    left: bool = False  # a group the bot left (leaveChat): nothing delivered, nothing sent
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1
    sent: list[Sent] = field(default_factory=list)
    activity: int = 0  # every request addressed to this chat
    visible: int = 0  # attempted visible requests (sends/edits/deletes), even failed ones
    last_activity: float = 0.0
    reply_keyboard: list[list[str]] | None = None

    def new_message_id(self) -> int:
        mid = self.next_message_id
        self.next_message_id += 1
        return mid


def photo_sizes(blob: FileBlob) -> list[dict[str, Any]]:
    size = len(blob.data) if blob.data is not None else 0
    return [
        {
            "file_id": f"{blob.file_id}-s",
            "file_unique_id": f"{blob.file_unique_id}-s",
            "width": 90,
            "height": 90,
            "file_size": min(size, 1000),
        },
        {
            "file_id": blob.file_id,
            "file_unique_id": blob.file_unique_id,
            "width": 800,
            "height": 600,
            "file_size": size,
        },
    ]


def document_dict(blob: FileBlob) -> dict[str, Any]:
    data: dict[str, Any] = {"file_id": blob.file_id, "file_unique_id": blob.file_unique_id}
    if blob.filename:
        data["file_name"] = blob.filename
    if blob.mime_type:
        data["mime_type"] = blob.mime_type
    if blob.data is not None:
        data["file_size"] = len(blob.data)
    return data


@dataclass
class CallbackState:
    """A callback query the stand-in issued; the bot must answer it exactly once."""

    id: str
    chat_id: int
    message_id: int
    data: str
    label: str  # for messages: the button text or "forged data"
    update_id: int = 0
    answer: dict[str, Any] | None = None
    attempts: int = 0
    tapped_at: float = 0.0  # the stand-in's clock (BotApiStandin.now)
    too_late: bool = False  # an answer came after Telegram's time for it
