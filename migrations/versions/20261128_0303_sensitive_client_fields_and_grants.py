"""Security branch, step 4: clients' sensitive fields and per-user permission grants.

Clients get a postal address (sealed JSON), an address-suppression flag with a sealed
reason, sealed health notes, a sealed set of vulnerabilities with a sealed note, and the
date the client consented to health data being recorded. The sealed columns use the
field encryption of 0302 (AES-256-GCM under the centre's data key; associated data =
table/column/row).

Existing rows hold none of this data, so there is nothing to encrypt: they read as "no
address, not suppressed, no vulnerabilities" (``address_suppressed`` defaults to false).
Their empty vulnerability set is sealed like any other at the row's next save or at the
next ``cma keys rotate``.

``membership_grants``: a permission given to one user in one centre beyond their roles
(with who granted it, why, and an optional expiry). Sign-in reads it with the user's
memberships before a centre is chosen, so its RLS policy also admits ``app.platform``.

Revision ID: 0303
Revises: 0302
Create Date: 2026-11-28 09:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0303"
down_revision: str | None = "0302"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SEALED = (
    "address_enc",
    "address_suppression_reason_enc",
    "health_notes_enc",
    "vulnerabilities_enc",
    "vulnerability_notes_enc",
)


def upgrade() -> None:
    with op.batch_alter_table("clients") as b:
        for col in _SEALED:
            b.add_column(sa.Column(col, sa.Text(), nullable=True))
        b.add_column(
            sa.Column("address_suppressed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        b.add_column(sa.Column("health_data_consent_at", sa.DateTime(timezone=True)))
    op.create_table(
        "membership_grants",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("permission", sa.String(length=64), nullable=False),
        sa.Column("granted_by", sa.Uuid(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_membership_grants_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["centres.id"],
            name=op.f("fk_membership_grants_centre_id_centres"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "user_id", "centre_id", "permission", name=op.f("pk_membership_grants")
        ),
        # Never an administrator's permission (also refused by the core).
        sa.CheckConstraint(
            "permission NOT IN ('centre:manage', 'user:manage')",
            name=op.f("ck_membership_grants_grantable"),
        ),
    )
    enable_rls(op, "membership_grants", platform_visible=True)


def downgrade() -> None:
    op.drop_table("membership_grants")
    with op.batch_alter_table("clients") as b:
        b.drop_column("health_data_consent_at")
        b.drop_column("address_suppressed")
        for col in reversed(_SEALED):
            b.drop_column(col)
