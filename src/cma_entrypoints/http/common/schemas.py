"""The shapes every area shares (msgspec Structs): field types, problem details, health.

Each area's own request and response shapes live in ``http/<area>/schemas.py``. Every
resource has an ``id`` and a ``version`` (also sent as the ``ETag``); every list is
``{"items": [...], "total": n, "limit": l, "offset": o}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Generic, TypeVar

import msgspec
from msgspec import Meta, Struct

Name = Annotated[str, Meta(min_length=1, max_length=200)]


LongText = Annotated[str, Meta(max_length=4000)]
#: A moment with its time zone (a naive time would be ambiguous).
Moment = Annotated[dt.datetime, Meta(tz=True)]

T = TypeVar("T")
S = TypeVar("S", bound=Struct)


def from_attributes(shape: type[S], record: object, **given: Any) -> S:
    """``shape`` with each field read from the attribute of the same name on ``record``,
    but for the fields in ``given`` (renamed, converted or computed ones).

    For the ``of`` constructors whose fields mirror the domain record's; a field the
    record lacks is an ``AttributeError`` the first time the shape is built."""
    read = {name: getattr(record, name) for name in shape.__struct_fields__ if name not in given}
    return shape(**read, **given)


class PageOf(Struct, Generic[T]):
    """One page of a list: ``{"items": [...], "total": n, "limit": l, "offset": o}``.

    Each area names its own page, ``class CasePage(PageOf[CaseOut]): items: list[CaseOut]``,
    so OpenAPI keeps one named component per list. The subclass states ``items`` again
    because Litestar documents a subclass's fields from its own annotations and would not
    see ``T`` bound (msgspec keeps the field in first place)."""

    items: list[T]
    total: int
    limit: int
    offset: int


class FieldError(Struct):
    field: str
    message: str


class Problem(Struct, omit_defaults=True):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] = msgspec.field(default_factory=list)


class HealthCheck(Struct):
    status: str
    detail: str | None = None


class HealthOut(Struct):
    status: str
    checks: dict[str, HealthCheck]
