"""The simulated users of ``python -m bench load``: real check-ins, timed at the stand-in.

Each user injects an update, then waits for the bot's reply to it: the ``sendMessage`` that
answers /checkin, or the ``answerCallbackQuery`` that ends a tap (Stillnight edits the
message first, then answers; the echo bot does the same). The reply's time is stamped by
the stand-in the moment the bot's request reaches it (:class:`TimedStandin`, through the
stand-in's ``on_record`` hook), so neither the stand-in's quiet period nor the waking of the
waiting user is counted.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from stillnight_dev.standin import BotApiStandin, Sent, UserChat

COMMAND, TAP = "command", "tap"
REPLY_TO = {COMMAND: "sendMessage", TAP: "answerCallbackQuery"}
SAVE = "✅ Save"
#: After the severity (1-10, random): the other seven questions and Save, as a person taps
#: them (tests/test_checkin_e2e.py). With /checkin, 12 updates per check-in. (A 0 is a quiet
#: night, which skips those questions: the script would tap buttons that are not there.)
AFTER_SEVERITY = (
    "In the evening (after 6 pm)",
    "Often",
    "Calves",
    "Done ➜",
    "Tingling, fizzy",
    "Done ➜",
    "None today",
    "Done ➜",
    "Skip",
    SAVE,
)
#: Every label a check-in taps: the echo bot shows them all, so the same users can drive it.
LABELS = tuple(str(n) for n in range(11)) + tuple(dict.fromkeys(AFTER_SEVERITY))


def checkin_script(rng: random.Random) -> list[tuple[str, str]]:
    return [
        (COMMAND, "/checkin"),
        (TAP, str(rng.randint(1, 10))),
        *((TAP, label) for label in AFTER_SEVERITY),
    ]


class TimedStandin(BotApiStandin):
    """The Bot API stand-in, stamping when an awaited reply reaches it.

    ``expect(chat, method)`` returns a future that gets ``time.perf_counter()`` of the
    chat's next successful ``method`` call: the stand-in passes every visible action and
    callback answer to its ``on_record`` observers as it records it, :meth:`stamp` among them.
    """

    def __init__(self, token: str) -> None:
        super().__init__(valid_token=token, track_handling=False)
        # What is measured is the bots' own work: Telegram's 30 messages a second would cap
        # the echo bot (a message for every update) and make every mode's ratio meaningless.
        self.limits.overall_per_second = None
        self.awaited: dict[int, tuple[str, asyncio.Future[float]]] = {}
        self.on_record.append(self.stamp)

    def expect(self, chat_id: int, method: str) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.awaited[chat_id] = (method, future)
        return future

    def forget(self, chat_id: int) -> None:
        self.awaited.pop(chat_id, None)

    def stamp(self, sent: Sent) -> None:
        stamp = time.perf_counter()
        waiter = self.awaited.get(sent.chat_id)
        if waiter is not None and waiter[0] == sent.method:
            del self.awaited[sent.chat_id]
            if not waiter[1].done():
                waiter[1].set_result(stamp)


@dataclass
class Recorder:
    """(injected, replied) per update, from perf_counter; failures by reason."""

    check_saved: bool = True
    samples: list[tuple[float, float]] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    checkins: int = 0

    def error(self, reason: str) -> None:
        self.errors[reason] = self.errors.get(reason, 0) + 1


class SimUser:
    """One concurrent user: check-in after check-in, each as a fresh, onboarded user."""

    def __init__(
        self,
        standin: TimedStandin,
        ids: Iterator[int],
        rng: random.Random,
        timeout: float,
    ) -> None:
        self.standin = standin
        self.ids = ids
        self.rng = rng
        self.timeout = timeout
        self.chat: UserChat | None = None
        self.script: list[tuple[str, str]] = []
        self.position = 0

    async def run(self, until: float, think: tuple[float, float] | None, out: Recorder) -> None:
        """Act until `until` (perf_counter); with `think`, pause a random time before each."""
        while True:
            if think is not None:
                await asyncio.sleep(self.rng.uniform(*think))
            if time.perf_counter() >= until:
                return
            await self.step(out)

    async def step(self, out: Recorder) -> None:
        if self.chat is None or self.position >= len(self.script):
            uid = next(self.ids)
            self.chat = self.standin.user(uid, f"User{uid}")
            self.script, self.position = checkin_script(self.rng), 0
        chat = self.chat
        kind, label = self.script[self.position]
        replied = self.standin.expect(chat.id, REPLY_TO[kind])
        injected = time.perf_counter()
        try:
            if kind == COMMAND:
                await chat.command(label, wait=False)
            else:
                await chat.tap(label, wait=False)
            stamp = await asyncio.wait_for(replied, self.timeout)
        except AssertionError:  # the button to tap is not there: the bot showed something else
            out.error(f"no button {label!r}")
            self._abandon()
            return
        except TimeoutError:
            out.error(f"no reply within {self.timeout:.0f} s")
            self._abandon()
            return
        out.samples.append((injected, stamp))
        self.position += 1
        if kind == TAP and (toast := chat.last_toast):
            out.error(f"toast {toast[:40]!r}")
            self._abandon()
        elif label == SAVE and out.check_saved:
            if "saved" in chat.last_text.lower():
                out.checkins += 1
            else:
                out.error("not saved")

    def _abandon(self) -> None:
        if self.chat is not None:
            self.standin.forget(self.chat.id)
        self.chat = None


REPORT_TAPS = ("📄 Report for my doctor (PDF)", "Everything", "No, leave them out", "No name")


@dataclass
class ReportUser:
    """A user with a year of nights who asks for the doctor's report again and again: /export,
    the PDF, "Everything", no notes, then waits for the document. Times each report."""

    standin: TimedStandin
    user_id: int
    seconds: list[float] = field(default_factory=list)
    failures: int = 0

    async def run(self, wait_s: float) -> None:
        chat = self.standin.user(self.user_id, f"Reporter{self.user_id}")
        while True:
            started = time.perf_counter()
            try:
                await chat.command("/export")
                for label in REPORT_TAPS[:-1]:
                    await chat.tap(label)
                sent = self.standin.expect(chat.id, "sendDocument")
                await chat.tap(REPORT_TAPS[-1], wait=False)
                await asyncio.wait_for(sent, wait_s)
            except (AssertionError, TimeoutError):
                self.failures += 1
                self.standin.forget(chat.id)
                await asyncio.sleep(1)
                continue
            self.seconds.append(time.perf_counter() - started)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of unsorted values; nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


async def run_phase(
    users: list[SimUser], seconds: float, think: tuple[float, float] | None, check: bool
) -> tuple[Recorder, float, float]:
    """All users at once for `seconds`; in-flight updates finish. Returns (recorder,
    start, end of the window). `check`: count a Save that did not say "saved" as an error."""
    out = Recorder(check)
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(*(user.run(until, think, out) for user in users))
    return out, start, until


def summarize(out: Recorder, start: float, until: float) -> dict[str, Any]:
    """Replies per second inside the window; latency of the updates injected inside it."""
    seconds = until - start
    done = sum(1 for _injected, replied in out.samples if start <= replied <= until)
    latencies = [(r - i) * 1000 for i, r in out.samples if start <= i <= until]
    return {
        "updates_per_s": round(done / seconds, 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "max_ms": round(max(latencies, default=float("nan")), 1),
        "replies": len(latencies),
        "checkins_saved": out.checkins,
        "errors": dict(out.errors),
    }
