"""The debt type a new-debt suggestion adds its debt as, kept with the suggestion.

Accepting a suggestion to add a debt typed the debt then, from the document's kind and
words (council tax, rent, water, a catalogue...), and the adviser saw the type only on
the Debts tab afterwards. The type is now decided when the suggestion is made
(``Suggestion.debt_type``), shown with what accepting changes (with its priority), and
the adviser may choose another on accepting. Rows written before this migration hold
NULL: accepting them types the debt from its document, as before.

Continues the ``suggestion_to_check`` branch (2160).

Revision ID: 2170
Revises: 2160
Create Date: 2026-12-08 06:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2170"
down_revision: str | None = "2160"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("document_suggestions", sa.Column("debt_type", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document_suggestions") as batch:
        batch.drop_column("debt_type")
