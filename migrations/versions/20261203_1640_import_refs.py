"""Bulk import, step 1: the external ids a back-office import has brought in.

``import_refs`` maps (centre, kind, external id) to the client, case or debt that
``cma import csv`` made from that row of another system's export, so a re-run of the same
files imports nothing twice and a cases file can name clients imported earlier. No
personal data: the other system's id only. Each reference cascades from its record, so
erasure and retention remove it with the record. RLS like every tenant table.

A branch of its own from the walking skeleton (depends on 0400 for ``advice_debts``).

Revision ID: 1640
Revises: 0001
Create Date: 2026-12-03 09:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1640"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("bulk",)
depends_on: str | Sequence[str] | None = "0400"


def upgrade() -> None:
    op.create_table(
        "import_refs",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("debt_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_import_refs_centre_id_centres")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_import_refs_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_import_refs_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["debt_id"],
            ["advice_debts.id"],
            name=op.f("fk_import_refs_debt_id_advice_debts"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "(client_id IS NOT NULL)::int + (case_id IS NOT NULL)::int"
            " + (debt_id IS NOT NULL)::int = 1"
            if op.get_bind().dialect.name == "postgresql"
            else "(client_id IS NOT NULL) + (case_id IS NOT NULL) + (debt_id IS NOT NULL) = 1",
            name=op.f("ck_import_refs_one_record"),
        ),
        sa.PrimaryKeyConstraint("centre_id", "kind", "external_id", name=op.f("pk_import_refs")),
    )
    enable_rls(op, "import_refs")


def downgrade() -> None:
    op.drop_table("import_refs")
