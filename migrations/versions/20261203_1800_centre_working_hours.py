"""The centre's working hours (issue 12): one row per centre, the windows per weekday as
JSON (``{"0": [["09:00:00", "17:00:00"]], ...}``) in the centre's time zone, versioned for
``If-Match``. No row means the default (Monday to Friday, 09:00 to 17:00, London time).
A tenant table with forced Row Level Security on PostgreSQL.

Revision ID: 1800
Revises: 1740
Create Date: 2026-12-03 13:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1800"
down_revision: str | None = "1740"
branch_labels: str | Sequence[str] | None = ("working_hours",)
depends_on: str | Sequence[str] | None = None

NAME = "centre_working_hours"


def upgrade() -> None:
    op.create_table(
        NAME,
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("weekly_hours", sa.JSON(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["centre_id"], ["centres.id"], name=f"fk_{NAME}_centre_id_centres"),
        sa.PrimaryKeyConstraint("centre_id", name=f"pk_{NAME}"),
    )
    enable_rls(op, NAME)


def downgrade() -> None:
    op.drop_table(NAME)
