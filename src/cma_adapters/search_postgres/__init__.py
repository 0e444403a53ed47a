"""The PostgreSQL full-text search index (tsvector + GIN, websearch_to_tsquery, pg_trgm)."""

from cma_adapters.search_postgres.index import PostgresSearchIndex

__all__ = ["PostgresSearchIndex"]
