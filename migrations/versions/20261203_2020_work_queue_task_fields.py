"""The work queue read model carries a task's kind, due time and version (issue 15).

On the "timeline" branch (after 1981). The web console's work queue now reads only
``GET /api/v1/work-queue``: it needs a task's kind (shown), its due time (``at`` is an
undated task's creation, so "due" and "undated last" cannot be told from it) and its
version (sent as If-Match when the task is completed, cancelled or reassigned in place).
Nullable: other sections leave them empty, and rows written before this migration hold
none until ``cma projections rebuild --only work_queue`` (or the next change to their
case) rewrites them; the console then reads the task's version before changing it.

Revision ID: 2020
Revises: 1981
Create Date: 2026-12-03 18:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2020"
down_revision: str | None = "1981"
branch_labels: str | Sequence[str] | None = ("work_queue_task_fields",)
depends_on: str | Sequence[str] | None = None

_NAME = "work_queue_items"


def upgrade() -> None:
    op.add_column(_NAME, sa.Column("kind", sa.String(length=32), nullable=True))
    op.add_column(_NAME, sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(_NAME, sa.Column("version", sa.Integer(), nullable=True))


def downgrade() -> None:
    for column in ("version", "due_at", "kind"):
        op.drop_column(_NAME, column)
