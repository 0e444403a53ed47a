"""Centre profiles: the letterhead (name, address, phone, email, charity and FCA numbers,
logo) and the jurisdiction of each centre, one record per centre.

The same record-table shape as the advice tables (0400), with forced Row Level Security.

Revision ID: 0740
Revises: 0400
Create Date: 2026-12-03 03:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0740"
down_revision: str | None = "0400"
branch_labels: str | Sequence[str] | None = ("centre_profile",)
depends_on: str | Sequence[str] | None = None

NAME = "centre_profiles"


def upgrade() -> None:
    op.create_table(
        NAME,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=64), nullable=True),
        sa.Column("sort_key", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["centre_id"], ["centres.id"], name=f"fk_{NAME}_centre_id_centres"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{NAME}"),
    )
    op.create_index(f"ix_{NAME}_centre_case", NAME, ["centre_id", "case_id", "created_at"])
    enable_rls(op, NAME)


def downgrade() -> None:
    op.drop_index(f"ix_{NAME}_centre_case", table_name=NAME)
    op.drop_table(NAME)
