"""Keyset (cursor) pagination: a page starts *after* the last row of the previous one, by
the list's stable sort key, so reading deep into a long list costs what the first page
costs and rows added meanwhile neither repeat nor vanish between pages.

A cursor is opaque to clients: base64url of the JSON list of the last row's sort key. It
is not secret and needs no signature: the query it feeds is still the caller's centre and
filters, a forged one only moves the starting point. ``offset`` stays for the existing
``{items,total,limit,offset}`` shape, bounded by ``MAX_OFFSET``; ``cursor`` and a non-zero
``offset`` together are refused.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, TypeVar, cast

from cma_core.shared.errors import ValidationError
from cma_core.shared.uow import Page

T = TypeVar("T")

#: Longest cursor accepted (a sort key of a few values encodes to well under this).
MAX_CURSOR = 512

Key = tuple[Any, ...]


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, int | str) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value  # JSON writes the shortest repr: it reads back as the same float
    raise TypeError(f"a cursor key cannot hold {type(value).__name__}")


def encode_cursor(key: Key) -> str:
    raw = json.dumps([_plain(v) for v in key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(token: str, kinds: Sequence[type]) -> Key:
    """The sort key in ``token``, each value parsed as ``kinds`` says (``dt.datetime``,
    ``dt.date``, ``uuid.UUID``, ``int``, ``float`` (finite) or ``str``). A malformed cursor
    is a ``ValidationError`` on ``cursor`` (a 400 naming the parameter)."""
    bad = ValidationError("cursor", "is not a cursor this list returned")
    if not token or len(token) > MAX_CURSOR:
        raise bad
    try:
        raw = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if not isinstance(raw, list) or len(raw) != len(kinds):
            raise bad
        return tuple(_parse(v, k) for v, k in zip(raw, kinds, strict=True))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise bad from None


def _parse(value: object, kind: type) -> object:
    if kind is dt.datetime:
        if not isinstance(value, str):
            raise TypeError
        parsed = dt.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError
        return parsed
    if kind is dt.date:
        if not isinstance(value, str):
            raise TypeError
        return dt.date.fromisoformat(value)
    if kind is uuid.UUID:
        return uuid.UUID(str(value))
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError
        return value
    if kind is float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise TypeError
        if not math.isfinite(value):
            raise ValueError
        return float(value)
    if not isinstance(value, str):
        raise TypeError
    return value


def check_cursor(cursor: str | None, offset: int) -> None:
    if cursor is not None and offset:
        raise ValidationError("offset", "must be 0 (or left out) with a cursor")


def with_next_cursor(page: Page[T], key_of: Callable[[T], Key]) -> Page[T]:
    """``page`` with ``next_cursor`` set when it is full (there may be more after it)."""
    items = page.items
    if len(items) < page.limit or not items:
        return page
    return Page(
        items=items,
        total=page.total,
        limit=page.limit,
        offset=page.offset,
        next_cursor=encode_cursor(key_of(items[-1])),
    )


def start_after(cursor: str | None, offset: int, kinds: Sequence[type]) -> Key | None:
    """The sort key a page continues after (``None`` for a first page); refuses a cursor
    with a non-zero offset, and a malformed one, as ``ValidationError``."""
    check_cursor(cursor, offset)
    return None if cursor is None else decode_cursor(cursor, kinds)


def after_time_and_id(cursor: str | None, offset: int = 0) -> tuple[dt.datetime, uuid.UUID] | None:
    """``start_after`` for the lists sorted by a time and then an id (the case list, the
    timeline, the work queue...), the key typed."""
    key = start_after(cursor, offset, (dt.datetime, uuid.UUID))  # parsed as those kinds
    return cast("tuple[dt.datetime, uuid.UUID] | None", key)


def keyset_slice(
    rows: Sequence[T],
    *,
    limit: int,
    offset: int,
    cursor: str | None,
    key: Callable[[T], Key],
    kinds: Sequence[type],
    descending: bool = False,
) -> Page[T]:
    """A page of ``rows`` (every match, sorted by ``key``, ascending or ``descending``),
    for the lists a service reads whole (a case's notes, contacts, reminders...): after
    ``cursor``'s key when given, else from ``offset``; ``total`` counts every match.
    ``key`` must be unique per row (end it with the id) for pages not to skip ties."""
    after = start_after(cursor, offset, kinds)
    rest: Sequence[T] = rows
    if after is not None:
        rest = [r for r in rows if (key(r) < after if descending else key(r) > after)]
    page = Page(items=rest[offset : offset + limit], total=len(rows), limit=limit, offset=offset)
    return with_next_cursor(page, key)


async def each_page(
    fetch: Callable[[int, int], Awaitable[Page[T]]], size: int = 200
) -> AsyncIterator[Page[T]]:
    """Every non-empty page of an offset-paged list, in order: ``fetch(limit, offset)``
    is asked for ``size`` rows at a time until a page comes back empty or the pages read
    reach the list's total. For the service's own sweeps (every open case, every pending
    suggestion), where a single page would silently stop at its limit."""
    offset = 0
    while True:
        page = await fetch(size, offset)
        if not page.items:
            return
        yield page
        offset += len(page.items)
        if offset >= page.total:
            return


async def every_item(fetch: Callable[[int, int], Awaitable[Page[T]]], size: int = 200) -> list[T]:
    """Every row of an offset-paged list (``each_page``'s pages, joined)."""
    return [item async for page in each_page(fetch, size) for item in page.items]
