"""The work queue read model carries how many of a waiting suggestion's values are to be
checked against the page (``document_suggestions.to_check``, migration 2160), so that an
adviser's queue says which documents to look at closely. Null for tasks, deadlines and
appointments; the document rows written before this migration get 0, as their
suggestions do.

Continues the ``work_queue_case_reference`` branch (2090).

Revision ID: 2161
Revises: 2090
Create Date: 2026-12-08 01:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2161"
down_revision: str | None = "2090"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "work_queue_items"


def upgrade() -> None:
    op.add_column(_NAME, sa.Column("to_check", sa.SmallInteger(), nullable=True))
    items = sa.table(_NAME, sa.column("section", sa.String()), sa.column("to_check"))
    op.execute(items.update().where(items.c.section == "document").values(to_check=0))


def downgrade() -> None:
    with op.batch_alter_table(_NAME) as batch:
        batch.drop_column("to_check")
