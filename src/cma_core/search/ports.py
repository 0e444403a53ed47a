"""The search index port.

Every adapter applies the centre of the call to every read and write (a filter the
adapter adds itself, and where the engine has one, a second wall such as PostgreSQL's Row
Level Security): a document of another centre is never returned, changed or removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from cma_core.search.model import SearchDocument, SearchQuery, SearchResults
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId


class SearchIndex(Protocol):
    async def upsert(self, documents: Sequence[SearchDocument]) -> None:
        """Add the documents or replace those of the same centre and ``id``. Idempotent;
        the documents of one call may be of several centres (a rebuild batches them)."""
        ...

    async def delete(self, centre_id: CentreId, ids: Sequence[str]) -> None:
        """Remove those documents of the centre; unknown ids are ignored."""
        ...

    async def delete_case(self, centre_id: CentreId, case_id: CaseId) -> None:
        """Remove every document of the case (the case, its notes, documents, letters)."""
        ...

    async def delete_client(self, centre_id: CentreId, client_id: ClientId) -> None:
        """Remove the client's document and every document of the client's cases."""
        ...

    async def assign_case(
        self, centre_id: CentreId, case_id: CaseId, adviser_id: UserId | None
    ) -> None:
        """Set the adviser (the visibility filter) of every document of the case."""
        ...

    async def clear(self, centre_id: CentreId) -> None:
        """Remove every document of the centre (before a rebuild)."""
        ...

    async def search(self, query: SearchQuery) -> SearchResults:
        """The page of matches in the query's centre, best first (ties: newest first, then
        id), with the total number of matches."""
        ...

    async def documents(self, centre_id: CentreId) -> Sequence[SearchDocument]:
        """Every document of the centre, by id (to compare a rebuild with the index built
        from events; not for the request path)."""
        ...
