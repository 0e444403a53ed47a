"""How many of a suggestion's values are to be checked against the page, counted in clear.

A suggestion's evidence says, value by value, how sure the OCR was of the words it was
read from (``read_confidence``: under 0.7, hard to read) and how sure the reader was that
it is the field's value (``choice_confidence``: under 0.4, an unsure choice). The evidence
is sealed (it quotes the page), and the work queue's projection never opens it, so an
adviser's queue could not say which waiting suggestions need a closer look against the
page. ``document_suggestions.to_check`` is that count, written with the suggestion
(``Suggestion.fields_to_check``): a number, never a value. Rows written before this
migration hold 0: most have neither confidence in their evidence (they began on
2026-12-07 and 2026-12-08), and a migration cannot open the evidence of those that do
(the keys are the application's).

Continues the ``suggestion_as_read`` branch (2140).

Revision ID: 2160
Revises: 2140
Create Date: 2026-12-08 01:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2160"
down_revision: str | None = "2140"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "document_suggestions",
        sa.Column("to_check", sa.SmallInteger(), server_default="0", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("document_suggestions") as batch:
        batch.drop_column("to_check")
