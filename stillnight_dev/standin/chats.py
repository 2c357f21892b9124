"""Test-facing chat objects: play a user (send, tap, share...) and read what the bot shows.

Every injection waits, by default, until the bot has visibly reacted in this chat and then stayed
quiet for ``standin.quiet`` seconds — so tests are deterministic without fixed sleeps, and a silent
bot fails the test ("nothing is ever silent").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from .html_check import Entity, utf16_len
from .state import Button, CallbackState, ChatState, FileBlob, Replies, StoredMessage

if TYPE_CHECKING:
    from .server import BotApiStandin

#: How to pick a button: exact text, a regex (searched), or a predicate on the text.
ButtonMatch = str | re.Pattern[str] | Callable[[str], bool]

DEFAULT_PHOTO = b"\xff\xd8\xff\xe0fake-jpeg-for-tests\xff\xd9"
_COMMAND = re.compile(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?")
_MENTION = re.compile(r"@[A-Za-z0-9_]{5,32}")


class Mark(NamedTuple):
    """A point in a chat's timeline (see :meth:`ChatHandle.mark`)."""

    sent: int
    visible: int


def _text_entities(text: str) -> list[dict[str, Any]]:
    """Entities a Telegram client would attach: a leading /command and @mentions."""
    ents = []
    if m := _COMMAND.match(text):
        ents.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group(0))})
    for m in _MENTION.finditer(text):
        start = utf16_len(text[: m.start()])
        ents.append({"type": "mention", "offset": start, "length": utf16_len(m.group(0))})
    return ents


