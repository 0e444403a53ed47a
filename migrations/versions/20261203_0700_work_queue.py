"""Work queue: tasks get a priority, an outcome, who created and closed them, a version.

``case_id`` becomes nullable (a free-standing task). ``priority`` (low/normal/high/urgent,
existing rows ``normal``), ``created_by``, ``outcome_note`` (what came of a completed
task, or why it was cancelled), ``closed_at``/``closed_by``, ``updated_at`` and
``version`` (the ETag of optimistic concurrency, existing rows 1). Two indexes for the
queue: a case's open tasks, and open tasks by due date (overdue).

Revision ID: 0700
Revises: 0303
Create Date: 2026-12-03 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0700"
down_revision: str | None = "0303"
branch_labels: str | Sequence[str] | None = ("workqueue",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tasks") as b:
        b.alter_column("case_id", existing_type=sa.Uuid(), nullable=True)
        b.add_column(
            sa.Column("priority", sa.String(length=16), nullable=False, server_default="normal")
        )
        b.add_column(sa.Column("created_by", sa.Uuid(), nullable=True))
        b.add_column(sa.Column("outcome_note", sa.Text(), nullable=True))
        b.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("closed_by", sa.Uuid(), nullable=True))
        b.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        b.create_index("ix_tasks_centre_case_status", ["centre_id", "case_id", "status"])
        b.create_index("ix_tasks_centre_status_due", ["centre_id", "status", "due_at"])


def downgrade() -> None:
    op.execute("DELETE FROM tasks WHERE case_id IS NULL")
    with op.batch_alter_table("tasks") as b:
        b.drop_index("ix_tasks_centre_status_due")
        b.drop_index("ix_tasks_centre_case_status")
        for col in (
            "version",
            "updated_at",
            "closed_by",
            "closed_at",
            "outcome_note",
            "created_by",
            "priority",
        ):
            b.drop_column(col)
        b.alter_column("case_id", existing_type=sa.Uuid(), nullable=False)
