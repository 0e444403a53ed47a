"""The PostgreSQL search index: ``search_documents`` (tsvector + GIN, pg_trgm for typos).

A branch of its own from the walking skeleton. PostgreSQL only: the embedded default keeps
its FTS5 index in a file of its own (``cma_adapters.search_sqlite``), and Elasticsearch /
OpenSearch keep theirs in the engine, so on SQLite this revision changes nothing.

The table is a projection (``cma projections rebuild`` fills it again) and holds no
foreign keys. ``tsv`` is generated from the clear ``title`` (weight A) and ``body`` (B);
``terms`` / ``restricted_terms`` are arrays of blind tokens. The GIN indexes lead with
``centre_id`` (btree_gin) so a query reads only its centre's postings; Row Level Security
is the second wall, as on every tenant table.

Revision ID: 1000
Revises: 0001
Create Date: 2026-12-03 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "1000"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("search",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    op.execute(
        """
        CREATE TABLE search_documents (
            centre_id uuid NOT NULL,
            id text NOT NULL,
            kind varchar(16) NOT NULL,
            entity_id uuid NOT NULL,
            case_id uuid,
            client_id uuid,
            adviser_id uuid,
            title text NOT NULL,
            body text NOT NULL,
            terms text[] NOT NULL DEFAULT '{}',
            restricted_terms text[] NOT NULL DEFAULT '{}',
            updated_at timestamptz NOT NULL,
            tsv tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', title), 'A')
                || setweight(to_tsvector('english', body), 'B')
            ) STORED,
            CONSTRAINT pk_search_documents PRIMARY KEY (centre_id, id)
        )
        """
    )
    op.execute(
        "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (centre_id, tsv)"
    )
    op.execute(
        "CREATE INDEX ix_search_documents_terms ON search_documents USING gin (centre_id, terms)"
    )
    op.execute(
        "CREATE INDEX ix_search_documents_restricted ON search_documents "
        "USING gin (centre_id, restricted_terms)"
    )
    op.execute(
        "CREATE INDEX ix_search_documents_trgm ON search_documents "
        "USING gin (centre_id, body gin_trgm_ops)"
    )
    op.execute("CREATE INDEX ix_search_documents_case ON search_documents (centre_id, case_id)")
    op.execute("CREATE INDEX ix_search_documents_client ON search_documents (centre_id, client_id)")
    enable_rls(op, "search_documents")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS search_documents")
