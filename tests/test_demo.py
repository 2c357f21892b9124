"""`python -m bot demo`: a scripted session gives the expected transcript, stays on this
computer (loopback only) and never touches the real database. tests/test_demo_jsonl.py
drives it as a program does, through --jsonl.

When a bot text or a question changes on purpose, regenerate the expected transcript with
    python -m bot demo --db "$(mktemp -d)/demo.db" --start 2026-11-24T21:00:00Z \
        --script docs/demo-session.txt > tests/data/demo_transcript.txt
and review the diff (then update the README excerpt if it changed). The session taps by
label (/tap), so a question added or a button moved usually needs no change to it."""

from __future__ import annotations

import asyncio
import io
import os
import re
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from telegram import Bot, InputFile

from bot.clock import ManualClock
from stillnight_dev.demo import render, taps
from stillnight_dev.demo.feed import Feed
from stillnight_dev.demo.screen import Screen
from stillnight_dev.demo.script import play_script
from stillnight_dev.demo.session import DEMO_TOKEN, DEMO_USER_ID, DemoOptions
from stillnight_dev.demo.text_view import TextOutput
from stillnight_dev.demo.timejump import target
from stillnight_dev.demo.view import Tapped
from stillnight_dev.standin import BotApiStandin

ROOT = Path(__file__).resolve().parent.parent
SESSION = ROOT / "docs" / "demo-session.txt"
EXPECTED = Path(__file__).parent / "data" / "demo_transcript.txt"
START = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


async def play(lines: list[str], tmp_path: Path, *, fresh: bool = False) -> str:
    out = io.StringIO()
    options = DemoOptions(tmp_path / "demo.db", tmp_path / "files", START, fresh)
    await play_script(
        lines, TextOutput(Screen(out, ansi=False, redraw=False), echoed=False), options
    )
    return out.getvalue()


async def test_the_scripted_session_gives_the_expected_transcript(tmp_path: Path) -> None:
    transcript = await play(SESSION.read_text(encoding="utf-8").splitlines(), tmp_path)
    assert transcript == EXPECTED.read_text(encoding="utf-8")


def test_the_readme_shows_a_real_excerpt() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Try it without a token", 1)[1].split("\n## ", 1)[0]
    block = [line[4:] for line in section.split("\n") if line.startswith("    ") or not line]
    excerpt = "\n".join(block).strip("\n")
    expected = EXPECTED.read_text(encoding="utf-8")
    parts = [part.strip("\n") for part in re.split(r"^\[\.\.\..*\]$", excerpt, flags=re.M)]
    assert len(parts) > 1 and all(part in expected for part in parts)


async def test_the_demo_database_persists_until_fresh(tmp_path: Path) -> None:
    await play(["/start", "1"], tmp_path)
    again = await play(["/start"], tmp_path)
    assert "Welcome back! Let's finish setting up." in again
    fresh = await play(["/start"], tmp_path, fresh=True)
    assert "Welcome back" not in fresh and "Is that OK?" in " ".join(fresh.split())


async def test_time_jumps_and_demo_commands(tmp_path: Path) -> None:
    lines = ["/start", "1", "Berlin", "/time +2h", "/time 07:30", "/time next-month"]
    lines += ["/time soon", "/location north", "/quit", "never sent"]
    transcript = await play(lines, tmp_path)
    assert "[demo time] Wed 25 Nov 2026, 00:00 Europe/Berlin" in transcript
    assert "[demo time] Wed 25 Nov 2026, 07:30 Europe/Berlin" in transcript
    assert "[demo time] Tue 01 Dec 2026, 09:00 Europe/Berlin" in transcript
    assert "Use /time +2h" in transcript and "Use /location LAT LON" in transcript
    assert "never sent" not in transcript


async def test_a_shared_location_sets_the_time_zone(tmp_path: Path) -> None:
    transcript = await play(["/start", "1", "/location 52.52 13.40"], tmp_path)
    assert "Time zone: Europe/Berlin" in transcript or "(Europe/Berlin)" in transcript


