"""Per-centre compliance policy and closure days.

``compliance_policies`` holds the values a centre sets (written-advice deadline, file-review
quota, retention, complaint limits) over the defaults; ``centre_closures`` the days a centre
is closed, which its working calendar skips. Both have centre_id and get forced Row Level
Security on PostgreSQL.

Revision ID: 0501
Revises: 0500
Create Date: 2026-11-28 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0501"
down_revision: str | None = "0500"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)

TABLES = ("compliance_policies", "centre_closures")


def upgrade() -> None:
    op.create_table(
        "compliance_policies",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("centre_id", name="pk_compliance_policies"),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name="fk_compliance_policies_centre_id_centres"
        ),
    )
    op.create_table(
        "centre_closures",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("centre_id", "day", name="pk_centre_closures"),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name="fk_centre_closures_centre_id_centres"
        ),
    )
    for table in TABLES:
        enable_rls(op, table)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
