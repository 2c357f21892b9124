"""real nights: several medicines a night, medicine events, own factors, diary comments

Each check-in's one medicine (medicine_id, medicine_time) becomes the first entry of its
`doses` list, with nothing lost; a medicine taken before gets a "started" event on the first
night it was taken. Downgrading keeps the first dose of each night (the old schema holds one).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

checkins = sa.table(
    "checkins",
    sa.column("id", sa.Integer()),
    sa.column("user_id", sa.BigInteger()),
    sa.column("night", sa.Date()),
    sa.column("medicine_id", sa.Integer()),
    sa.column("medicine_time", sa.Time()),
    sa.column("doses", sa.JSON()),
)
events = sa.table(
    "medicine_events",
    sa.column("user_id", sa.BigInteger()),
    sa.column("medicine_id", sa.Integer()),
    sa.column("day", sa.Date()),
    sa.column("kind", sa.String()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    op.create_table(
        "factors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("retired", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_factors_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_factors")),
    )
    op.create_index(op.f("ix_factors_user_id"), "factors", ["user_id"], unique=False)
    op.create_table(
        "medicine_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("medicine_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["medicine_id"],
            ["medicines.id"],
            name=op.f("fk_medicine_events_medicine_id_medicines"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_medicine_events_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medicine_events")),
    )
    op.create_index(
        op.f("ix_medicine_events_user_id"), "medicine_events", ["user_id"], unique=False
    )
    op.add_column("checkins", sa.Column("doses", sa.JSON(), nullable=True))
    op.add_column("checkins", sa.Column("own_factors", sa.JSON(), nullable=True))
    op.add_column("sleep_diaries", sa.Column("comments", sa.Text(), nullable=True))
    _doses_from_columns()
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.drop_constraint("fk_checkins_medicine_id_medicines", type_="foreignkey")
        batch_op.drop_column("medicine_time")
        batch_op.drop_column("medicine_id")


def _doses_from_columns() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            checkins.c.id,
            checkins.c.user_id,
            checkins.c.night,
            checkins.c.medicine_id,
            checkins.c.medicine_time,
        )
        .where(checkins.c.medicine_id.is_not(None))
        .order_by(checkins.c.night)
    ).all()
    first_night: dict[int, tuple[int, object]] = {}
    for row in rows:
        taken = row.medicine_time.strftime("%H:%M") if row.medicine_time is not None else None
        dose = {"id": row.medicine_id, "time": taken, "amount": None}
        bind.execute(checkins.update().where(checkins.c.id == row.id).values(doses=[dose]))
        first_night.setdefault(row.medicine_id, (row.user_id, row.night))
    now = datetime.now(UTC)
    if first_night:
        bind.execute(
            events.insert(),
            [
                {"user_id": user, "medicine_id": medicine, "day": night, "kind": "started",
                 "created_at": now}
                for medicine, (user, night) in first_night.items()
            ],
        )  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.add_column(sa.Column("medicine_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("medicine_time", sa.Time(), nullable=True))
        batch_op.create_foreign_key(
            "fk_checkins_medicine_id_medicines",
            "medicines",
            ["medicine_id"],
            ["id"],
            ondelete="SET NULL",
        )
    bind = op.get_bind()
    for row in bind.execute(
        sa.select(checkins.c.id, checkins.c.doses).where(checkins.c.doses.is_not(None))
    ).all():
        if not row.doses:
            continue
        first = row.doses[0]
        taken = datetime.strptime(first["time"], "%H:%M").time() if first.get("time") else None
        bind.execute(
            checkins.update()
            .where(checkins.c.id == row.id)
            .values(medicine_id=first["id"], medicine_time=taken)
        )
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.drop_column("own_factors")
        batch_op.drop_column("doses")
    op.drop_column("sleep_diaries", "comments")
    op.drop_index(op.f("ix_medicine_events_user_id"), table_name="medicine_events")
    op.drop_table("medicine_events")
    op.drop_index(op.f("ix_factors_user_id"), table_name="factors")
    op.drop_table("factors")
