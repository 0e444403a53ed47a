"""Harden branch, step 1: forgotten-password requests wait for the worker.

``password_reset_requests``: the address as typed (normalised), sealed with a key derived
from ``CMA_SECRET_KEY`` (it may be anyone's address, account or not), when it was asked
and when a worker claimed it. The request only queues a row, so an existing and an unknown
address cost the caller the same work; the worker looks it up and mails the link. No
centre, so no RLS (like ``password_resets``).

Revision ID: 1840
Revises: 1720
Create Date: 2026-12-03 13:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1840"
down_revision: str | None = "1720"
branch_labels: str | Sequence[str] | None = ("harden",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "password_reset_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email_sealed", sa.Text(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_reset_requests")),
    )
    with op.batch_alter_table("password_reset_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_password_reset_requests_requested_at", ["requested_at"], unique=False
        )


def downgrade() -> None:
    op.drop_table("password_reset_requests")
