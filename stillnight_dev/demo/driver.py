"""One input line of the demo, interactive or scripted, played against the running bot.

A number taps that button of the latest message with buttons (numbers as shown by
`render.button_lines`); `/time ...`, `/location LAT LON` and `/quit` are the demo's own;
anything else is sent as text, exactly as a Telegram client would.
"""

from __future__ import annotations

from collections.abc import Awaitable

from stillnight_dev.demo import render, timejump
from stillnight_dev.demo.feed import Feed
from stillnight_dev.demo.screen import Screen
from stillnight_dev.demo.session import DEMO_USER_ID, DEMO_USER_NAME, DemoSession
from stillnight_dev.standin import Button

LOCATION_USAGE = "Use /location LAT LON, e.g. /location 52.52 13.40 (Berlin)."


class Demo:
    def __init__(self, session: DemoSession, screen: Screen, *, echoed: bool) -> None:
        self.session = session
        self.screen = screen
        self.echoed = echoed  # the terminal already shows what the user typed
        self.feed = Feed(session.standin, session.user, screen, session.options.files)

    async def intro(self, *extra: str) -> None:
        zone = await self.session.zone()
        now = timejump.describe(self.session.clock.now(), zone)
        lines = [
            "Stillnight demo: the real bot, talking to a stand-in for Telegram on this computer.",
            f"You are {DEMO_USER_NAME} (user {DEMO_USER_ID}). Demo time: {now}.",
            "Type to chat; a number taps that button of the latest message with buttons.",
            "/time +2h, +30m, +1d, 07:30 or next-month moves the demo clock;",
            "/location LAT LON shares a place; /quit leaves.",
            *extra,
        ]
        self.screen.note("\n".join(lines))

    async def handle(self, line: str) -> bool:
        """Play one input; False when the user wants to leave."""
        text = line.strip()
        if not text:
            return True
        command, _, rest = text.partition(" ")
        command = command.lower()
        button = self._button(text)
        labelled = button is not None and render.label_number(button.text) is None
        shown = f"[{text}] {button.text}" if button is not None and labelled else None
        self.screen.said(text, shown=shown, echoed=self.echoed, tap=button is not None)
        if command == "/quit":
            return False
        if command == "/time":
            await self._time(rest)
        elif command == "/location":
            await self._location(rest)
        elif button is not None:
            await self._tap(button)
        else:
            await self._wait(self.session.user.send(text))
        return True

    def _button(self, text: str) -> Button | None:
        """The button a typed number taps, if it is one."""
        if not text.isdigit():
            return None
        for msg in reversed(self.session.user.messages):
            if msg.buttons:
                numbers = render.button_numbers(msg.button_texts)
                for row, row_numbers in zip(msg.buttons, numbers, strict=True):
                    for button, number in zip(row, row_numbers, strict=True):
                        if number == int(text):
                            return button
                return None
        return None

    async def _tap(self, button: Button) -> None:
        if button.callback_data is None:
            where = f" opens {button.url}" if button.url else f" is a {button.kind} button"
            self.screen.note(f"(That button{where}; the demo can only tap callback buttons.)")
            return
        await self._wait(self.session.user.tap(button.text))

    async def _time(self, arg: str) -> None:
        zone = await self.session.zone()
        clock = self.session.clock
        if arg.strip():
            try:
                instant = timejump.target(arg, clock.now(), zone)
            except ValueError as error:
                self.screen.note(str(error))
                return
            self.screen.note(f"[demo time] {timejump.describe(instant, zone)}")
            await self.session.move_clock(instant)
            self.feed.flush()
        else:
            self.screen.note(f"[demo time] {timejump.describe(clock.now(), zone)}")

    async def _location(self, arg: str) -> None:
        try:
            latitude, longitude = (float(part) for part in arg.replace(",", " ").split())
        except ValueError:
            self.screen.note(LOCATION_USAGE)
            return
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            self.screen.note(LOCATION_USAGE)
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
            self.screen.note(f"(No answer from the bot: {reason})")
        self.feed.flush()
