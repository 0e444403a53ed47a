"""The Breathing Space register of a case (CR-15, CR-16, CR-17).

The record-table shape of the casework registers (1120): id, centre_id, case_id, kind,
sort_key (the date applied), created_at, version and the record as JSON ``data`` (the
note and creditors' review requests sealed by the adapter). A tenant table with forced
Row Level Security on PostgreSQL, deleted with its case.

Revision ID: 1760
Revises: 1120
Create Date: 2026-12-03 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1760"
down_revision: str | None = "1120"
branch_labels: str | Sequence[str] | None = ("breathing_space",)
depends_on: str | Sequence[str] | None = None

NAME = "casework_breathing_spaces"


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
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=f"fk_{NAME}_case_id_cases", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{NAME}"),
    )
    op.create_index(f"ix_{NAME}_centre_case", NAME, ["centre_id", "case_id", "created_at"])
    enable_rls(op, NAME)


def downgrade() -> None:
    op.drop_index(f"ix_{NAME}_centre_case", table_name=NAME)
    op.drop_table(NAME)
