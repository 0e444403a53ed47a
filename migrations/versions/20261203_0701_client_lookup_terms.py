"""Client look-up: keyed blind indexes over normalised forms of names, postcode and DOB.

``client_lookup_terms`` holds, per client, the HMAC-SHA256 digests (under an index key
derived from the centre's data key ``key_version``) of its look-up terms: whole name
words, surname prefixes, phonetic keys of name words, the postcode and its outward code,
and the date of birth (``cma_core.clients.lookup``; docs/CLIENT-LOOKUP.md says what the
digests leak). No plaintext and no term kind is stored. The keys are not available to a
migration (they are unwrapped by the key management service), so existing clients are
indexed by ``cma clients reindex`` (idempotent; run it once after upgrading).

Revision ID: 0701
Revises: 0700
Create Date: 2026-12-03 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0701"
down_revision: str | None = "0700"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "client_lookup_terms",
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_lookup_terms_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_client_lookup_terms_centre_id_centres")
        ),
        sa.PrimaryKeyConstraint("client_id", "digest", name=op.f("pk_client_lookup_terms")),
    )
    op.create_index(
        "ix_client_lookup_terms_centre_digest", "client_lookup_terms", ["centre_id", "digest"]
    )
    enable_rls(op, "client_lookup_terms")


def downgrade() -> None:
    op.drop_table("client_lookup_terms")
