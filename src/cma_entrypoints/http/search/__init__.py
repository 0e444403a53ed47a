"""Search over HTTP."""

from cma_entrypoints.http.search.controllers import SearchController

__all__ = ["SearchController"]