async def test_the_demo_connects_to_nothing_but_loopback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every way aiohttp, httpx (through anyio) and asyncio open a connection ends in
    socket.connect / connect_ex, after a getaddrinfo for names; record all of them."""
    hosts: list[Any] = []
    connects: list[Any] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo
    real_create_connection = asyncio.BaseEventLoop.create_connection

    def connect(sock: socket.socket, address: Any) -> None:
        connects.append(address)
        return real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        connects.append(address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        hosts.append(host.decode() if isinstance(host, bytes) else host)
        return real_getaddrinfo(host, *args, **kwargs)

    async def create_connection(loop: Any, *args: Any, **kwargs: Any) -> Any:
        hosts.append(kwargs.get("host", args[1] if len(args) > 1 else None))
        return await real_create_connection(loop, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(asyncio.BaseEventLoop, "create_connection", create_connection)
    await play(["/start", "1", "Berlin", "does coffee make it worse", "/quit"], tmp_path)
    addresses = [a[0] for a in connects if isinstance(a, tuple)]
    assert "127.0.0.1" in addresses, "the recording missed the bot's own connections"
    assert set(addresses) <= LOOPBACK, addresses
    assert {h for h in hosts if h is not None} <= LOOPBACK, hosts


async def demo_process(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> asyncio.subprocess.Process:
    """`python -m bot demo ARGS` with stdin a pipe, as a program (or `echo ... |`) runs it;
    HOME and XDG_DATA_HOME point under `cwd`, so the default database is the test's own."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    home = {"HOME": str(cwd / "home"), "XDG_DATA_HOME": str(cwd / "home" / "share")}
    return await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bot", "demo", "--start", "2026-11-24T21:00:00Z", *args),
        cwd=cwd,
        env={**clean, **home, **(env or {})},
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_the_demo_ignores_the_real_settings(tmp_path: Path) -> None:
    """Run as a person would, in a folder with a .env and DATABASE_URL set: the demo uses
    its own database in the user's data folder and nothing else (and no token); --db
    chooses another."""
    env_db, exported_db = tmp_path / "from-env-file.db", tmp_path / "exported.db"
    (tmp_path / ".env").write_text(
        f"DATABASE_URL=sqlite+aiosqlite:///{env_db}\nTELEGRAM_BOT_TOKEN=1:from-the-env-file\n"
    )
    env = {
        "DATABASE_URL": f"sqlite+aiosqlite:///{exported_db}",
        "TELEGRAM_BASE_URL": "http://192.0.2.1:9",  # TEST-NET: would hang if ever used
    }
    process = await demo_process(cwd=tmp_path, env=env)
    out, err = await asyncio.wait_for(process.communicate(b"/start\n1\n"), timeout=60)
    assert process.returncode == 0, err.decode()
    assert "✓ Thank you!" in out.decode()
    assert (tmp_path / "home" / "share" / "stillnight-demo" / "demo.db").exists()
    assert not (tmp_path / "data").exists()
    assert not env_db.exists() and not exported_db.exists()
    chosen = tmp_path / "elsewhere" / "mine.db"
    process = await demo_process("--db", str(chosen), cwd=tmp_path, env=env)
    out, err = await asyncio.wait_for(process.communicate(b"/start\n"), timeout=60)
    assert process.returncode == 0, err.decode()
    assert "Yes, store my answers" in out.decode() and "Welcome back" not in out.decode()
    assert chosen.exists() and not (tmp_path / "data").exists()


async def test_piped_input_is_played_line_by_line(tmp_path: Path) -> None:
    """A program writes a line and reads the answer before it writes the next: each line
    is played as it comes, not after the end of input."""
    process = await demo_process(cwd=tmp_path)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"/start\n")
    await process.stdin.drain()
    seen = b""
    while b"No, thanks" not in seen:  # the consent question's last button
        seen += await asyncio.wait_for(process.stdout.readline(), timeout=60)
    assert b"\033[" not in seen  # plain text, no redraws
    process.stdin.write(b"1\n/quit\n")
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, err.decode()
    assert "you> [1] Yes, store my answers" in out.decode() and "Bye." in out.decode()


