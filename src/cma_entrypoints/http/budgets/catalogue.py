"""The SFS line catalogue over HTTP: every income and outgoing line of the Standard
Financial Statement (SFS-DDS v1.1) with its label, category and section, so a client
(the web console's budget editor and suggestion corrections) offers lines by name instead
of asking for keys. The catalogue is national reference data, the same for every centre."""

from __future__ import annotations

from litestar import Controller, get
from msgspec import Struct

from cma_core.budgets.catalogue import CATEGORIES, LINES, Category, LineDef, Section
from cma_core.identity.permissions import Permission
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import Limit, Offset
from cma_entrypoints.http.common.schemas import PageOf


class SfsLineOut(Struct):
    #: The key of the line in a budget's `lines`.
    key: str
    label: str
    category: Category
    category_label: str
    section: Section
    #: The line's key in the SFS Data Entry Schema (for SFS-DDS import and export).
    sfs_key: str

    @classmethod
    def of(cls, line: LineDef) -> SfsLineOut:
        return cls(
            key=line.key,
            label=line.label,
            category=line.category,
            category_label=CATEGORIES[line.category].label,
            section=line.section,
            sfs_key=line.sfs_key,
        )


class SfsLinePage(PageOf[SfsLineOut]):
    items: list[SfsLineOut]


_FIRST = SfsLineOut.of(LINES[0])
EXAMPLE = {
    "items": [
        {
            "key": _FIRST.key,
            "label": _FIRST.label,
            "category": _FIRST.category.value,
            "category_label": _FIRST.category_label,
            "section": _FIRST.section.value,
            "sfs_key": _FIRST.sfs_key,
        }
    ],
    "total": 1,
    "limit": 200,
    "offset": 0,
    "next_cursor": None,
}


class SfsCatalogueController(Controller):
    path = "/api/v1/reference/sfs-lines"
    tags = ["reference"]

    @get(
        "/",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The SFS lines, with labels, categories and sections",
        operation_class=with_example(EXAMPLE, "The first income line"),
        description="In the SFS's own order (income, then fixed, then flexible costs), "
        "optionally only one `section` or `category`. The whole catalogue is under 200 "
        "lines, so one page with the largest `limit` holds it.",
    )
    async def list_lines(
        self,
        section: Section | None = None,
        category: Category | None = None,
        limit: Limit = 200,
        offset: Offset = 0,
    ) -> SfsLinePage:
        lines = [
            line
            for line in LINES
            if (section is None or line.section is section)
            and (category is None or line.category is category)
        ]
        page = lines[offset : offset + limit]
        return SfsLinePage(
            items=[SfsLineOut.of(line) for line in page],
            total=len(lines),
            limit=limit,
            offset=offset,
        )


__all__ = ["SfsCatalogueController", "SfsLineOut", "SfsLinePage"]
