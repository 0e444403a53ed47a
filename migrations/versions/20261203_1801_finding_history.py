"""The findings history (issue 12): each re-evaluation adds a row per rule whose outcome
(status, or the case's adviser) changed, so the supervisor's pass rates over time read
the state of every case at the end of each week or month. Seeded with the stored findings
as they stand (each at its evaluation time). A tenant table with forced Row Level Security
on PostgreSQL, deleted with its case.

Revision ID: 1801
Revises: 1800
Create Date: 2026-12-03 13:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1801"
down_revision: str | None = "1800"
branch_labels: str | Sequence[str] | None = ("finding_history",)
depends_on: str | Sequence[str] | None = None

NAME = "compliance_finding_history"


def upgrade() -> None:
    op.create_table(
        NAME,
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("rule_id", sa.String(length=16), nullable=False),
        sa.Column("adviser_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("evaluated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["centre_id"], ["centres.id"], name=f"fk_{NAME}_centre_id_centres"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=f"fk_{NAME}_case_id_cases", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{NAME}"),
    )
    op.create_index(f"ix_{NAME}_centre_time", NAME, ["centre_id", "evaluated_at"])
    # Run as the migrating (owner) role before RLS is forced: every centre's rows.
    op.execute(
        "INSERT INTO compliance_finding_history "
        "(centre_id, case_id, rule_id, adviser_id, status, evaluated_at) "
        "SELECT centre_id, case_id, rule_id, adviser_id, status, evaluated_at "
        "FROM compliance_findings ORDER BY evaluated_at, case_id, position"
    )
    enable_rls(op, NAME)


def downgrade() -> None:
    op.drop_index(f"ix_{NAME}_centre_time", table_name=NAME)
    op.drop_table(NAME)
