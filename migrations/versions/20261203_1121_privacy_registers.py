"""Privacy registers: data-subject requests (CR-23) and legal holds (retention).

A branch of its own from the walking skeleton. The record-table shape of 0400/0720: id,
centre_id, case_id, kind, sort_key, created_at, version and the record as JSON ``data``
(notes sealed by the adapter). Tenant tables with forced Row Level Security on
PostgreSQL. No foreign key to cases: a request names its client by id in ``kind`` and
outlives the client's erasure (it is the evidence of the answer); a hold names its case
in ``case_id`` and goes with the case when a released hold's case is deleted.

Revision ID: 1121
Revises: 0001
Create Date: 2026-12-03 06:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1121"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("privacy",)
depends_on: str | Sequence[str] | None = None

TABLES = ("privacy_requests", "privacy_legal_holds")


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
            sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        )
        op.create_index(f"ix_{name}_centre_case", name, ["centre_id", "case_id", "created_at"])
        enable_rls(op, name)


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_index(f"ix_{name}_centre_case", table_name=name)
        op.drop_table(name)
