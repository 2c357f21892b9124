"""`python -m bot` as a separate process, the way a person (or systemd) runs it."""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.harness import MASTER_KEY, keystore_for

BOT_PREFIXES = (
    "TELEGRAM_",
    "DATABASE_",
    "WEBHOOK_",
    "REMINDER_",
    "SEND_",
    "LOG_",
    "MASTER_",
    "KEYSTORE_",
)


@dataclass
class _Output:
    """What a bot process wrote, read as it comes: a pipe nobody reads fills up (64 KiB),
    then the bot blocks on its next log line and asyncio stops reading, so a kill is never
    seen to end (Process.wait waits for the pipes' end too)."""

    out: bytearray = field(default_factory=bytearray)
    err: bytearray = field(default_factory=bytearray)
    readers: tuple[asyncio.Task[None], ...] = ()


_OUTPUTS: dict[int, _Output] = {}


async def _read_all(stream: asyncio.StreamReader | None, into: bytearray) -> None:
    while stream is not None and (chunk := await stream.read(65536)):
        into.extend(chunk)


async def start_bot(*args: str, cwd: Path, env: dict[str, str]) -> asyncio.subprocess.Process:
    """`python -m bot ARGS` in `cwd`, with only `env` for the bot's own settings, and the
    tests' master key unless `env` says otherwise (MASTER_KEY="" for none).

    The default database lives in the user's data folder: each process gets one of its
    own under `cwd`, so no test opens (or migrates) the machine user's real database."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(BOT_PREFIXES)}
    own_data = {"XDG_DATA_HOME": str(cwd / "user-data")}
    keys = {"MASTER_KEY": MASTER_KEY}
    if "DATABASE_URL" in env:
        keys["KEYSTORE_URL"] = keystore_for(env["DATABASE_URL"])
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env={**clean, **own_data, **keys, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    output = _Output()
    output.readers = (
        asyncio.create_task(_read_all(process.stdout, output.out)),
        asyncio.create_task(_read_all(process.stderr, output.err)),
    )
    _OUTPUTS[process.pid] = output
    return process


async def _ended(process: asyncio.subprocess.Process) -> _Output:
    """Its output to the end (read by now if it already ended), once it has exited."""
    output = _OUTPUTS.pop(process.pid, None) or _Output()
    await asyncio.gather(*output.readers)
    await process.wait()
    return output


async def finish(process: asyncio.subprocess.Process) -> tuple[int, str, str]:
    output = await asyncio.wait_for(_ended(process), timeout=60)
    assert process.returncode is not None
    return process.returncode, output.out.decode(), output.err.decode()


async def run_bot(*args: str, cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    return await finish(await start_bot(*args, cwd=cwd, env=env))


async def kill_hard(process: asyncio.subprocess.Process) -> None:
    """kill -9: no shutdown code runs, as when the machine loses power."""
    if process.returncode is None:
        process.kill()
    await _ended(process)
