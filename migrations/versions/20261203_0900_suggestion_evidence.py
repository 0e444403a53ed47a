"""Where a suggestion's values were read: page, box and the alternatives passed over.

``evidence``: a JSON list of ``{field, value, page, box: [left, top, width, height] |
null, label, role, score, chosen}``, so the adviser can check each value against the
document at a glance. ``budget_line``/``frequency``: a ``new_income`` suggestion's SFS
line and how often the amount (``balance_pence``) is paid. All nullable; suggestions
made before carry none.

Revision ID: 0900
Revises: 0601
Create Date: 2026-12-03 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0900"
down_revision: str | None = "0601"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document_suggestions") as batch:
        batch.add_column(sa.Column("evidence", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("budget_line", sa.String(60), nullable=True))
        batch.add_column(sa.Column("frequency", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document_suggestions") as batch:
        batch.drop_column("frequency")
        batch.drop_column("budget_line")
        batch.drop_column("evidence")
