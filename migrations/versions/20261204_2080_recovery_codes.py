"""Recovery codes for the TOTP second factor: ``user_recovery_codes`` (ASVS 2.5.6).

A branch of its own ("recovery_codes") from 0301, where the TOTP second factor was added.
One row per code a user was given when they confirmed TOTP (or regenerated them): only the
code's digest (keyed HMAC-SHA256 bound to the user, ``cma_core.identity.recovery``), when
it was made and when it was spent (``NULL``: still usable). Spending is one conditional
``UPDATE … WHERE used_at IS NULL``, so a code works once however many try it at once.

The table belongs to users, not centres, and nothing but sign-in, step-up and the user's
own account pages reads it, all platform-level transactions: its Row Level Security
policy admits ``app.platform`` and nothing else, so a centre's transaction (a forgotten
filter, an injected query) sees no row of it at all. Enabled and forced, like the tenant
tables.

No user has a row until they confirm (or re-confirm) TOTP or regenerate their codes.

Revision ID: 2080
Revises: 0301
Create Date: 2026-12-04 19:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import PLATFORM_SETTING

revision: str = "2080"
down_revision: str | None = "0301"
branch_labels: str | Sequence[str] | None = ("recovery_codes",)
depends_on: str | Sequence[str] | None = None

_NAME = "user_recovery_codes"


def upgrade() -> None:
    op.create_table(
        _NAME,
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name="fk_user_recovery_codes_user_id_users",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "code_hash", name="pk_user_recovery_codes"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {_NAME} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {_NAME} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY platform_only ON {_NAME} "
            f"USING ({PLATFORM_SETTING}) WITH CHECK ({PLATFORM_SETTING})"
        )


def downgrade() -> None:
    op.drop_table(_NAME)
