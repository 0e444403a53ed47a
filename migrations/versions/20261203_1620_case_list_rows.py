"""The case list's read model: ``case_list_rows`` (issue 15, the Q of CQRS).

A branch of its own ("projections") from the outbox's delivery columns (0820): the
projection's lag is read from the outbox's unsettled events and the inbox. One row per
case, rewritten by the ``case_list`` event handler (``cma_core.readmodels``); derived data
with no foreign keys (``cma projections rebuild`` fills it again). The client's display
name is stored sealed (``client_name_enc``), never in clear. A tenant table with forced
Row Level Security on PostgreSQL; the case eraser's ``case_id`` sweep removes a row with
its case.

Existing databases: the table starts empty; run ``cma projections rebuild`` once after
upgrading (new cases are projected as they are written).

Revision ID: 1620
Revises: 0820
Create Date: 2026-12-03 09:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1620"
down_revision: str | None = "0820"
branch_labels: str | Sequence[str] | None = ("projections",)
depends_on: str | Sequence[str] | None = None

_NAME = "case_list_rows"
_INDEXES = {
    "ix_case_list_rows_opened": ["centre_id", "opened_at", "case_id"],
    "ix_case_list_rows_adviser": ["centre_id", "adviser_id", "opened_at", "case_id"],
    "ix_case_list_rows_status": ["centre_id", "status", "opened_at", "case_id"],
    "ix_case_list_rows_client": ["centre_id", "client_id"],
}


def upgrade() -> None:
    at = sa.DateTime(timezone=True)
    op.create_table(
        _NAME,
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("close_reason", sa.String(length=32), nullable=True),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("client_name_enc", sa.Text(), nullable=True),
        sa.Column("adviser_id", sa.Uuid(), nullable=True),
        sa.Column("opened_at", at, nullable=False),
        sa.Column("updated_at", at, nullable=False),
        sa.Column("closed_at", at, nullable=True),
        sa.Column("case_version", sa.Integer(), nullable=False),
        sa.Column("next_deadline", sa.Date(), nullable=True),
        sa.Column("open_tasks", sa.Integer(), nullable=False),
        sa.Column("failing", sa.Integer(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("last_activity_at", at, nullable=False),
        sa.Column("as_of", at, nullable=False),
        sa.PrimaryKeyConstraint("centre_id", "case_id", name="pk_case_list_rows"),
    )
    for name, columns in _INDEXES.items():
        op.create_index(name, _NAME, columns)
    enable_rls(op, _NAME)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name=_NAME)
    op.drop_table(_NAME)
