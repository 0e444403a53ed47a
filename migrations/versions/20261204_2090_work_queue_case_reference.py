"""The work queue read model carries each item's case reference.

A queue listed "Make initial contact with the client" once per new case with nothing to
tell them apart; each item now says which case it is on ("C-000012"), as the deadline
items' titles already did. The reference is the case's own (``cases.reference``), not a
client's data. Rows written before this migration get it here, from their case; a
free-standing task's stays null.

On a branch of its own from 2020 (where the work queue gained the task fields).

Revision ID: 2090
Revises: 2020
Create Date: 2026-12-04 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2090"
down_revision: str | None = "2020"
branch_labels: str | Sequence[str] | None = ("work_queue_case_reference",)
depends_on: str | Sequence[str] | None = None

_NAME = "work_queue_items"


def upgrade() -> None:
    op.add_column(_NAME, sa.Column("case_reference", sa.String(length=32), nullable=True))
    items = sa.table(
        _NAME, sa.column("case_id", sa.Uuid()), sa.column("case_reference", sa.String())
    )
    cases = sa.table("cases", sa.column("id", sa.Uuid()), sa.column("reference", sa.String()))
    op.execute(
        items.update()
        .where(items.c.case_id.isnot(None))
        .values(
            case_reference=sa.select(cases.c.reference)
            .where(cases.c.id == items.c.case_id)
            .scalar_subquery()
        )
    )


def downgrade() -> None:
    op.drop_column(_NAME, "case_reference")
