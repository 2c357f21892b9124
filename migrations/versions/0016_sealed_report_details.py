"""the doctor's report's appointment and name move from `users` to `report_details`, sealed

Both are typed by the user and are read only when a report is made, so they leave `users`
(whose columns stay clear: scheduling and routing read them). The schema half, as in 0014:
the values are copied as the bytes of their text and the table is listed in `sealing_todo`;
the bot seals them at its next start, or `python -m bot migrate` does (bot/data/sealing.py).
The two columns are dropped with a plain DROP COLUMN: a batch copy of `users` on SQLite would
cascade-delete every entry.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _as_bytes(column: str, sqlite: bool) -> str:
    return f"CAST({column} AS BLOB)" if sqlite else f"convert_to({column}::text, 'UTF8')"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "report_details",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("appointment", sa.LargeBinary(), nullable=True),
        sa.Column("name", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_report_details_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_report_details")),
    )
    op.execute(
        "INSERT INTO report_details (user_id, appointment, name) SELECT id,"
        f" {_as_bytes('appointment', sqlite)}, {_as_bytes('report_name', sqlite)} FROM users"
        " WHERE appointment IS NOT NULL OR report_name IS NOT NULL"
    )
    op.execute("INSERT INTO sealing_todo (table_name) VALUES ('report_details')")
    op.drop_column("users", "report_name")
    op.drop_column("users", "appointment")


def downgrade() -> None:
    """Back to clear columns on `users`, only while nothing in the table is sealed (as 0014)."""
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for column in ("appointment", "name"):
        sealed = bind.execute(
            sa.text(f"SELECT 1 FROM report_details WHERE substr({column}, 1, 1) = :mark LIMIT 1"),
            {"mark": b"\x01"},
        ).first()
        if sealed:
            raise RuntimeError(f"report_details.{column} holds sealed values: no downgrade")
    op.add_column("users", sa.Column("appointment", sa.Date(), nullable=True))
    op.add_column("users", sa.Column("report_name", sa.String(64), nullable=True))
    if sqlite:
        appointment, name = "CAST(appointment AS TEXT)", "CAST(name AS TEXT)"
    else:
        appointment = "convert_from(appointment, 'UTF8')::date"
        name = "convert_from(name, 'UTF8')"
    op.execute(
        f"UPDATE users SET appointment = (SELECT {appointment} FROM report_details"
        f" WHERE report_details.user_id = users.id), report_name = (SELECT {name}"
        " FROM report_details WHERE report_details.user_id = users.id)"
    )
    op.execute("DELETE FROM sealing_todo WHERE table_name = 'report_details'")
    op.drop_table("report_details")
