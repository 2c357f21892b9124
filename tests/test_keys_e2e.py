"""The master key: a missing, malformed or wrong one stops `python -m bot` with one paragraph,
and a rotation while users write loses nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from bot.keys import KeyProblem, open_keyring, rotation
from bot.keys.master import new_key, parse, read_file, write_file
from bot.keys.messages import MALFORMED, MISSING, NEEDS_FILE, STORE_EMPTY, WRONG_KEY
from bot.keys.store import data_keys
from bot.settings import Settings
from models import Checkin
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins
from tests.harness import MASTER_KEY, TOKEN, BotHarness, keystore_for
from tests.processes import run_bot


def one_paragraph(err: str, paragraph: str) -> None:
    assert paragraph in err
    assert "Traceback" not in err


async def test_no_master_key_stops_the_bot_with_one_paragraph(tmp_path: Path) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/s.db"}
    for command in ((), ("migrate",)):
        code, _out, err = await run_bot(*command, cwd=tmp_path, env={**env, "MASTER_KEY": ""})
        assert code == 2
        assert err.strip() == MISSING
    code, _out, err = await run_bot(cwd=tmp_path, env={**env, "MASTER_KEY": "not-a-key"})
    assert code == 2
    assert err.strip() == MALFORMED.format(where="MASTER_KEY")


async def a_user_with_a_night(bot: BotHarness, standin: BotApiStandin) -> None:
    ana = standin.user(user_id=1001, first_name="Ana")
    await onboard(ana)
    await ana.command("/checkin")
    await ana.tap("5")
    await bot.stop()


async def test_a_wrong_master_key_stops_the_bot_and_makes_no_new_key(
    bot: BotHarness, standin: BotApiStandin, database_url: str, tmp_path: Path
) -> None:
    await a_user_with_a_night(bot, standin)
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": standin.url,
        "DATABASE_URL": database_url,
        "MASTER_KEY": new_key().text(),
    }
    code, _out, err = await run_bot(cwd=tmp_path, env=env)
    assert code == 2
    store = keystore_for(database_url).removeprefix("sqlite+aiosqlite:///")
    one_paragraph(err, WRONG_KEY.format(store=store))
    assert bot.keyring is not None and await bot.keyring.count() == 1, "no key made"


async def test_a_key_store_that_is_not_the_databases_stops_the_bot(
    bot: BotHarness, standin: BotApiStandin, database_url: str, tmp_path: Path
) -> None:
    await a_user_with_a_night(bot, standin)
    elsewhere = tmp_path / "new-keys.db"
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": standin.url,
        "DATABASE_URL": database_url,
        "KEYSTORE_URL": f"sqlite+aiosqlite:///{elsewhere}",
    }
    code, _out, err = await run_bot(cwd=tmp_path, env=env)
    assert code == 2
    one_paragraph(err, STORE_EMPTY.format(store=elsewhere))


async def test_rotating_the_master_key_while_users_write_loses_nothing(
    standin: BotApiStandin, database_url: str, clock: ManualClock, tmp_path: Path
) -> None:
    key_file = tmp_path / "master.key"
    old = new_key()
    write_file(key_file, [old])
    bot = BotHarness(standin.url, database_url, clock, master_key_file=key_file)
    await bot.start()
    users = [standin.user(user_id=2000 + n, first_name=f"U{n}") for n in range(6)]
    for user in users[:3]:  # three were here before; three start during the rotation
        await onboard(user)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        master_key_file=key_file,
        keystore_url=bot.settings.key_store,
    )
    keyring = await open_keyring(settings)

    async def night(user, severity: int) -> None:
        if user in users[3:]:
            await onboard(user)
        await user.command("/checkin")
        for label in (str(severity), "Only at bedtime", "Often", "Calves", "Done ➜"):
            await user.tap(label)

    try:
        await asyncio.gather(
            rotation.rotate(keyring, key_file, grace=0.5),
            *(night(user, n + 1) for n, user in enumerate(users)),
        )
        [new] = read_file(key_file)
        assert new != old and key_file.stat().st_mode & 0o777 == 0o600
        async with keyring.engine.connect() as connection:
            masters = set((await connection.execute(select(data_keys.c.master_id))).scalars())
        assert masters == {new.id}, "every data key is under the new master key"
    finally:
        await keyring.close()
        await bot.close()

    again = BotHarness(standin.url, database_url, clock, master_key_file=key_file)
    await again.start()  # a restart knows only the new key
    try:
        async with again.session() as session:
            nights = {c.user_id: c for c in await session.scalars(select(Checkin))}
        assert {u: (c.severity, c.onset) for u, c in nights.items()} == {
            2000 + n: (n + 1, "bedtime") for n in range(len(users))
        }
    finally:
        await again.close()
    with_old = BotHarness(standin.url, database_url, clock, master_key=old.text())
    with pytest.raises(KeyProblem):
        await with_old.start()
    await with_old.close()


async def test_rotate_key_from_the_command_line(
    bot: BotHarness, standin: BotApiStandin, database_url: str, tmp_path: Path
) -> None:
    await a_user_with_a_night(bot, standin)
    env = {"DATABASE_URL": database_url}
    code, _out, err = await run_bot("rotate-key", cwd=tmp_path, env=env)
    assert (code, err.strip()) == (2, NEEDS_FILE), "MASTER_KEY alone cannot be rotated live"
    key_file = tmp_path / "master.key"
    write_file(key_file, [parse(MASTER_KEY, "test")])
    env = {**env, "MASTER_KEY": "", "MASTER_KEY_FILE": str(key_file)}
    code, out, err = await run_bot("rotate-key", "--grace", "0", cwd=tmp_path, env=env)
    assert code == 0, err
    assert "Done: 1 data keys" in out
    [new] = read_file(key_file)
    assert new.text() != MASTER_KEY
    again = BotHarness(standin.url, database_url, bot.clock, master_key_file=key_file)
    await again.start()
    try:
        [checkin] = await stored_checkins(again, 1001)
        assert checkin.severity == 5
    finally:
        await again.close()
