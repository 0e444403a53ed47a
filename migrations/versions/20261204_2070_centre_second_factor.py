"""A centre's second-factor rule: ``centre_second_factor`` (ASVS 2.2.2 / 2.8).

A branch of its own ("centre_second_factor") from 0301, where the TOTP second factor was
added. One row per centre that has saved its rule: the roles whose members must use TOTP
there (comma-separated role names; none: nobody), who saved it and when, and its version
(``ETag``/``If-Match``). Sign-in, refresh and centre switch read it before any centre's
transaction, so like ``memberships`` its Row Level Security policy admits the centre's own
transactions and platform-level ones (``app.platform``), nothing else.

No centre has a row until its admin saves one: nobody is required to use a second factor
by this migration.

Revision ID: 2070
Revises: 0301
Create Date: 2026-12-04 16:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "2070"
down_revision: str | None = "0301"
branch_labels: str | Sequence[str] | None = ("centre_second_factor",)
depends_on: str | Sequence[str] | None = None

_NAME = "centre_second_factor"


def upgrade() -> None:
    op.create_table(
        _NAME,
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["centres.id"],
            name="fk_centre_second_factor_centre_id_centres",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("centre_id", name="pk_centre_second_factor"),
    )
    enable_rls(op, _NAME, platform_visible=True)


def downgrade() -> None:
    op.drop_table(_NAME)
