"""consent: which version of the text, and when; /delete's first confirmation

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("delete_asked_at", sa.DateTime(timezone=True), nullable=True))
    # Everyone who answered before answered the first text, when their row was made.
    op.execute("UPDATE users SET consent_version = 1, consent_at = created_at")


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("delete_asked_at")
        batch_op.drop_column("consent_at")
        batch_op.drop_column("consent_version")