class ChatHandle:
    """Common behaviour of private chats and groups."""

    def __init__(self, standin: BotApiStandin, state: ChatState) -> None:
        self.standin = standin
        self.state = state

    @property
    def id(self) -> int:
        return self.state.id

    def __repr__(self) -> str:
        name = self.state.info.get("title") or self.state.info.get("first_name")
        return f"{type(self).__name__}({self.id}, {name!r})"

    # ------------------------------------------------------------------ reading

    @property
    def messages(self) -> list[StoredMessage]:
        """The bot's messages currently shown in this chat (deleted ones left out), in order."""
        return [m for m in self.state.messages.values() if m.from_bot and not m.deleted]

    @property
    def history(self) -> list[StoredMessage]:
        """Every message of the chat, the user's and deleted ones included."""
        return list(self.state.messages.values())

    @property
    def sent(self) -> Replies:
        """Every successful visible action of the bot in this chat, in order."""
        return Replies(self.state.sent)

    @property
    def last(self) -> StoredMessage:
        """The bot's latest shown message (AssertionError if there is none)."""
        msgs = self.messages
        if not msgs:
            raise AssertionError(f"the bot has not sent any (undeleted) message to chat {self.id}")
        return msgs[-1]

    @property
    def last_text(self) -> str:
        """Visible text of the latest bot message (caption for media), edits applied."""
        return self.last.text

    @property
    def last_html(self) -> str:
        """The latest bot message's text/caption exactly as the bot sent it (raw HTML)."""
        return self.last.html

    @property
    def last_buttons(self) -> list[list[str]]:
        """Button texts of the latest bot message *that has an inline keyboard* — the message
        :meth:`tap` would use; ``[]`` if no shown message has one. For the buttons of the very
        latest message use ``chat.last.button_texts``."""
        msg = self._keyboard_message(None, required=False)
        return msg.button_texts if msg else []

    @property
    def keyboard(self) -> list[list[str]] | None:
        """The reply keyboard currently shown under the input field, if any."""
        return self.state.reply_keyboard

    @property
    def last_toast(self) -> str | None:
        """Text of the latest callback answer (toast/alert) in this chat."""
        for sent in reversed(self.state.sent):
            if sent.method == "answerCallbackQuery":
                return sent.text
        return None

    def mark(self) -> Mark:
        """Remember "now"; pass to :meth:`sent_since` or :meth:`wait_for_reply`."""
        return Mark(len(self.state.sent), self.state.visible)

    def sent_since(self, mark: Mark) -> Replies:
        """The bot's visible actions in this chat after ``mark``."""
        return Replies(self.state.sent[mark.sent :])

    # ------------------------------------------------------------------ acting

    def _sender(self, sender: UserChat | None) -> dict[str, Any]:
        raise NotImplementedError

    def _deliverable(self, msg: dict[str, Any]) -> bool:
        return True

    async def send(
        self,
        text: str,
        *,
        sender: UserChat | None = None,
        reply_to: int | None = None,
        wait: bool = True,
    ) -> Replies:
        """The user writes ``text``. Returns the bot's visible actions in this chat since."""
        fields: dict[str, Any] = {"text": text}
        if ents := _text_entities(text):
            fields["entities"] = ents
        return await self.send_message(
            fields, sender=sender, reply_to=reply_to, wait=wait, what=f"message {text!r}"
        )

    async def command(
        self, text: str, *, sender: UserChat | None = None, wait: bool = True
    ) -> Replies:
        """Like :meth:`send`, for "/command args" (a bot_command entity is always attached)."""
        if not text.startswith("/"):
            text = "/" + text
        return await self.send(text, sender=sender, wait=wait)

    def edit(self, message_id: int, text: str) -> int:
        """The user edits one of their text messages; returns the edited_message update's id.

        Telegram sends that update only to a bot that listed ``edited_message`` in
        ``allowed_updates``; otherwise the stand-in drops it, unseen, like Telegram.
        """
        msg = self.state.messages.get(message_id)
        if msg is None or msg.from_bot:
            raise AssertionError(f"no message {message_id} of the user in chat {self.id}")
        msg.text = msg.html = text
        msg.entities = tuple(Entity.from_api(e) for e in _text_entities(text))
        body = {**msg.to_api(), "edit_date": int(self.standin.wall())}
        return self.standin.inject({"edited_message": body})

    async def share_location(
        self,
        latitude: float,
        longitude: float,
        *,
        sender: UserChat | None = None,
        wait: bool = True,
    ) -> Replies:
        loc = {"latitude": latitude, "longitude": longitude}
        return await self.send_message(
            {"location": loc}, sender=sender, wait=wait, what=f"location {latitude},{longitude}"
        )

    async def send_sticker(
        self, emoji: str = "🙂", *, sender: UserChat | None = None, wait: bool = True
    ) -> Replies:
        n = next(self.standin._ids)
        sticker = {
            "file_id": f"CAACAgI{n:06d}",
            "file_unique_id": f"AgADst{n:04d}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return await self.send_message(
            {"sticker": sticker}, sender=sender, wait=wait, what=f"sticker {emoji}"
        )

    async def send_photo(
        self,
        data: bytes = DEFAULT_PHOTO,
        *,
        caption: str | None = None,
        sender: UserChat | None = None,
        wait: bool = True,
    ) -> Replies:
        """A photo the bot can download with getFile."""
        blob = self.standin._new_file(data, "photo.jpg", "image/jpeg")
        return await self.send_message(
            {"caption": caption} if caption else {},
            media=("photo", blob),
            sender=sender,
            wait=wait,
            what="photo",
        )

    async def send_document(
        self,
        data: bytes = b"some notes\n",
        *,
        filename: str = "notes.txt",
        mime_type: str = "text/plain",
        caption: str | None = None,
        sender: UserChat | None = None,
        wait: bool = True,
    ) -> Replies:
        blob = self.standin._new_file(data, filename, mime_type)
        return await self.send_message(
            {"caption": caption} if caption else {},
            media=("document", blob),
            sender=sender,
            wait=wait,
            what=f"document {filename!r}",
        )

    async def send_message(
        self,
        fields: dict[str, Any],
        *,
        media: tuple[str, FileBlob] | None = None,
        sender: UserChat | None = None,
        reply_to: int | None = None,
        wait: bool = True,
        what: str = "message",
    ) -> Replies:
        """Inject any Message content (``fields`` are merged into the Message object)."""
        s, chat = self.standin, self.state
        user = self._sender(sender)
        target = chat.messages.get(reply_to) if reply_to is not None else None
        if reply_to is not None and target is None:
            raise AssertionError(f"cannot reply to unknown message {reply_to} in {chat.id}")
        msg = StoredMessage(
            message_id=chat.new_message_id(),
            chat_id=chat.id,
            from_bot=False,
            date=int(self.standin.wall()),
            sender=user,
            chat=chat.info,
            reply_to=reply_to,
        )
        rest = dict(fields)
        msg.kind = "text" if isinstance(rest.get("text"), str) else "other"
        if media is not None:
            msg.kind = media[0]
            setattr(msg, media[0], media[1])
        if text := rest.pop("text", None) or rest.pop("caption", None):
            msg.text = msg.html = str(text)
            ents = rest.pop("entities", None) or rest.pop("caption_entities", None) or ()
            msg.entities = tuple(Entity.from_api(e) for e in ents)
        msg.content = rest
        body = msg.to_api()
        if target is not None:
            body["reply_to_message"] = target.to_api()
        s._store(chat, msg)
        if not self._deliverable(body):
            if wait:
                raise AssertionError(
                    f"{what} in group {chat.id} is not delivered to the bot: it left the group, "
                    "or privacy mode is on and it is no command, no @mention of the bot and no "
                    "reply to the bot (pass wait=False if that is the point)"
                )
            return Replies()
        chat.known = True
        return await self._deliver({"message": body}, what=what, wait=wait)

    async def tap(
        self,
        target: ButtonMatch,
        *,
        message_id: int | None = None,
        sender: UserChat | None = None,
        wait: bool = True,
    ) -> Replies:
        """Tap a callback button of the latest bot message with an inline keyboard (or of
        ``message_id``) and wait until the bot answered that callback query."""
        msg = self._keyboard_message(message_id, required=True)
        assert msg is not None
        button = self._find_button(msg, target)
        if button.callback_data is None:
            raise AssertionError(
                f"button {button.text!r} is a {button.kind} button; only callback buttons "
                "can be tapped"
            )
        return await self._callback(
            msg, button.callback_data, f"button {button.text!r}", sender, wait
        )

    async def tap_data(
        self,
        data: str,
        *,
        message_id: int | None = None,
        sender: UserChat | None = None,
        wait: bool = True,
    ) -> Replies:
        """Send a callback query with arbitrary ``data`` attached to any bot message (default:
        the latest) — for stale or forged buttons."""
        if message_id is None:
            msg = self.last
        else:
            found = self.state.messages.get(message_id)
            if found is None:
                raise AssertionError(f"no message {message_id} in chat {self.id}")
            msg = found
        return await self._callback(msg, data, f"forged callback {data!r}", sender, wait)

    async def wait_for_reply(
        self,
        mark: Mark | None = None,
        timeout: float | None = None,  # noqa: ASYNC109
    ) -> Replies:
        """Wait for the bot to act visibly in this chat after ``mark`` (default: now), e.g. a
        scheduled reminder or a reply triggered from another chat; then for quiet."""
        s, chat = self.standin, self.state
        since = mark or self.mark()
        await s.wait_for(
            lambda: chat.visible > since.visible,
            timeout,
            f"bot sent nothing to chat {chat.id} within {timeout or s.reply_timeout}s",
        )
        await s.settle(chat)
        return self.sent_since(since)

    # ------------------------------------------------------------------ internals

    async def _deliver(
        self,
        body: dict[str, Any],
        *,
        what: str,
        wait: bool,
        done: Callable[[], bool] | None = None,
        waited: str = "reply to",
    ) -> Replies:
        s, chat = self.standin, self.state
        mark = self.mark()
        update_id = s.inject(body)
        if not wait:
            return Replies()
        finished = done or (lambda: chat.visible > mark.visible)
        await s.wait_for(
            lambda: finished() and s.handled(update_id),
            message=lambda: s.stall_report(chat, update_id, what, waited),
        )
        await s.settle(chat, s.quiet_after_update())
        return self.sent_since(mark)

    async def _callback(
        self,
        msg: StoredMessage,
        data: str,
        label: str,
        sender: UserChat | None,
        wait: bool,
    ) -> Replies:
        s = self.standin
        user = self._sender(sender)
        qid = str(4_000_000_000_000_000 + next(s._ids))
        cb = CallbackState(qid, self.id, msg.message_id, data, label, tapped_at=s.now())
        s._callbacks[qid] = cb
        query = {
            "id": qid,
            "from": user,
            "message": msg.to_api(),
            "chat_instance": str(abs(self.id) * 7919),
            "data": data,
        }
        body = {"callback_query": query}
        mark = self.mark()
        cb.update_id = s.inject(body)
        if not wait:
            return Replies()
        await s.wait_for(
            lambda: cb.attempts != 0 and s.handled(cb.update_id),
            message=lambda: s.stall_report(self.state, cb.update_id, label, "answer the tap on"),
        )
        await s.settle(self.state, s.quiet_after_update())
        return self.sent_since(mark)

    def _keyboard_message(self, message_id: int | None, *, required: bool) -> StoredMessage | None:
        if message_id is not None:
            msg = self.state.messages.get(message_id)
            if msg is None or msg.deleted or not msg.from_bot:
                raise AssertionError(f"no shown bot message {message_id} in chat {self.id}")
            if not msg.buttons and required:
                raise AssertionError(f"message {message_id} has no inline keyboard")
            return msg
        for msg in reversed(self.messages):
            if msg.buttons:
                return msg
        if required:
            last = self.messages[-1].text[:80] if self.messages else None
            raise AssertionError(
                f"no bot message with an inline keyboard in chat {self.id}; last message: {last!r}"
            )
        return None

    def _find_button(self, msg: StoredMessage, target: ButtonMatch) -> Button:
        for row in msg.buttons:
            for button in row:
                if isinstance(target, str):
                    hit = button.text == target
                elif isinstance(target, re.Pattern):
                    hit = target.search(button.text) is not None
                else:
                    hit = bool(target(button.text))
                if hit:
                    return button
        raise AssertionError(
            f"no button matching {target!r} in message {msg.message_id} "
            f"({msg.text[:60]!r}); buttons: {msg.button_texts}"
        )


