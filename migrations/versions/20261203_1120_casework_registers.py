"""Casework registers: settlements (CR-19) and complaints (CR-24).

The same record-table shape as the advice tables (0400): id, centre_id, case_id, kind,
sort_key, created_at, version and the record as JSON ``data`` (sensitive parts sealed by
the adapter). Each is a tenant table with forced Row Level Security on PostgreSQL, and is
deleted with its case.

Revision ID: 1120
Revises: 0720
Create Date: 2026-12-03 06:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1120"
down_revision: str | None = "0720"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("casework_settlements", "casework_complaints")


def upgrade() -> None:
    for name in TABLES:
        op.create_table(
            name,
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("centre_id", sa.Uuid(), nullable=False),
            sa.Column("case_id", sa.Uuid(), nullable=True),
            sa.Column("kind", sa.String(length=64), nullable=True),
            sa.Column("sort_key", sa.String(length=200), nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("data", sa.JSON(), nullable=False),
            sa.ForeignKeyConstraint(
                ["centre_id"], ["centres.id"], name=f"fk_{name}_centre_id_centres"
            ),
            sa.ForeignKeyConstraint(
                ["case_id"], ["cases.id"], name=f"fk_{name}_case_id_cases", ondelete="CASCADE"
            ),
            sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        )
        op.create_index(f"ix_{name}_centre_case", name, ["centre_id", "case_id", "created_at"])
        enable_rls(op, name)


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_index(f"ix_{name}_centre_case", table_name=name)
        op.drop_table(name)
