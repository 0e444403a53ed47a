"""A dated fact recorded in error can be withdrawn.

A fact's date starts its deadlines, tasks and reminders; a mistyped date (or the wrong
kind, or the wrong case) had no way back. A fact is now withdrawn, kept for the record,
with who, when and why, and a version for ``If-Match``; its open deadlines become
``withdrawn`` (``case_deadlines.status`` is free text of 16: no schema change there).
Rows written before this migration are version 1 and standing.

On a branch of its own from 0500 (where ``case_facts`` was created).

Revision ID: 2100
Revises: 0500
Create Date: 2026-12-05 00:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2100"
down_revision: str | None = "0500"
branch_labels: str | Sequence[str] | None = ("fact_withdrawal",)
depends_on: str | Sequence[str] | None = None

_NAME = "case_facts"


def upgrade() -> None:
    op.add_column(_NAME, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column(_NAME, sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(_NAME, sa.Column("withdrawn_by", sa.Uuid(), nullable=True))
    op.add_column(_NAME, sa.Column("withdrawn_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    for column in ("withdrawn_reason", "withdrawn_by", "withdrawn_at", "version"):
        op.drop_column(_NAME, column)
