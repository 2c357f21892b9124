"""Follow what the bot did in the demo chat and show each action once, in order.

The stand-in logs every successful visible action of the bot (a `Sent`: send, edit,
delete, callback answer) with a snapshot of the text and buttons at that moment; the
feed keeps a cursor into that log, so output never depends on when it is flushed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stillnight_dev.demo import render
from stillnight_dev.demo.screen import Screen
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

BOT_NAME = "Stillnight"
SENDS = {"sendMessage", "sendPhoto", "sendDocument"}
EDITS = {"editMessageText", "editMessageCaption", "editMessageReplyMarkup"}
LOCATION_HINT = "(type /location LAT LON to share a place, e.g. /location 52.52 13.40)"


class Feed:
    def __init__(self, standin: BotApiStandin, chat: UserChat, screen: Screen, files: Path):
        self.standin = standin
        self.chat = chat
        self.screen = screen
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
                self.screen.note(f"[stand-in] the bot broke a Bot API rule: {violation}")
            self._violations = len(self.standin.violations)

    def _new_violations(self) -> bool:
        return len(self.standin.violations) > self._violations

    def _show(self, sent: Sent) -> None:
        msg = sent.message
        if sent.method == "answerCallbackQuery":
            if sent.text:
                kind = "alert" if sent.params.get("show_alert") else "popup"
                self.screen.popup(f"[{kind}] {sent.text}")
        elif sent.method == "deleteMessage" and msg is not None:
            first = sent.text.split("\n", 1)[0]
            self.screen.note(f"({BOT_NAME} deleted its message “{first}”)")
        elif sent.method in SENDS and msg is not None:
            self.screen.message(msg.message_id, self._block(sent, msg, ""))
        elif sent.method in EDITS and msg is not None:
            updated = self._block(sent, msg, " (updated)")
            if sent.method == "editMessageReplyMarkup" and not sent.buttons:
                # Only the buttons went away: say so instead of repeating the whole text.
                first = sent.text.split("\n", 1)[0]
                updated = [f"{BOT_NAME} (updated): no more buttons under “{first}”"]
            self.screen.edited(msg.message_id, self._block(sent, msg, ""), updated)

    def _block(self, sent: Sent, msg: StoredMessage, mark: str) -> list[str]:
        lines = [f"{BOT_NAME}{mark}:"]
        blob = msg.photo or msg.document
        if blob is not None:
            lines.append(f"{render.INDENT}[{msg.kind}] {self._saved(msg, blob)}")
        if sent.text:
            text = render.styled(
                sent.text,
                _entities(sent, msg),
                ansi=self.screen.ansi,
                indent=render.INDENT,
                width=self.screen.width,
            )
            lines.extend(text.split("\n"))
        lines.extend(render.button_lines(sent.buttons))
        lines.extend(_reply_keyboard(sent.params.get("reply_markup")))
        return lines

    def _saved(self, msg: StoredMessage, blob: FileBlob) -> str:
        """Save a photo or document once; its path (or URL) is what the terminal shows."""
        if blob.data is None:
            return blob.url or "(no file)"
        name = Path(blob.filename or f"{msg.kind}.bin").name
        path = self.files / f"{msg.message_id:04d}-{name}"
        if not path.exists() or path.read_bytes() != blob.data:
            self.files.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob.data)
        try:
            return str(path.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(path.resolve())


def _entities(sent: Sent, msg: StoredMessage) -> tuple[Entity, ...]:
    """The formatting of the text as it was at that moment (the message may have changed)."""
    if msg.text == sent.text:
        return msg.entities
    try:
        rendered = parse_html(sent.html).stripped()
    except HtmlError:
        return ()
    return rendered.entities if rendered.text == sent.text else ()


def _reply_keyboard(markup: Any) -> list[str]:
    """A keyboard under the input field (not under the message): its buttons, and how to use
    a location button here."""
    if not isinstance(markup, dict) or not isinstance(markup.get("keyboard"), list):
        return []
    cells = [b for row in markup["keyboard"] for b in row]
    labels = [b.get("text", "") if isinstance(b, dict) else str(b) for b in cells]
    line = f"{render.INDENT}Keyboard: " + render.BUTTON_GAP.join(f"[{t}]" for t in labels)
    wants_location = any(isinstance(b, dict) and b.get("request_location") for b in cells)
    return [line] + ([f"{render.INDENT}{LOCATION_HINT}"] if wants_location else [])
