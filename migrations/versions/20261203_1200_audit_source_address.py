"""Audit entries carry the client address a request came from (ASVS V7.1.3/V7.2): the
address the HTTP edge saw, or the forwarded one when it came through a proxy named in
``CMA_TRUSTED_PROXIES``. Empty for entries written by the worker or the CLI, and for
every entry written before this revision (their hashes do not include it).

Revision ID: 1200
Revises: 0303
Create Date: 2026-12-03 06:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1200"
down_revision: str | None = "0303"
branch_labels: str | Sequence[str] | None = ("security_sessions",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A nullable column: a plain ALTER TABLE on both SQLite and PostgreSQL (no table copy,
    # so the append-only trigger on PostgreSQL's audit_log stays as it is).
    op.add_column("audit_log", sa.Column("source_address", sa.String(45), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("source_address")
