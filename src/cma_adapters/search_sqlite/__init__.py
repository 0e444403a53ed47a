"""The embedded search index: SQLite FTS5 in a file of its own (no server)."""

from cma_adapters.search_sqlite.index import SqliteFtsSearchIndex

__all__ = ["SqliteFtsSearchIndex"]
