"""`python -m bot` as a separate process, the way a person (or systemd) runs it."""

from __future__ import annotations

import asyncio
import os
import sys
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
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env={**clean, **own_data, **keys, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finish(process: asyncio.subprocess.Process) -> tuple[int, str, str]:
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    return process.returncode, out.decode(), err.decode()


async def run_bot(*args: str, cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    return await finish(await start_bot(*args, cwd=cwd, env=env))


async def kill_hard(process: asyncio.subprocess.Process) -> None:
    """kill -9: no shutdown code runs, as when the machine loses power."""
    if process.returncode is None:
        process.kill()
    await process.wait()
