"""Search: bound the GIN pending lists a search reads (``gin_pending_list_limit``).

A branch of its own ("search_pending") from 1941. GIN's fast update keeps new entries in
an unsorted pending list (up to ``gin_pending_list_limit``, 4 MB by default) until a
vacuum or an insert past the limit merges it into the index, and **every** scan of the
index reads the whole list. A search scans four or five of the search GIN indexes
(``tsv``, ``terms`` twice for a query of two words or more, ``restricted_terms``; the
typo pass the trigram one), so with full lists it read up to ~2,500 pending pages before
its matches: measured on the 1,000,000-case seed while it wrote, 386 pending pages of
``ix_search_documents_terms`` took 19 ms of a 35 ms statement that found nothing
(benchmarks/README.md, branch ``pg1m``). At 128 kB (16 pages) each scan reads at most
16 pending pages; inserts merge the list 32 times as often, in smaller batches.
PostgreSQL only (SQLite and Elasticsearch keep their own indexes).

Revision ID: 2041
Revises: 1941
Create Date: 2026-12-04 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "2041"
down_revision: str | None = "1941"
branch_labels: str | Sequence[str] | None = ("search_pending",)
depends_on: str | Sequence[str] | None = None

#: The GIN indexes a search reads; the value in kB.
INDEXES = (
    "ix_search_documents_tsv",
    "ix_search_documents_terms",
    "ix_search_documents_restricted",
    "ix_search_documents_trgm",
)
PENDING_LIMIT_KB = 128


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for index in INDEXES:
        op.execute(f"ALTER INDEX {index} SET (gin_pending_list_limit = {PENDING_LIMIT_KB})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for index in INDEXES:
        op.execute(f"ALTER INDEX {index} RESET (gin_pending_list_limit)")
