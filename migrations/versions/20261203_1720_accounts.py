"""Accounts branch, step 1: stored user versions, per-centre deactivation, what the session
list shows, step-up times and password-reset tokens.

- ``users.version``: every save is conditional on it (two admins racing: one gets 412).
  Existing users start at 1.
- ``memberships.active``: a centre switches off its own membership of a person who also
  works elsewhere (``users.active`` stays the operator's account-wide lock).
- ``refresh_tokens.authenticated_at`` (the access token's ``auth_time``), ``address`` and
  ``user_agent`` (a short summary): existing tokens have none, so their sessions need a
  step-up before a sensitive change, and list without an address.
- ``password_resets``: reset tokens by SHA-256 hash; no centre, so no RLS (like ``users``).

Revision ID: 1720
Revises: 0303
Create Date: 2026-12-03 09:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1720"
down_revision: str | None = "0303"
branch_labels: str | Sequence[str] | None = ("accounts",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("authenticated_at", sa.DateTime(timezone=True)))
        batch_op.add_column(sa.Column("address", sa.String(length=64)))
        batch_op.add_column(sa.Column("user_agent", sa.String(length=100)))
    op.create_table(
        "password_resets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_password_resets_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_resets")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_password_resets_token_hash")),
    )
    with op.batch_alter_table("password_resets", schema=None) as batch_op:
        batch_op.create_index("ix_password_resets_user_id", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_table("password_resets")
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.drop_column("user_agent")
        batch_op.drop_column("address")
        batch_op.drop_column("authenticated_at")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_column("active")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("version")
