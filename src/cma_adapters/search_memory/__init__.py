"""The search index as a list scan: the fake for unit tests (exact words, no stemming)."""

from cma_adapters.search_memory.index import InMemorySearchIndex

__all__ = ["InMemorySearchIndex"]
