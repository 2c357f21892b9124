"""weekly feedback opt-in (off for existing users)

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: on SQLite a batch copy of `users` would drop the old table, and
    # ON DELETE CASCADE would take every check-in and diary with it.
    op.add_column(
        "users",
        sa.Column("weekly_feedback", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("users", "weekly_feedback")
