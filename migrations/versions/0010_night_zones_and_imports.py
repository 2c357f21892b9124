"""night zones and imports: the zone each night was logged in; an import awaiting its yes

Every check-in and sleep diary gets the IANA zone it was logged in (`zone`); rows made
before are given their user's zone (UTC for a user who never chose one), the best that is
known of them. `pending_imports` holds the Telegram file id of an export a user sent back,
until they confirm or cancel it (no content of the file is stored).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENTRY_TABLES = ("checkins", "sleep_diaries")
users = sa.table("users", sa.column("id", sa.BigInteger()), sa.column("timezone", sa.String()))


def upgrade() -> None:
    for name in ENTRY_TABLES:
        op.add_column(name, sa.Column("zone", sa.String(length=64), nullable=True))
        entries = sa.table(name, sa.column("user_id", sa.BigInteger()), sa.column("zone"))
        users_zone = (
            sa.select(sa.func.coalesce(users.c.timezone, "UTC"))
            .where(users.c.id == entries.c.user_id)
            .scalar_subquery()
        )
        op.execute(entries.update().values(zone=sa.func.coalesce(users_zone, "UTC")))
        with op.batch_alter_table(name) as batch_op:
            batch_op.alter_column("zone", existing_type=sa.String(length=64), nullable=False)
    op.create_table(
        "pending_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("file_id", sa.String(length=256), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_pending_imports_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_imports")),
        sa.UniqueConstraint("user_id", name=op.f("uq_pending_imports_user_id")),
        sqlite_autoincrement=True,  # an id is never given twice: it is in the confirm button
    )


def downgrade() -> None:
    op.drop_table("pending_imports")
    for name in ENTRY_TABLES:
        with op.batch_alter_table(name) as batch_op:
            batch_op.drop_column("zone")
