"""The case list's total from counters: ``case_list_counts`` (issue 15).

A branch of its own ("case_list_counts") from the case list's count index (2040). Every
``GET /api/v1/cases`` page carries ``total``; it was a ``count(*)`` of the centre's rows,
which walks every one of them (~1 ms at 5,000 cases a centre, growing with the centre:
benchmarks/README.md, branch ``scale1m``). Now one row per (centre, status, adviser) holds
how many rows the case list has there, kept by the case list adapter in the transaction
that writes the rows and rebuilt from the rows by ``cma projections rebuild``; a list's
total sums the few rows its filters select (a client filter still counts its index). A
tenant table with forced Row Level Security on PostgreSQL, like the rows it counts.

Existing databases: filled from the rows here (one ``GROUP BY``).

Revision ID: 2050
Revises: 2040
Create Date: 2026-12-04 13:50:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "2050"
down_revision: str | None = "2040"
branch_labels: str | Sequence[str] | None = ("case_list_counts",)
depends_on: str | Sequence[str] | None = None

_NAME = "case_list_counts"


def upgrade() -> None:
    op.create_table(
        _NAME,
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("adviser_key", sa.String(32), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("centre_id", "status", "adviser_key", name="pk_case_list_counts"),
    )
    enable_rls(op, _NAME)
    rows = sa.table(
        "case_list_rows",
        sa.column("centre_id", sa.Uuid()),
        sa.column("status", sa.String()),
        sa.column("adviser_id", sa.Uuid()),
    )
    counts = sa.table(
        _NAME,
        sa.column("centre_id", sa.Uuid()),
        sa.column("status", sa.String()),
        sa.column("adviser_key", sa.String()),
        sa.column("n", sa.Integer()),
    )
    found = op.get_bind().execute(
        sa.select(rows.c.centre_id, rows.c.status, rows.c.adviser_id, sa.func.count()).group_by(
            rows.c.centre_id, rows.c.status, rows.c.adviser_id
        )
    )
    values = [
        {
            "centre_id": centre_id if isinstance(centre_id, uuid.UUID) else uuid.UUID(centre_id),
            "status": status,
            "adviser_key": _key(adviser_id),
            "n": n,
        }
        for centre_id, status, adviser_id, n in found
    ]
    if values:
        op.bulk_insert(counts, values)  # type: ignore[arg-type]


def _key(adviser_id: object) -> str:
    if adviser_id is None:
        return ""
    return adviser_id.hex if isinstance(adviser_id, uuid.UUID) else uuid.UUID(str(adviser_id)).hex


def downgrade() -> None:
    op.drop_table(_NAME)
