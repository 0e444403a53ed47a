"""OpenAPI examples of the search route."""

from __future__ import annotations

from cma_core.search.model import SearchKind
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.search.schemas import SearchHitOut, SnippetPart

HIT_EXAMPLE = SearchHitOut(
    kind=SearchKind.NOTE,
    id=ex.CASE_ID,
    case_id=ex.CASE_ID,
    client_id=None,
    title="Note on CMA-000042",
    snippet=[
        SnippetPart(text="Client has ", match=False),
        SnippetPart(text="council", match=True),
        SnippetPart(text=" ", match=False),
        SnippetPart(text="tax", match=True),
        SnippetPart(text=" arrears of £1,240.", match=False),
    ],
    score=0.42,
)
