"""The shapes every area shares (msgspec Structs): field types, problem details, health.

Each area's own request and response shapes live in ``http/<area>/schemas.py``. Every
resource has an ``id`` and a ``version`` (also sent as the ``ETag``); every list is
``{"items": [...], "total": n, "limit": l, "offset": o}``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from msgspec import Meta, Struct

Name = Annotated[str, Meta(min_length=1, max_length=200)]


LongText = Annotated[str, Meta(max_length=4000)]
#: A moment with its time zone (a naive time would be ambiguous).
Moment = Annotated[dt.datetime, Meta(tz=True)]


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
