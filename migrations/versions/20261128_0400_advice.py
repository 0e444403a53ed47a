"""Debt advice: creditors, debts, facts, SFS budgets, appraisals, offers, advice records,
letter templates, letters and per-centre reference data.

Every table has the same shape (see ``cma_adapters.sqlalchemy.advice``): id, centre_id,
case_id, kind, sort_key, created_at, version and the record as JSON ``data``. All are
tenant tables, so each gets forced Row Level Security on PostgreSQL.

Revision ID: 0400
Revises: 0001
Create Date: 2026-11-28 08:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0400"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("advice",)
depends_on: str | Sequence[str] | None = None

# name -> whether rows belong to a case (deleted with it).
TABLES: dict[str, bool] = {
    "advice_creditors": False,
    "advice_debts": True,
    "advice_facts": True,
    "advice_budgets": True,
    "advice_appraisals": True,
    "advice_offer_plans": True,
    "advice_records": True,
    "advice_letter_templates": False,
    "advice_letters": True,
    "advice_reference": False,
}


def upgrade() -> None:
    for name, case_scoped in TABLES.items():
        case_fk = (
            [
                sa.ForeignKeyConstraint(
                    ["case_id"], ["cases.id"], name=f"fk_{name}_case_id_cases", ondelete="CASCADE"
                )
            ]
            if case_scoped
            else []
        )
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
            *case_fk,
            sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        )
        op.create_index(f"ix_{name}_centre_case", name, ["centre_id", "case_id", "created_at"])
        enable_rls(op, name)


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_index(f"ix_{name}_centre_case", table_name=name)
        op.drop_table(name)
