"""The centre's debts owed to one creditor are found by an index.

``advice_debts.sort_key`` (a free column of the record tables, unused by debts until now)
holds the debt's creditor's id in 32 hex figures, written by the debt repository on every
add and save; ``ix_advice_debts_centre_creditor`` finds a creditor's debts without opening
the centre's others (their records are sealed). The documents worker reads the references
of a creditor's debts to learn how that creditor numbers its accounts
(``cma_core.debts.formats``).

Rows written before this migration keep ``sort_key`` NULL until they are next saved (the
creditor is inside the sealed record, which a migration does not open without the key
management; ``cma migrate`` hands that in only to migrations that must seal). They teach
no format until then: a format is only ever a help, never a check that refuses.

On a branch of its own from 0400 (where ``advice_debts`` was created).

Revision ID: 2110
Revises: 0400
Create Date: 2026-12-05 06:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "2110"
down_revision: str | None = "0400"
branch_labels: str | Sequence[str] | None = ("debts_by_creditor",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_advice_debts_centre_creditor", "advice_debts", ["centre_id", "sort_key"])


def downgrade() -> None:
    op.drop_index("ix_advice_debts_centre_creditor", table_name="advice_debts")
