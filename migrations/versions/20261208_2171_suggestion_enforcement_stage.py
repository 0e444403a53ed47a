"""How far recovery has gone on a debt a suggestion adds, kept with the suggestion.

A debt added from a claim form, a county court judgment, a letter of claim, a statutory
demand or an enforcement agent's notice was recorded with no stage of recovery (and a
judgment's debt with no CCJ), though the paper says it. ``Suggestion.enforcement_stage`` is
decided when the suggestion is made, shown with what accepting changes, and the debt is
recorded at that stage (a judgment's with its CCJ). Rows written before hold NULL: their
debts are recorded without a stage, as before.

Continues the ``suggestion_debt_type`` branch (2170).

Revision ID: 2171
Revises: 2170
Create Date: 2026-12-08 06:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2171"
down_revision: str | None = "2170"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "document_suggestions", sa.Column("enforcement_stage", sa.String(40), nullable=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("document_suggestions") as batch:
        batch.drop_column("enforcement_stage")
