"""The search index on Elasticsearch or OpenSearch (the official ``elasticsearch`` client)."""

from cma_adapters.search_elastic.index import ElasticSearchIndex, PlainJsonNode

__all__ = ["ElasticSearchIndex", "PlainJsonNode"]
