"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("checkin_time", sa.Time(), nullable=False),
        sa.Column("morning_time", sa.Time(), nullable=False),
        sa.Column("onboarded", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    op.create_table(
        "dialogs",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("flow", sa.String(length=16), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("night", sa.Date(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("return_to_recap", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_dialogs_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_dialogs")),
    )
    op.create_table(
        "medicines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_medicines_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medicines")),
    )
    with op.batch_alter_table("medicines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_medicines_user_id"), ["user_id"], unique=False)

    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("night", sa.Date(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=True),
        sa.Column("onset", sa.String(length=16), nullable=True),
        sa.Column("urge", sa.String(length=16), nullable=True),
        sa.Column("locations", sa.JSON(), nullable=True),
        sa.Column("sensations", sa.JSON(), nullable=True),
        sa.Column("took_medicine", sa.Boolean(), nullable=True),
        sa.Column("medicine_id", sa.Integer(), nullable=True),
        sa.Column("medicine_time", sa.Time(), nullable=True),
        sa.Column("caffeine", sa.Boolean(), nullable=True),
        sa.Column("alcohol", sa.Boolean(), nullable=True),
        sa.Column("exercise", sa.Boolean(), nullable=True),
        sa.Column("nicotine", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("answered", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["medicine_id"],
            ["medicines.id"],
            name=op.f("fk_checkins_medicine_id_medicines"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_checkins_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("user_id", "night", name=op.f("uq_checkins_user_id")),
    )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkins_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkins_user_id"))

    op.drop_table("checkins")
    with op.batch_alter_table("medicines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_medicines_user_id"))

    op.drop_table("medicines")
    op.drop_table("dialogs")
    op.drop_table("users")
