"""`python -m bot` as a separate process, the way a person (or systemd) runs it."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

BOT_PREFIXES = ("TELEGRAM_", "DATABASE_", "WEBHOOK_", "REMINDER_", "SEND_", "LOG_")


async def start_bot(*args: str, cwd: Path, env: dict[str, str]) -> asyncio.subprocess.Process:
    """`python -m bot ARGS` in `cwd`, with only `env` for the bot's own settings.

    The default database lives in the user's data folder: each process gets one of its
    own under `cwd`, so no test opens (or migrates) the machine user's real database."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(BOT_PREFIXES)}
    own_data = {"XDG_DATA_HOME": str(cwd / "user-data")}
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env={**clean, **own_data, **env},
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
