"""Search across cases, clients, notes, documents, letters and contacts."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter

from cma_core.identity.model import TenantContext
from cma_core.search.model import SearchKind
from cma_core.search.service import MAX_QUERY_LENGTH, SearchService
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import Cursor, Limit, Offset
from cma_entrypoints.http.search.examples import HIT_EXAMPLE
from cma_entrypoints.http.search.schemas import SearchPage

Query = Annotated[
    str,
    Parameter(
        max_length=MAX_QUERY_LENGTH,
        description="Words to find (all must match; required, not blank). A client is found "
        "by their exact first or last name, email, phone or postcode.",
    ),
]
Kinds = Annotated[
    list[SearchKind] | None,
    Parameter(description="Only these kinds (repeat the parameter for several)."),
]


class SearchController(Controller):
    path = "/api/v1/search"
    tags = ["search"]

    @get(
        "/",
        summary="Search",
        operation_class=with_example(ex.page(HIT_EXAMPLE), "A note found by two words"),
        description=(
            "Ranked, highlighted matches in your centre that you may see: your own cases "
            "only without `case:read_all`, clients with `client:read`, restricted fields "
            "(NI number, sensitive notes) only with `sensitive:read`. The index is updated "
            "from events by the worker, a moment after each change. Page with `cursor` "
            "(each page's `next_cursor`: keyset on rank, time and id, constant cost at any "
            "depth) or a bounded `offset`; `total` counts every match on every page."
        ),
    )
    async def search(
        self,
        ctx: TenantContext,
        search: SearchService,
        q: Query = "",
        kind: Kinds = None,
        limit: Limit = 20,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> SearchPage:
        kinds = frozenset(kind) if kind else None
        results = await search.search(
            ctx, q, kinds=kinds, limit=limit, offset=offset, cursor=cursor
        )
        return SearchPage.of(results)
