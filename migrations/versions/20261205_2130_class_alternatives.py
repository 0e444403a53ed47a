"""The other kinds a document may be, kept with the kind it was read as.

When the classifier is unsure ("check the document type"), the adviser is shown the
likeliest other kinds, and can have the document read again as one of them
(``POST /api/v1/documents/{id}/reclassify``). ``documents.class_alternatives``: JSON,
``[{"document_class", "probability"}]`` likeliest first, or NULL (documents read before
this migration, or by an assistant that cannot say).

On a branch of its own from 0600 (where ``documents`` was created).

Revision ID: 2130
Revises: 0600
Create Date: 2026-12-05 12:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2130"
down_revision: str | None = "0600"
branch_labels: str | Sequence[str] | None = ("class_alternatives",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("class_alternatives", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("class_alternatives")
