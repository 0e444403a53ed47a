"""What the reader had proposed, kept when an adviser accepts a suggestion with changes.

An adviser who sees the reader took the wrong balance (or creditor, reference, the date a
claim was served, an income's frequency or SFS line) accepts with their own values
(``POST /api/v1/suggestions/{id}/accept`` with ``changes``): the suggestion then holds
what was applied, and ``document_suggestions.as_read`` what the reader had proposed for
the fields changed: JSON ``{"balance_pence": …, "deadline": "YYYY-MM-DD", …}``, or NULL
(accepted as read, or not decided). Where the centre's data keys are set it is sealed
with the suggestion's title (``sealed``, migration 1841) and the column stays NULL.

On a branch of its own from 0600 (where ``document_suggestions`` was created).

Revision ID: 2140
Revises: 0600
Create Date: 2026-12-05 14:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2140"
down_revision: str | None = "0600"
branch_labels: str | Sequence[str] | None = ("suggestion_as_read",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("document_suggestions", sa.Column("as_read", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document_suggestions") as batch:
        batch.drop_column("as_read")
