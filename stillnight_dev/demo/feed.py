"""Follow what the bot did in the demo chat and show each action once, in order.

The stand-in logs every successful visible action of the bot (a `Sent`: send, edit,
delete, callback answer) with a snapshot of the text and buttons at that moment; the
feed keeps a cursor into that log, so output never depends on when it is flushed.
Photos and documents are saved under the files folder as they arrive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stillnight_dev.demo import render
from stillnight_dev.demo.view import Output, Shown
from stillnight_dev.standin import (
    BotApiStandin,
    Entity,
    HtmlError,
    Sent,
    StoredMessage,
    UserChat,
    parse_html,
)
from stillnight_dev.standin.state import FileBlob

SENDS = {"sendMessage", "sendPhoto", "sendDocument"}
EDITS = {"editMessageText", "editMessageCaption", "editMessageReplyMarkup"}


class Feed:
    def __init__(self, standin: BotApiStandin, chat: UserChat, output: Output, files: Path):
        self.standin = standin
        self.chat = chat
        self.output = output
        self.files = files
        self._seen = len(chat.state.sent)
        self._violations = len(standin.violations)

    def pending(self) -> bool:
        return len(self.chat.state.sent) > self._seen or self._new_violations()

    def flush(self) -> None:
        """Show everything the bot did since the last flush."""
        while self._seen < len(self.chat.state.sent):
            sent = self.chat.state.sent[self._seen]
            self._seen += 1
            self._show(sent)
        if self._new_violations():
            for violation in self.standin.violations[self._violations :]:
                self.output.note(f"[stand-in] the bot broke a Bot API rule: {violation}")
            self._violations = len(self.standin.violations)

    def _new_violations(self) -> bool:
        return len(self.standin.violations) > self._violations

    def _show(self, sent: Sent) -> None:
        msg = sent.message
        if sent.method == "answerCallbackQuery":
            if sent.text:
                self.output.popup(sent.text, alert=bool(sent.params.get("show_alert")))
        elif sent.method == "deleteMessage" and msg is not None:
            self.output.deleted(msg.message_id, sent.text)
        elif sent.method in SENDS and msg is not None:
            self.output.message(self._shown(sent, msg, save=True))
        elif sent.method in EDITS and msg is not None:
            buttons_only = sent.method == "editMessageReplyMarkup"
            self.output.edited(self._shown(sent, msg, save=False), buttons_only=buttons_only)

    def _shown(self, sent: Sent, msg: StoredMessage, *, save: bool) -> Shown:
        blob = msg.photo or msg.document
        keyboard, wants_location = _reply_keyboard(sent.params.get("reply_markup"))
        return Shown(
            message_id=msg.message_id,
            kind=msg.kind,
            text=sent.text,
            entities=_entities(sent, msg),
            buttons=render.numbered(sent.buttons),
            keyboard=keyboard,
            wants_location=wants_location,
            file=self._saved(msg, blob, save) if blob is not None and blob.data else None,
            url=blob.url if blob is not None else None,
        )

    def _saved(self, msg: StoredMessage, blob: FileBlob, save: bool) -> Path:
        """Where a photo or document is kept; written when it first arrives."""
        name = Path(blob.filename or f"{msg.kind}.bin").name
        path = self.files / f"{msg.message_id:04d}-{name}"
        if save and blob.data is not None:
            self.files.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob.data)
        return path


def _entities(sent: Sent, msg: StoredMessage) -> tuple[Entity, ...]:
    """The formatting of the text as it was at that moment (the message may have changed)."""
    if msg.text == sent.text:
        return msg.entities
    try:
        rendered = parse_html(sent.html).stripped()
    except HtmlError:
        return ()
    return rendered.entities if rendered.text == sent.text else ()


def _reply_keyboard(markup: Any) -> tuple[list[list[str]], bool]:
    """A keyboard under the input field (not under the message): its labels, and whether one
    of its buttons asks for the user's location."""
    if not isinstance(markup, dict) or not isinstance(markup.get("keyboard"), list):
        return [], False
    rows = [row for row in markup["keyboard"] if isinstance(row, list)]
    labels = [[b.get("text", "") if isinstance(b, dict) else str(b) for b in row] for row in rows]
    wants = any(isinstance(b, dict) and b.get("request_location") for row in rows for b in row)
    return labels, wants
