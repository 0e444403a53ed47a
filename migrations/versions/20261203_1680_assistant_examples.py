"""Learning from the adviser: each decision on a suggestion kept as a labelled example.

``assistant_examples``: one row per accept, reject or correction: the class the assistant
said, the class the decision says, a statement payee's SFS line, and (sealed by the
adapter, ``{"sealed": ...}`` in ``data``) the values read with their printed labels,
pages and boxes. No document text: training reads it from the document, and the row goes
with its document or case (cascading foreign keys). A tenant table with forced Row Level
Security on PostgreSQL. ``cma assistant train --centre`` reads it.

Revision ID: 1680
Revises: 0900
Create Date: 2026-12-03 09:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1680"
down_revision: str | None = "0900"
branch_labels: str | Sequence[str] | None = ("intake",)
depends_on: str | Sequence[str] | None = None

NAME = "assistant_examples"


def upgrade() -> None:
    op.create_table(
        NAME,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("suggestion_id", sa.Uuid(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("suggested_class", sa.String(length=40), nullable=True),
        sa.Column("document_class", sa.String(length=40), nullable=True),
        sa.Column("budget_line", sa.String(length=60), nullable=True),
        sa.Column("income", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["centre_id"], ["centres.id"], name=f"fk_{NAME}_centre_id_centres"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=f"fk_{NAME}_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=f"fk_{NAME}_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{NAME}"),
    )
    op.create_index(f"ix_{NAME}_centre_recorded", NAME, ["centre_id", "recorded_at"])
    op.create_index(f"ix_{NAME}_document", NAME, ["document_id"])
    enable_rls(op, NAME)


def downgrade() -> None:
    op.drop_index(f"ix_{NAME}_document", table_name=NAME)
    op.drop_index(f"ix_{NAME}_centre_recorded", table_name=NAME)
    op.drop_table(NAME)
