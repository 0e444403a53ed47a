"""A version on each client's contact consent, so replacing it takes ``If-Match`` like
every other edit (a stale answer is refused instead of silently overwriting a newer one).

Revision ID: 0741
Revises: 0501
Create Date: 2026-12-03 03:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0741"
down_revision: str | None = "0501"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contact_consents") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("contact_consents") as batch:
        batch.drop_column("version")
