"""Suggestions that update a recorded debt, and the date a suggested deadline counts from.

``debt_id`` and ``previous_balance_pence``: an ``update_debt`` suggestion names the debt
already on the case (same account reference) and its balance when suggested (accepting is
refused if it has changed since). No foreign key: the debt may be removed meanwhile, and
acceptance then reports it as not found. ``fact_date``: the date a suggested deadline
counts from (service of the claim or demand, the enforcement notice), recorded as the
case's dated fact on acceptance. All nullable; existing rows keep working.

Revision ID: 0601
Revises: 0600
Create Date: 2026-11-28 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0601"
down_revision: str | None = "0600"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document_suggestions") as batch:
        batch.add_column(sa.Column("debt_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("previous_balance_pence", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("fact_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document_suggestions") as batch:
        batch.drop_column("fact_date")
        batch.drop_column("previous_balance_pence")
        batch.drop_column("debt_id")
