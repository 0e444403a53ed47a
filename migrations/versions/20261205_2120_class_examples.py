"""An adviser saying what kind a document is teaches the classifier too.

``POST /api/v1/documents/{id}/reclassify`` reads a document again as the kind the adviser
says it is; the decision is a labelled example about the document, not about one of its
suggestions (a document read as ``other`` has none), so an example's ``suggestion_id`` may
now be empty. Rows written before this migration all have one.

On a branch of its own from 1680 (where ``assistant_examples`` was created).

Revision ID: 2120
Revises: 1680
Create Date: 2026-12-05 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2120"
down_revision: str | None = "1680"
branch_labels: str | Sequence[str] | None = ("class_examples",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("assistant_examples") as batch:
        batch.alter_column("suggestion_id", existing_type=sa.Uuid(), nullable=True)


def downgrade() -> None:
    # Examples without a suggestion cannot be kept under the old rule.
    op.execute("DELETE FROM assistant_examples WHERE suggestion_id IS NULL")
    with op.batch_alter_table("assistant_examples") as batch:
        batch.alter_column("suggestion_id", existing_type=sa.Uuid(), nullable=False)