class UserChat(ChatHandle):
    """A user and their private chat with the bot (chat id == user id)."""

    def __init__(self, standin: BotApiStandin, state: ChatState, user: dict[str, Any]) -> None:
        super().__init__(standin, state)
        self.user = user

    def _sender(self, sender: UserChat | None) -> dict[str, Any]:
        if self.state.blocked:
            raise AssertionError(f"user {self.id} blocked the bot; call unblock() first")
        return (sender or self).user

    def block(self) -> None:
        """The user blocks the bot: sends now fail with 403 (not a violation — the bot must
        cope), and the bot gets a my_chat_member update."""
        self.state.blocked = "blocked"
        self._member_update("member", "kicked")

    def unblock(self) -> None:
        self.state.blocked = None
        self._member_update("kicked", "member")

    def _member_update(self, old: str, new: str) -> None:
        bot = self.standin.bot_user

        def member(status: str) -> dict[str, Any]:
            data: dict[str, Any] = {"status": status, "user": bot}
            if status == "kicked":
                data["until_date"] = 0
            return data

        update = {
            "chat": self.state.info,
            "from": self.user,
            "date": int(self.standin.wall()),
            "old_chat_member": member(old),
            "new_chat_member": member(new),
        }
        self.standin.inject({"my_chat_member": update})


class GroupChat(ChatHandle):
    """A group with the bot in it. Privacy mode (on by default, like BotFather's default)
    hides plain chatter from the bot; see :meth:`ChatHandle.send_message`."""

    def __init__(self, standin: BotApiStandin, state: ChatState, member: UserChat | None) -> None:
        super().__init__(standin, state)
        self.member = member

    def _sender(self, sender: UserChat | None) -> dict[str, Any]:
        who = sender or self.member
        if who is None:
            raise AssertionError(f"group {self.id} has no default member; pass sender=")
        return who.user

    def _deliverable(self, msg: dict[str, Any]) -> bool:
        if self.state.left:
            return False
        text = msg.get("text") or ""
        command = text.split(maxsplit=1)[0] if text.startswith("/") else ""
        if "@" in command:  # /help@some_bot goes to that bot only
            return command.split("@", 1)[1].lower() == self.standin.bot_user["username"].lower()
        if not self.standin.privacy_mode:
            return True
        if command:
            return True
        if f"@{self.standin.bot_user['username']}".lower() in text.lower():
            return True
        replied = msg.get("reply_to_message")
        return bool(replied and replied.get("from", {}).get("id") == self.standin.bot_id)
