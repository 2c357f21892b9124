"""`python -m bot demo --jsonl` driven as a program drives it: a separate process, one input
line at a time, each answer read up to the "ready" line before the next input is written.

The journeys tap by label (/tap) where the label is unlikely to change (Save, Skip, numbers)
and read only what they assert on, so a reworded question does not break them.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

START = "2026-11-24T20:00:00Z"  # 21:00 in Berlin: the 22:00 check-in reminder is still ahead
TIMEOUT = 60.0  # a line of output; generous for a loaded machine


class JsonDemo:
    """The demo in a subprocess; `await demo.play(line)` returns the events it caused."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.events: list[dict[str, Any]] = []  # everything so far, in order
        self.said: dict[str, Any] = {}  # the echo of the latest input
        self.shown: dict[str, Any] = {}  # the latest bot message, as it was last shown

    @classmethod
    async def start(cls, home: Path, work: Path, *args: str) -> JsonDemo:
        """Run with HOME and XDG_DATA_HOME under `home` and `work` as the working folder, and
        none of the real bot's settings."""
        _make_folder(work)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
        env |= {"HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot", "demo", "--jsonl", "--start", START, *args),
            cwd=work,
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        demo = cls(process)
        await demo.until_ready()
        return demo

    async def until_ready(self) -> list[dict[str, Any]]:
        assert self.process.stdout is not None
        events = []
        while True:
            line = await asyncio.wait_for(self.process.stdout.readline(), TIMEOUT)
            assert line, f"the demo ended early; events so far: {self.events[-5:]}"
            event = json.loads(line)  # every line is one JSON object
            assert isinstance(event, dict) and isinstance(event.get("event"), str), line
            self.events.append(event)
            if event["event"] in ("message", "edited"):
                self.shown = event
            if event["event"] == "ready":
                return events
            events.append(event)

    async def play(self, line: str) -> list[dict[str, Any]]:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        await self.process.stdin.drain()
        self.said, *events = await self.until_ready()
        assert self.said == {"event": "you", "text": line, "tap": self.said["tap"]}
        return events

    async def quit(self) -> str:
        """Leave with /quit; the last event and stderr (for failures)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(b"/quit\n")
        await self.process.stdin.drain()
        out, err = await asyncio.wait_for(self.process.communicate(), TIMEOUT)
        assert self.process.returncode == 0, err.decode()
        self.events += [json.loads(line) for line in out.splitlines()]
        return err.decode()


def _make_folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_bytes())


def messages(events: list[dict[str, Any]], kind: str = "message") -> list[dict[str, Any]]:
    return [e for e in events if e["event"] == kind]


def labels(event: dict[str, Any]) -> dict[str, int]:
    return {b["label"]: b["number"] for row in event["buttons"] for b in row}


async def onboard(demo: JsonDemo) -> None:
    """/start with the default times (check-in 22:00, morning 07:30), zone Berlin."""
    [welcome] = messages(await demo.play("/start"))
    assert welcome["buttons"] and welcome["id"] > 0
    for line in ("/tap ^yes", "Berlin", "/tap 22:00", "/tap 07:30", "/tap ^no", "/tap ^no"):
        events = await demo.play(line)
        assert messages(events) or messages(events, "edited"), (line, events)
    assert "22:00" in demo.shown["text"] and "07:30" in demo.shown["text"]


@pytest.fixture
async def demo(tmp_path: Path) -> Any:
    running = await JsonDemo.start(tmp_path / "home", tmp_path / "work")
    yield running
    if running.process.returncode is None:
        running.process.kill()
        await running.process.wait()


async def test_onboarding_and_a_check_in_tapped_by_label(demo: JsonDemo, tmp_path: Path) -> None:
    await onboard(demo)
    [first] = messages(await demo.play("/checkin"))
    assert "6" in labels(first) and "Skip" in labels(first)
    [answered] = messages(await demo.play("/tap 6"), "edited")
    assert demo.said["tap"] == {"number": 6, "label": "6"}
    assert answered["id"] == first["id"] and "6" not in labels(answered)  # the next question
    for _ in range(20):  # skip whatever questions there are, up to the recap
        if any(label.endswith("Save") for label in labels(demo.shown)):
            break
        [shown] = messages(await demo.play("/tap ^skip$"), "edited")
        assert shown["id"] == first["id"]  # the same message, edited in place
    else:
        pytest.fail(f"no recap with a Save button after 20 skips: {demo.shown}")
    [saved] = messages(await demo.play("/tap save"), "edited")
    assert saved["id"] == first["id"] and saved["buttons"] == []
    assert "6/10" in saved["text"]
    await demo.quit()
    share = tmp_path / "home" / "share" / "stillnight-demo"
    assert (share / "demo.db").exists(), "the demo's own database, not in the working folder"
    assert list((tmp_path / "work").iterdir()) == []


async def test_a_tap_by_label_refuses_what_is_missing_or_ambiguous(demo: JsonDemo) -> None:
    [welcome] = messages(await demo.play("/start"))
    buttons = [b["label"] for row in welcome["buttons"] for b in row]
    assert len(buttons) == 2
    for pattern, says in (("nothing like it", "No button matches"), (".", "matches 2 buttons")):
        events = await demo.play(f"/tap {pattern}")
        [note] = messages(events, "note")
        assert says in note["text"] and all(label in note["text"] for label in buttons)
        assert messages(events) == messages(events, "edited") == []  # nothing was tapped
        assert demo.said["tap"] is None
    [tapped] = messages(await demo.play("/tap ^yes"), "edited")
    assert tapped["id"] == welcome["id"] and demo.said["tap"]["label"] == buttons[0]


async def test_a_day_passes_with_the_evening_and_morning_reminders_in_order(
    demo: JsonDemo,
) -> None:
    await onboard(demo)
    events = await demo.play("/time +1d")
    shown = [(e["event"], e.get("local") or e["text"].split("\n")[0]) for e in events]
    times = [e for e in events if e["event"] == "time"]
    assert [t["at"] for t in times] == [
        "2026-11-24T21:00:00Z",  # 22:00 in Berlin: the check-in reminder
        "2026-11-25T06:30:00Z",  # 07:30: the morning sleep diary
        "2026-11-25T20:00:00Z",  # a day after the start
    ], shown
    assert times[0]["local"] == "Tue 24 Nov 2026, 22:00 Europe/Berlin"
    evening, morning = messages(events)
    assert events.index(times[0]) < events.index(evening) < events.index(times[1])
    assert events.index(times[1]) < events.index(morning) < events.index(times[2])
    assert "check-in" in evening["text"] and "morning" in morning["text"].lower(), shown


async def test_an_export_is_saved_and_can_be_sent_back(demo: JsonDemo, tmp_path: Path) -> None:
    await onboard(demo)
    assert messages(await demo.play("/export"))
    events = await demo.play("/tap json|everything")
    [file] = messages(events, "file")
    path = Path(file["path"])
    assert file["kind"] == "document" and path.name == file["name"] and path.suffix == ".json"
    assert path.is_relative_to(tmp_path / "home" / "share" / "stillnight-demo")
    assert _read_json(path), "the export holds the user's data"
    [carrier] = [m for m in messages(events) if m["id"] == file["message_id"]]
    assert carrier["kind"] == "document"
    events = await demo.play(f"/send {path}")
    replies = messages(events) + messages(events, "edited")
    assert replies, f"the bot answered the file: {events}"
    assert not any("No answer from the bot" in e["text"] for e in messages(events, "note"))
    events = await demo.play("/send no/such/file.json")
    [note] = messages(events, "note")
    assert "Cannot read" in note["text"] and messages(events) == []
