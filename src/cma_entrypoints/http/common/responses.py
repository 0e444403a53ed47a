"""The few response shapes every area's handlers send: a versioned record, a created one,
a page of a list, and a record after a change whose ``If-Match`` is checked when sent.

Handlers still say what they send (their return annotation names the shape, which is what
OpenAPI documents); these only spell the headers and the paging fields once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol, TypeVar

from litestar import Response

from cma_core.identity.model import TenantContext
from cma_core.shared.paging import Key, keyset_slice
from cma_core.shared.uow import Page
from cma_entrypoints.http.common.params import etag, parse_if_match

T = TypeVar("T")
P = TypeVar("P")


class _Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=_Versioned)


def versioned(body: T, version: int, status_code: int = 200) -> Response[T]:
    """``body`` with the ``ETag`` of the record's ``version`` (for the next ``If-Match``)."""
    return Response(body, status_code=status_code, headers=etag(version))


async def versioned_change(
    change: Callable[..., Awaitable[V]],
    shape: Callable[[V], T],
    ctx: TenantContext,
    *args: Any,
    if_match: str | None,
) -> Response[T]:
    """``change(ctx, *args, expected_version=...)`` (close, reopen, cancel…): an edit like
    any other, so ``If-Match`` is required (428 without it, 412 when stale, as the README
    promises); the changed record shaped by ``shape``, with its ``ETag``."""
    record = await change(ctx, *args, expected_version=parse_if_match(if_match, required=True))
    return versioned(shape(record), record.version)


def created(body: T, version: int, location: str) -> Response[T]:
    """``201 Created`` with the new record, its ``ETag`` and its ``Location``."""
    return Response(body, status_code=201, headers={**etag(version), "Location": location})


def page_out(page_type: Callable[..., P], shape: Callable[[Any], Any], page: Page[Any]) -> P:
    """A service's ``Page`` as the response page ``page_type``, each item shaped by ``shape``."""
    return page_type(
        items=[shape(item) for item in page.items],
        total=page.total,
        limit=page.limit,
        offset=page.offset,
        next_cursor=page.next_cursor,
    )


def slice_out(
    page_type: Callable[..., P],
    shape: Callable[[Any], Any],
    items: Sequence[Any],
    limit: int,
    offset: int,
    *,
    cursor: str | None = None,
    key: Callable[[Any], Key] | None = None,
    kinds: Sequence[type] = (),
    descending: bool = False,
) -> P:
    """One page of a list the service returned whole, each item on it shaped by ``shape``.

    With ``key`` (the list's sort key, unique, e.g. ``(created_at, id)``; value types
    ``kinds``) the page carries a ``next_cursor`` and ``cursor`` continues after one
    (``cma_core.shared.paging.keyset_slice``)."""
    if key is None:
        return page_type(
            items=[shape(item) for item in items[offset : offset + limit]],
            total=len(items),
            limit=limit,
            offset=offset,
        )
    page = keyset_slice(
        items,
        limit=limit,
        offset=offset,
        cursor=cursor,
        key=key,
        kinds=kinds,
        descending=descending,
    )
    return page_out(page_type, shape, page)
