"""Response shapes of search."""

from __future__ import annotations

import uuid

from msgspec import Struct

from cma_core.search.model import SearchHit, SearchKind, SearchResults, snippet_parts
from cma_core.search.service import search_cursor
from cma_entrypoints.http.common.schemas import PageOf


class SnippetPart(Struct):
    """A piece of the snippet; ``match`` pieces are the words that matched (render them
    highlighted; the text is plain, never markup)."""

    text: str
    match: bool


class SearchHitOut(Struct):
    kind: SearchKind
    id: uuid.UUID
    case_id: uuid.UUID | None
    client_id: uuid.UUID | None
    title: str
    snippet: list[SnippetPart]
    score: float

    @classmethod
    def of(cls, hit: SearchHit) -> SearchHitOut:
        return cls(
            kind=hit.kind,
            id=hit.entity_id,
            case_id=hit.case_id,
            client_id=hit.client_id,
            title=hit.title,
            snippet=[SnippetPart(text=t, match=m) for t, m in snippet_parts(hit.snippet)],
            score=round(hit.score, 6),
        )


class SearchPage(PageOf[SearchHitOut]):
    items: list[SearchHitOut]

    @classmethod
    def of(cls, results: SearchResults) -> SearchPage:
        return cls(
            items=[SearchHitOut.of(h) for h in results.items],
            total=results.total,
            limit=results.limit,
            offset=results.offset,
            next_cursor=search_cursor(results),
        )
