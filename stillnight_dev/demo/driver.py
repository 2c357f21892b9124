"""One input line of the demo, interactive or scripted, played against the running bot.

A number taps that button of the latest message with buttons (numbers as shown by
`render.button_lines`), and `/tap REGEX` the one whose label matches (taps.py);
`/time ...`, `/send PATH`, `/location LAT LON` and `/quit` are the demo's own; anything
else is sent as text, exactly as a Telegram client would.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Awaitable
from pathlib import Path

from stillnight_dev.demo import render, taps, timejump
from stillnight_dev.demo.feed import Feed
from stillnight_dev.demo.session import DEMO_USER_ID, DEMO_USER_NAME, DemoSession
from stillnight_dev.demo.view import Output, Tapped
from stillnight_dev.standin import Button

LOCATION_USAGE = "Use /location LAT LON, e.g. /location 52.52 13.40 (Berlin)."
SEND_USAGE = "Use /send PATH, e.g. /send export.json (a .jpg, .jpeg or .png goes as a photo)."
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png"}  # what a Telegram client sends as a photo
COMMANDS = ("/time", "/tap", "/send", "/location", "/quit")


class Demo:
    def __init__(self, session: DemoSession, output: Output) -> None:
        self.session = session
        self.output = output
        self.feed = Feed(session.standin, session.user, output, session.options.files)

    async def intro(self, *extra: str) -> None:
        zone = await self.session.zone()
        now = timejump.describe(self.session.clock.now(), zone)
        lines = [
            "Stillnight demo: the real bot, talking to a stand-in for Telegram on this computer.",
            f"You are {DEMO_USER_NAME} (user {DEMO_USER_ID}). Demo time: {now}.",
            "Type to chat; a number taps that button of the latest message with buttons,",
            "/tap LABEL the button whose label matches. /time +2h, +30m, +1d, 07:30 or",
            "next-month lets demo time pass; /send PATH sends a file; /location LAT LON",
            "shares a place; /quit leaves.",
            *extra,
        ]
        self.output.note("\n".join(lines))

    async def handle(self, line: str) -> bool:
        """Play one input; False when the user wants to leave."""
        text = line.strip()
        if not text:
            return True
        command, _, rest = text.partition(" ")
        command = command.lower() if command.lower() in COMMANDS else ""
        try:
            button = self._button(text, rest if command == "/tap" else None)
        except taps.NoTap as refused:
            self.output.said(text, None)
            self.output.note(str(refused))
            return True
        self.output.said(text, button)
        if command == "/quit":
            return False
        if button is not None:
            await self._tap(button)
        elif command == "/time":
            await self._time(rest)
        elif command == "/send":
            await self._send(rest)
        elif command == "/location":
            await self._location(rest)
        else:
            await self._wait(self.session.user.send(text))
        return True

    def _buttons(self) -> tuple[list[list[Button]], list[list[Tapped]]]:
        """The latest message with buttons: its buttons, and them as numbered on screen."""
        for msg in reversed(self.session.user.messages):
            if msg.buttons:
                return msg.buttons, render.numbered(msg.button_texts)
        return [], []

    def _button(self, text: str, pattern: str | None) -> Tapped | None:
        """The button an input taps: a typed number, or /tap's pattern (NoTap if it names
        none); None when the input is no tap."""
        if pattern is None and not text.isdigit():
            return None
        _, numbered = self._buttons()
        if pattern is not None:
            return taps.by_label(numbered, pattern)
        return taps.by_number(numbered, int(text))

    async def _tap(self, tapped: Tapped) -> None:
        buttons, numbered = self._buttons()
        button = next(
            b
            for row, numbers in zip(buttons, numbered, strict=True)
            for b, n in zip(row, numbers, strict=True)
            if n == tapped
        )
        if button.callback_data is None:
            where = f" opens {button.url}" if button.url else f" is a {button.kind} button"
            self.output.note(f"(That button{where}; the demo can only tap callback buttons.)")
            return
        await self._wait(self.session.user.tap(button.text))

    async def _time(self, arg: str) -> None:
        zone = await self.session.zone()
        clock = self.session.clock
        if not arg.strip():
            self.output.time(clock.now(), zone)
            return
        try:
            until = timejump.target(arg, clock.now(), zone)
        except ValueError as error:
            self.output.note(str(error))
            return
        async for moment in self.session.pass_time(until):
            if self.feed.pending() or moment == until:
                self.output.time(moment, zone)
                self.feed.flush()

    async def _send(self, arg: str) -> None:
        try:
            name, data = read_upload(arg)
        except ValueError as refused:
            self.output.note(str(refused))
            return
        user = self.session.user
        if Path(name).suffix.lower() in PHOTO_SUFFIXES:
            await self._wait(user.send_photo(data))
        else:
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            await self._wait(user.send_document(data, filename=name, mime_type=mime))

    async def _location(self, arg: str) -> None:
        try:
            latitude, longitude = (float(part) for part in arg.replace(",", " ").split())
        except ValueError:
            self.output.note(LOCATION_USAGE)
            return
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            self.output.note(LOCATION_USAGE)
            return
        await self._wait(self.session.user.share_location(latitude, longitude))

    async def _wait(self, action: Awaitable[object]) -> None:
        """Do it, wait for the bot to answer and go quiet, show what it did."""
        try:
            await action
        except AssertionError as error:
            # The stand-in explains a missing answer (never fetched, handled silently...).
            self.feed.flush()
            reason = str(error).split("\n")[0]
            self.output.note(f"(No answer from the bot: {reason})")
        self.feed.flush()


def read_upload(arg: str) -> tuple[str, bytes]:
    """`/send`'s file: its name and bytes; ValueError saying why it cannot be sent."""
    given = arg.strip().strip("\"'")
    if not given:
        raise ValueError(SEND_USAGE)
    path = Path(given).expanduser()
    try:
        return path.name, path.read_bytes()
    except OSError as error:
        raise ValueError(f"Cannot read {path}: {error.strerror or error}. {SEND_USAGE}") from None