async def test_photos_and_documents_are_saved_and_their_path_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with BotApiStandin(valid_token=DEMO_TOKEN, track_handling=False) as standin:
        user = standin.user(DEMO_USER_ID, "Alex", started=True)
        out = io.StringIO()
        output = TextOutput(Screen(out, ansi=False, redraw=False), echoed=False)
        feed = Feed(standin, user, output, Path("files"))
        async with Bot(DEMO_TOKEN, base_url=f"{standin.url}/bot") as bot:
            await bot.send_photo(
                DEMO_USER_ID, b"fake-png", caption="<b>Your month</b>", parse_mode="HTML"
            )
            document = InputFile(b"%PDF-1.4 fake", filename="summary.pdf")
            await bot.send_document(DEMO_USER_ID, document)
        feed.flush()
    transcript = out.getvalue()
    [photo] = (tmp_path / "files").glob("0001-*")
    assert photo.read_bytes() == b"fake-png"
    assert f"[photo] files/{photo.name}\n  Your month" in transcript
    assert (tmp_path / "files" / "0002-summary.pdf").read_bytes() == b"%PDF-1.4 fake"
    assert "[document] files/0002-summary.pdf" in transcript


def test_time_targets() -> None:
    now = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)  # 22:00 in Berlin
    berlin = ZoneInfo("Europe/Berlin")
    assert target("+2h", now, berlin) == datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    assert target("+1d30m", now, UTC) == datetime(2026, 11, 25, 21, 30, tzinfo=UTC)
    assert target("07:30", now, berlin) == datetime(2026, 11, 25, 6, 30, tzinfo=UTC)
    assert target("23:00", now, berlin) == datetime(2026, 11, 24, 22, 0, tzinfo=UTC)
    assert target("next-month", now, berlin) == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    for wrong in ("-2h", "soon", "+2x"):
        with pytest.raises(ValueError):
            target(wrong, now, berlin)


def test_manual_clock() -> None:
    clock = ManualClock(START)
    clock.advance(hours=2)
    assert clock.now() == datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    clock.set(datetime.fromisoformat("2026-12-01T07:00:00+01:00"))
    assert clock.now() == datetime(2026, 12, 1, 6, 0, tzinfo=UTC) and clock.now().tzinfo is UTC
    with pytest.raises(ValueError):
        clock.set(datetime(2026, 12, 1))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_edit_redraws_in_place_only_when_it_is_the_last_thing_on_screen() -> None:
    out = _Terminal()
    screen = Screen(out, ansi=True, redraw=True)
    screen.message(1, ["Stillnight:", "  Question 1", "  [1] Yes"])
    screen.prompt_lead()
    screen.said("1", shown="[1] Yes", echoed=True, tap=True)
    out.seek(0), out.truncate()
    screen.edited(1, ["Stillnight:", "  Question 2"], ["Stillnight (updated):", "  Question 2"])
    assert out.getvalue().startswith("\033[")  # cursor up over message and tap, then redraw
    assert "(updated)" not in out.getvalue()
    screen.prompt_lead()
    screen.said("hello", echoed=True, tap=False)  # a typed message stays on screen
    out.seek(0), out.truncate()
    screen.edited(1, ["Stillnight:", "  Question 3"], ["Stillnight (updated):", "  Question 3"])
    assert "(updated)" in out.getvalue() and "\033[" not in out.getvalue()


def test_a_tap_by_label_prefers_the_label_it_matches_whole() -> None:
    scale = render.numbered([["0", "1", "2", "10"], ["Skip", "« Back"]])
    assert taps.by_label(scale, "1") == Tapped(1, "1")  # not "10"
    assert taps.by_label(scale, "SKIP") == Tapped(3, "Skip")  # case-insensitive
    assert taps.by_label(scale, "back") == Tapped(4, "« Back")  # a part of the label
    with pytest.raises(taps.NoTap, match="matches 2 buttons: \\[1\\] 1, \\[10\\] 10"):
        taps.by_label(scale, "1.*")
    with pytest.raises(taps.NoTap, match="not a regular expression"):
        taps.by_label(scale, "(")
    with pytest.raises(taps.NoTap, match="No message has buttons"):
        taps.by_label([], "save")


async def test_the_demo_speaks_the_language_asked_for(tmp_path: Path) -> None:
    out = io.StringIO()
    options = DemoOptions(tmp_path / "demo.db", tmp_path / "files", START, language="de")
    output = TextOutput(Screen(out, ansi=False, redraw=False), echoed=False)
    await play_script(["/start", "1", "Berlin"], output, options)
    transcript = " ".join(out.getvalue().split())
    assert "Ja, Antworten speichern" in transcript and "✓ Danke!" in transcript
    assert "Zeitzone: Berlin (Europe/Berlin)" in transcript
