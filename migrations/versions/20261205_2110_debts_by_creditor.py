"""The centre's debts owed to one creditor are found by an index.

``advice_debts.sort_key`` (a free column of the record tables, unused by debts until now)
holds the blind index of the debt's creditor's id — an HMAC under the centre's index key
(``CentreKey.index``), as the clients' names are indexed — for a debt with an account
reference, written by the debt repository on every add and save;
``ix_advice_debts_centre_creditor`` finds a creditor's debts without opening the centre's
others (their records are sealed), and no creditor can be read from the column. The documents worker reads the references
of a creditor's debts to learn how that creditor numbers its accounts
(``cma_core.debts.formats``).

Rows written before this migration keep ``sort_key`` NULL until they are next saved, or
until the centre's key is next rotated (``cma keys rotate`` re-seals every debt and writes
its index under the new key): the creditor is inside the sealed record, which this
migration does not open. They teach no format until then: a format is only ever a help,
never a check that refuses.

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
