"""the doctor's report: the user's last appointment and the name for the report's header

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs: a batch copy of `users` on SQLite would cascade-delete every entry.
    op.add_column("users", sa.Column("appointment", sa.Date(), nullable=True))
    op.add_column("users", sa.Column("report_name", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "report_name")
    op.drop_column("users", "appointment")
