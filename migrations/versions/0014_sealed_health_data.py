"""sealed health data: every answer, name and note becomes bytes, sealed per user

The schema half, in one transaction: each column that holds health data (models/sealed.py)
becomes a binary one holding, for now, the value's text as it was stored, and its table is
listed in `sealing_todo`. The data half needs the keys, which a migration does not have: the
bot seals those values in batches at its next start, or `python -m bot migrate` does
(bot/data/sealing.py), a batch per transaction, so that an interrupted run goes on where it
stopped. Until then the values are as readable as before this migration, no more.

SQLite cannot change a column's type in place: its tables are rebuilt (batch mode), and the
medicine events, which a rebuilt `medicines` would take with it (ON DELETE CASCADE, and
foreign keys cannot be turned off inside the transaction), are kept aside and put back.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BOOL, INT, TIME, JSON = sa.Boolean(), sa.Integer(), sa.Time(), sa.JSON()
COLUMNS: dict[str, dict[str, sa.types.TypeEngine]] = {
    "checkins": {
        "severity": INT,
        "onset": sa.String(length=16),
        "urge": sa.String(length=16),
        "locations": JSON,
        "sensations": JSON,
        "took_medicine": BOOL,
        "doses": JSON,
        "caffeine": BOOL,
        "alcohol": BOOL,
        "exercise": BOOL,
        "nicotine": BOOL,
        "own_factors": JSON,
        "note": sa.Text(),
    },
    "sleep_diaries": {
        "bed_time": TIME,
        "tried_time": TIME,
        "latency_min": INT,
        "awakenings": INT,
        "awake_min": INT,
        "wake_time": TIME,
        "out_time": TIME,
        "quality": INT,
        "legs": INT,
        "walks": INT,
        "comments": sa.Text(),
    },
    # medicine_events before medicines: see the module's docstring.
    "medicine_events": {"kind": sa.String(length=16), "note": sa.Text()},
    "medicines": {"name": sa.String(length=64)},
    "factors": {"name": sa.String(length=40)},
    "faq_memory": {"topic": sa.String(length=24)},
}


def _pg_type(old: sa.types.TypeEngine) -> str:
    return old.compile(dialect=op.get_bind().dialect)


Retypes = dict[str, tuple[sa.types.TypeEngine, sa.types.TypeEngine]]


def _sqlite_rebuild(table: str, types: Retypes) -> None:
    """Rebuild `table` with new column types, keeping a rebuilt medicines' events."""
    keep_events = table == "medicines"
    if keep_events:
        op.execute("CREATE TEMP TABLE kept_medicine_events AS SELECT * FROM medicine_events")
    with op.batch_alter_table(table) as batch_op:
        for column, (old, new) in types.items():
            batch_op.alter_column(column, existing_type=old, type_=new)
    if keep_events:
        op.execute(
            "INSERT INTO medicine_events SELECT * FROM kept_medicine_events"
            " WHERE id NOT IN (SELECT id FROM medicine_events)"
        )
        op.execute("DROP TABLE kept_medicine_events")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, columns in COLUMNS.items():
        if sqlite:
            _sqlite_rebuild(table, {c: (old, sa.LargeBinary()) for c, old in columns.items()})
            for column in columns:  # every value as the bytes of its text, as on PostgreSQL
                op.execute(f"UPDATE {table} SET {column} = CAST({column} AS BLOB)")
        else:
            for column, old in columns.items():
                op.alter_column(
                    table,
                    column,
                    existing_type=old,
                    type_=sa.LargeBinary(),
                    postgresql_using=f"convert_to({column}::text, 'UTF8')",
                )
    todo = op.create_table(
        "sealing_todo",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_sealing_todo")),
    )
    op.bulk_insert(todo, [{"table_name": table} for table in COLUMNS])


def downgrade() -> None:
    """Back to clear columns, only while nothing is sealed yet: sealed values would need
    the keys, and a downgrade must not write health data back in clear."""
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for table, columns in COLUMNS.items():
        for column in columns:
            sealed = bind.execute(
                sa.text(f"SELECT 1 FROM {table} WHERE substr({column}, 1, 1) = :mark LIMIT 1"),
                {"mark": b"\x01"},
            ).first()
            if sealed:
                raise RuntimeError(f"{table}.{column} holds sealed values: no downgrade past 0012")
    op.drop_table("sealing_todo")
    for table, columns in COLUMNS.items():
        if sqlite:
            for column in columns:  # text first: a column of numbers takes text, not bytes
                op.execute(f"UPDATE {table} SET {column} = CAST({column} AS TEXT)")
            _sqlite_rebuild(table, {c: (sa.LargeBinary(), old) for c, old in columns.items()})
            continue
        for column, old in columns.items():
            op.alter_column(
                table,
                column,
                existing_type=sa.LargeBinary(),
                type_=old,
                postgresql_using=f"convert_from({column}, 'UTF8')::{_pg_type(old)}",
            )
