"""Each case's timeline as a read model: ``case_timeline_entries`` (issue 15).

A branch of its own ("timeline") from the case list's (1620). One row per entry of a
case's timeline (opened, closed, reopened, notes, documents, deadlines, appointments,
tasks, contacts, letters, debts, findings), a case's rows rewritten whole by the
``case_timeline`` event handler (``cma_core.readmodels.timeline``); derived data with no
foreign keys (``cma projections rebuild`` fills it again). The record's own words
(``detail_enc``: a note's body, a filename) are stored sealed, never in clear. A tenant
table with forced Row Level Security on PostgreSQL; the case eraser's ``case_id`` sweep
removes a case's rows with it.

Existing databases: the table starts empty; run ``cma projections rebuild --only
timeline`` once after upgrading (cases written afterwards are projected as they change).

Revision ID: 1980
Revises: 1620
Create Date: 2026-12-03 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1980"
down_revision: str | None = "1620"
branch_labels: str | Sequence[str] | None = ("timeline",)
depends_on: str | Sequence[str] | None = None

_NAME = "case_timeline_entries"
_INDEXES = {
    "ix_case_timeline_entries_at": ["centre_id", "case_id", "at", "entry_id"],
    "ix_case_timeline_entries_client": ["centre_id", "client_id"],
}


def upgrade() -> None:
    op.create_table(
        _NAME,
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("detail_enc", sa.Text(), nullable=True),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint(
            "centre_id", "case_id", "entry_id", name="pk_case_timeline_entries"
        ),
    )
    for name, columns in _INDEXES.items():
        op.create_index(name, _NAME, columns)
    enable_rls(op, _NAME)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name=_NAME)
    op.drop_table(_NAME)
