"""Search: the blind-token GIN indexes without ``centre_id`` in front.

Migration 1000 led every GIN index with ``centre_id`` (btree_gin). For the text that is
right (a word's postings span every centre), but a blind token is already a centre's own:
``HMAC(centre's search key, word)``, so its posting list holds that centre's documents
only. Leading with ``centre_id`` made each token lookup also read the centre's whole
``centre_id`` posting list (15,000 documents a centre at 200k cases: 5-7 ms and ~360
buffers for a restricted-token lookup that found nothing, against 0.01 ms and 5 buffers
on ``restricted_terms`` alone, measured by ``EXPLAIN ANALYZE``). The ``centre_id =``
condition stays in every statement (checked on the rows found) and Row Level Security is
unchanged.

Revision ID: 1941
Revises: 1940
Create Date: 2026-12-03 14:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "1941"
down_revision: str | None = "1940"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_search_documents_terms")
    op.execute("DROP INDEX ix_search_documents_restricted")
    op.execute("CREATE INDEX ix_search_documents_terms ON search_documents USING gin (terms)")
    op.execute(
        "CREATE INDEX ix_search_documents_restricted ON search_documents "
        "USING gin (restricted_terms)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_search_documents_terms")
    op.execute("DROP INDEX ix_search_documents_restricted")
    op.execute(
        "CREATE INDEX ix_search_documents_terms ON search_documents USING gin (centre_id, terms)"
    )
    op.execute(
        "CREATE INDEX ix_search_documents_restricted ON search_documents "
        "USING gin (centre_id, restricted_terms)"
    )
