"""Each user's work queue as a read model: ``work_queue_items`` (issue 15).

On the "timeline" branch (after 1980). One row per item of a user's queue: an open task
assigned to them, an open deadline of a case they advise, an appointment booked with
them, a document suggestion waiting for their review; a scope's rows (a case's, or a
free-standing task's) rewritten whole by the ``work_queue`` event handler
(``cma_core.readmodels.workqueue``); derived data with no foreign keys (``cma projections
rebuild --only work_queue`` fills it again). A tenant table with forced Row Level Security
on PostgreSQL; the case eraser's ``case_id`` sweep removes a case's rows with it.

Revision ID: 1981
Revises: 1980
Create Date: 2026-12-03 16:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1981"
down_revision: str | None = "1980"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "work_queue_items"
_INDEXES = {
    "ix_work_queue_items_user": ["centre_id", "user_id", "at", "item_id"],
    "ix_work_queue_items_case": ["centre_id", "case_id"],
}


def upgrade() -> None:
    op.create_table(
        _NAME,
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("scope_id", sa.Uuid(), nullable=False),
        sa.Column("section", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint(
            "centre_id", "scope_id", "section", "item_id", name="pk_work_queue_items"
        ),
    )
    for name, columns in _INDEXES.items():
        op.create_index(name, _NAME, columns)
    enable_rls(op, _NAME)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name=_NAME)
    op.drop_table(_NAME)
