"""End-to-end delivery: an outbox event stays owed until its handlers have it.

``settled_at``: when every handler recorded the event in the inbox, or it was abandoned
(``dead_letter`` says why). The relay publishes again an event handed to the broker more
than ``CMA_OUTBOX_REDELIVER_AFTER`` seconds ago and still unsettled (Redis lost it, or the
worker holding it died). Events published before this revision count as settled: they were
delivered under the old rule and resending all of history would be pointless work.

Revision ID: 0820
Revises: 0001
Create Date: 2026-12-03 03:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0820"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("ops",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("dead_letter", sa.Text(), nullable=True))
        batch.create_index("ix_outbox_centre_settled", ["centre_id", "settled_at"], unique=False)
    op.execute("UPDATE outbox SET settled_at = published_at WHERE published_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_centre_settled")
        batch.drop_column("dead_letter")
        batch.drop_column("settled_at")
