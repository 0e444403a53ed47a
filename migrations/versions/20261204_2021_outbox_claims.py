"""Outbox claims: which worker's batch holds an owed event, until when (issue 15).

On the "ops" line (after 2020). With several worker processes each tops its batches up
with the centre's owed events; without a claim two of them took the same events, and the
loser's batch failed on a unique key and was redone event by event. A worker now claims
the events of a batch (``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, then these two
columns) before dispatching them; the claim is a lease of ``CMA_WORKER_CLAIM_SECONDS``, so
the events of a worker that dies are taken again once it runs out. Nullable: no event is
claimed when this runs.

Revision ID: 2021
Revises: 2020
Create Date: 2026-12-04 09:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2021"
down_revision: str | None = "2020"
branch_labels: str | Sequence[str] | None = ("outbox_claims",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("claimed_until")
        batch.drop_column("claimed_by")
