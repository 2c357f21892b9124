"""Health data at rest: nothing a user typed or tapped is readable in the database file or a
pg_dump, and a backup taken before /delete shows nothing of them once restored."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import LargeBinary, func, select, type_coerce
from sqlalchemy.engine import make_url

from bot.data.privacy import owner_column
from bot.data.sealing import sealed_tables
from models import Base, Checkin, Factor, Medicine, SleepDiary
from models.sealed import MARK, Sealed
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_user
from tests.harness import BotHarness
from tests.test_backup_restore_e2e import libpq_url, restore, run, sqlite_backup
from tests.test_deploy_files import needs
from tests.test_morning_e2e import berlin

ANA, BEN = 1001, 1002
# What Ana types, each unusual enough to be found only where she put it.
NOTE = "Quilted zebra dreams before midnight"
MEDICINE, AMOUNT, TAKEN_AT = "Zyloprexin", "0.35 mg", "21:17"
FACTOR = "Marmalade binge"
COMMENTS = "Walked the hallway humming sonatas"
BED = "23:47"
TYPED = [NOTE, MEDICINE, AMOUNT, TAKEN_AT, FACTOR, COMMENTS, BED]
# The codes of what she taps (stored as such, were they in clear).
TAPPED = ["afternoon", "constantly", "calves", "thighs", "itching", "cramping"]


async def a_night_of_everything(bot: BotHarness, user) -> None:
    """A factor of her own, a check-in with every answer and a sleep diary, all typed and
    tapped in the chat."""
    await onboard(user)
    await user.command("/settings")
    await user.tap("🏷 My factors")
    await user.tap("➕ Add a factor")
    await user.send(FACTOR)
    await user.command("/checkin")
    for label in ("6", "In the afternoon", "Almost constantly", "Calves", "Thighs", "Done ➜"):
        await user.tap(label)
    for label in ("Itching", "Cramping", "Done ➜"):
        await user.tap(label)
    await user.tap("➕ Add a medicine")
    await user.send(MEDICINE)
    await user.send(f"{TAKEN_AT} {AMOUNT}")
    await user.tap("Done: 1 medicine ➜")
    await user.tap("☕ Caffeine after noon")
    await user.tap(FACTOR)
    await user.tap("Done ➜")
    await user.send(NOTE)
    assert NOTE in user.last_text
    await user.tap("✅ Save")
    bot.clock.set(berlin(25, 7, 30))
    assert (await bot.dispatch()).sent == 1
    await user.tap("▶ Start")
    await user.send("11:47 pm")
    for answer in ("00:15", "20 min", "2"):
        await user.tap(answer)
    await user.send("40")
    await user.send("6:50")
    for answer in ("07:15", "Poor", "A lot", "1"):
        await user.tap(answer)
    await user.send(COMMENTS)
    await user.tap("✅ Save")
    assert "Sleep diary saved" in user.last_text


async def raw_text(database_url: str, tmp_path: Path) -> str:
    """Everything on disk (SQLite: the file, its WAL and shm), or all PostgreSQL dumps."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        path = Path(str(url.database))
        files = [path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")]
        data = b"".join(f.read_bytes() for f in files if f.exists())
        return data.decode("latin-1")
    dump = tmp_path / "dump.sql"
    await run(shutil.which("pg_dump") or "pg_dump", "-f", str(dump), libpq_url(database_url))
    return dump.read_text()


async def raw_sealed_values(bot: BotHarness) -> list[bytes]:
    """Every non-empty value of a sealed column, as stored."""
    found = []
    async with bot.session() as session:
        for table in sealed_tables():
            names = [c.name for c in table.c if isinstance(c.type, Sealed)]
            query = select(*(type_coerce(table.c[n], LargeBinary) for n in names))
            for row in await session.execute(query):
                found.extend(bytes(value) for value in row if value is not None)
    return found


@needs("pg_dump", how="PostgreSQL's client tools, postgresql-client")
async def test_nothing_ana_entered_is_readable_in_the_database_file_or_a_dump(
    bot: BotHarness, standin: BotApiStandin, database_url: str, tmp_path: Path
) -> None:
    ana = standin.user(user_id=ANA, first_name="Ana")
    await a_night_of_everything(bot, ana)
    async with bot.session() as session:  # it was all stored, and reads back through the keys
        [checkin] = await session.scalars(select(Checkin))
        [diary] = await session.scalars(select(SleepDiary))
        names = [m.name for m in await session.scalars(select(Medicine))]
        factors = [f.name for f in await session.scalars(select(Factor))]
    assert (checkin.severity, checkin.onset, checkin.note) == (6, "afternoon", NOTE)
    assert checkin.caffeine is True and checkin.own_factors == [FACTOR]
    assert checkin.doses == [{"id": checkin.doses[0]["id"], "time": TAKEN_AT, "amount": AMOUNT}]
    assert (diary.comments, diary.bed_time.strftime("%H:%M")) == (COMMENTS, BED)
    assert (names, factors) == ([MEDICINE], [FACTOR])

    await ana.command("/privacy")  # and she is told what is encrypted, and what is not
    assert "Encrypted:" in ana.last_text and "your medicine names and amounts" in ana.last_text
    assert "the appointment date and name you gave for your doctor's report" in ana.last_text
    assert "Not encrypted:" in ana.last_text and "there is no way back" in ana.last_text
    await bot.stop()  # everything written out (SQLite: also to the WAL file)
    text = (await raw_text(database_url, tmp_path)).lower()
    for value in TYPED + TAPPED:
        assert value.lower() not in text, f"{value!r} is readable in the database"
    assert "ropinirole" not in text  # and nothing was seeded in clear by the test itself
    values = await raw_sealed_values(bot)
    assert len(values) >= 25, "every answer, name and note is stored"
    assert all(value.startswith(MARK) for value in values), "each one sealed"


async def rows_of(bot: BotHarness, user_id: int) -> dict[str, int]:
    """The user's rows, by table (users.id or user_id: bot/data/privacy.py)."""
    counts = {}
    async with bot.session() as session:
        for table in Base.metadata.sorted_tables:
            owner = owner_column(table)
            if owner is not None:
                query = select(func.count()).select_from(table).where(owner == user_id)
                if count := await session.scalar(query):
                    counts[table.name] = count
    return counts


async def _backup(database_url: str, tmp_path: Path) -> Path:
    target = tmp_path / "backup.db"
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        sqlite_backup(Path(str(url.database)), target)
    else:
        await run(
            shutil.which("pg_dump") or "pg_dump", "-Fc", "-f", str(target), libpq_url(database_url)
        )
    return target


@needs("pg_dump", "pg_restore", how="PostgreSQL's client tools, postgresql-client")
async def test_a_backup_from_before_delete_shows_nothing_of_the_user_once_restored(
    bot: BotHarness,
    standin: BotApiStandin,
    database_url: str,
    tmp_path: Path,
    fresh_postgres: str,
) -> None:
    ana, ben = standin.user(user_id=ANA, first_name="Ana"), standin.user(user_id=BEN)
    await a_night_of_everything(bot, ana)
    await onboard(ben)
    await ben.command("/checkin")
    await ben.tap("3")
    backup = await _backup(database_url, tmp_path)
    await ana.command("/delete")
    await ana.tap("Yes, delete everything")
    await ana.tap("Delete for good")
    assert "your key is destroyed" in ana.last_text
    await bot.stop()

    restored_url = await restore(backup, database_url, tmp_path, fresh_postgres)
    restored = BotHarness(standin.url, restored_url, bot.clock, keystore_url=bot.settings.key_store)
    async with restored.session() as session:  # the backup still holds her rows...
        owners = await session.scalars(select(Checkin.user_id).order_by(Checkin.user_id))
        assert list(owners) == [ANA, BEN]
    await restored.start()  # ...until the bot starts on it: the deletion record removes them
    try:
        async with restored.session() as session:
            [checkin] = await session.scalars(select(Checkin))
        assert (checkin.user_id, checkin.severity) == (BEN, 3), "Ben's night is all there"
        assert await rows_of(restored, ANA) == {}, "nothing of Ana's is left"
        assert (await rows_of(restored, BEN))["checkins"] == 1
        assert await restored.keyring.count() == 1, "only Ben's data key is left"
        await restored.stop()
        for value in TYPED:
            assert value.lower() not in (await raw_text(restored_url, tmp_path)).lower()
        await restored.start()
        bot.clock.advance(minutes=5)
        await ana.command("/start")  # Ana comes back: she begins fresh, and it stays so
        await ana.tap("Yes, store my answers")
        await restored.restart()
        assert await stored_user(restored, ANA) is not None, "not purged: a user who came back"
    finally:
        await restored.close()
