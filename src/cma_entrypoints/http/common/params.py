"""What every area's handlers take from a request: the tenant context, paging, ``If-Match``.

The tenant context is a Litestar dependency (``ctx: TenantContext`` on a handler), provided
app-wide from the verified token by ``tenant_context`` (see ``app.create_app``).
"""

from __future__ import annotations

import re
import uuid
from typing import Annotated, Any

import msgspec
from litestar import Request
from litestar.exceptions import ClientException, HTTPException
from litestar.params import HeaderParameter, Parameter

from cma_core.identity.model import TenantContext
from cma_core.shared.data import from_data
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import UserId
from cma_core.shared.paging import MAX_CURSOR
from cma_core.shared.service import MAX_OFFSET
from cma_entrypoints.http.common.schemas import LINE

Limit = Annotated[int, Parameter(ge=1, le=200, description="Page size (1-200).")]
Offset = Annotated[
    int,
    Parameter(
        ge=0,
        le=MAX_OFFSET,
        description=f"Items to skip (at most {MAX_OFFSET:,}; page further with cursor).",
    ),
]
#: Keyset pagination: a page's ``next_cursor``, to continue after it (constant cost at any
#: depth, stable while rows are added). With a cursor, ``offset`` must be 0.
Cursor = Annotated[
    str | None,
    Parameter(
        max_length=MAX_CURSOR,
        pattern=r"^[A-Za-z0-9_-]+$(?!\n)",
        description="The previous page's next_cursor: continue after it.",
    ),
]
IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        required=False,
        description='The ETag of the version being edited, e.g. "3". Required for edits.',
    ),
]

#: A user id or ``me`` (the caller), as a query value.
USER_OR_ME = r"^(me|[0-9A-Fa-f-]{32,36})$(?!\n)"
#: A query value naming a user by id, or ``me`` for the caller.
UserOrMe = Annotated[
    str | None,
    Parameter(max_length=36, pattern=USER_OR_ME, description='A user id, or "me" (the caller).'),
]
#: Text to search for, as a query value: one line, up to 200 characters.
SEARCH = {"max_length": 200, "pattern": LINE}

_ETAG = re.compile(r'^(?:W/)?"?(\d+)"?$')


async def tenant_context(request: Request[Any, Any, Any]) -> TenantContext:
    """The caller's tenant context, as ``JWTAuthMiddleware`` verified it from the token."""
    user = request.user
    assert isinstance(user, TenantContext)
    return user


def etag(version: int) -> dict[str, str]:
    """The ``ETag`` header of a record at ``version``."""
    return {"ETag": f'"{version}"'}


def parse_if_match(value: str | None, *, required: bool) -> int | None:
    """Optimistic concurrency: the client sends back the ETag it read."""
    if value is None or not value.strip():
        if required:
            raise HTTPException(
                status_code=428,
                detail='send If-Match with the ETag of the version you are editing, e.g. "3"',
            )
        return None
    match = _ETAG.match(value.strip())
    if not match:
        raise ClientException('If-Match must be an ETag such as "3"')
    return int(match.group(1))


def user_or_me(ctx: TenantContext, value: str | None, field: str) -> UserId | None:
    """A user id query parameter that also takes ``me`` (the caller)."""
    if value is None or value == "":
        return None
    if value == "me":
        return ctx.user_id
    try:
        return UserId(uuid.UUID(value))
    except ValueError:
        raise ValidationError(field, 'must be a user id or "me"') from None


def parse_body(tp: type[Any], data: Any) -> Any:
    """A request body Struct read as the core's attrs command ``tp`` (``from_data`` rules)."""
    return from_data(tp, msgspec.to_builtins(data))
