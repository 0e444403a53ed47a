"""The case list as the read model serves it (``GET /api/v1/cases``): its response shape,
example and headers, and the consistency token every write answer carries.

Read-your-writes: a successful write under ``/api/`` answers ``X-CMA-Consistency-Token``
(the time it was written); a list request that sends it back waits briefly for the
projection to reach it, else reads the page from the write tables. The list answers
``X-CMA-Read-Version`` (what it reflects: every write of the centre before that instant),
``X-CMA-Read-Lag`` (seconds the projection is behind) and ``X-CMA-Read-Source``
(``projection`` or ``write``). See docs/READ-MODELS.md.
"""

from __future__ import annotations

import collections
import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Annotated, Any, cast

import msgspec
from litestar.datastructures import MutableScopeHeaders, ResponseHeader
from litestar.params import Parameter
from litestar.types import Message, Scope
from msgspec import Struct

from cma_core.cases.model import CaseStatus, CloseReason
from cma_core.compliance.model import Severity, Status
from cma_core.identity.directory import StaffNames
from cma_core.identity.model import TenantContext
from cma_core.readmodels.model import CaseListRow, ReadVersion
from cma_core.shared.errors import ValidationError
from cma_entrypoints.http.cases.examples import CASE_EXAMPLE
from cma_entrypoints.http.common.schemas import PageOf

TOKEN_HEADER = "X-CMA-Consistency-Token"  # noqa: S105 - a header name, not a secret
READ_VERSION = "X-CMA-Read-Version"
READ_LAG = "X-CMA-Read-Lag"
READ_SOURCE = "X-CMA-Read-Source"
EXPOSED = [TOKEN_HEADER, READ_VERSION, READ_LAG, READ_SOURCE]
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

ConsistencyToken = Annotated[
    str | None,
    Parameter(
        header=TOKEN_HEADER,
        max_length=40,
        description="A write answer's X-CMA-Consistency-Token: the list then shows every "
        "write of the centre made up to it (read-your-writes).",
    ),
]

LIST_HEADERS = [
    ResponseHeader(
        name=READ_VERSION,
        description="The read model's version: every write of the centre made before this "
        "instant (ISO 8601, UTC) is in the page.",
        documentation_only=True,
    ),
    ResponseHeader(
        name=READ_LAG,
        description="Seconds the case list projection is behind the centre's writes.",
        documentation_only=True,
    ),
    ResponseHeader(
        name=READ_SOURCE,
        description="`projection` (the read model), or `write` when the projection had not "
        "reached the consistency token in time and the page was read from the write tables.",
        documentation_only=True,
    ),
]


class FindingsOut(Struct):
    """The case's compliance findings: failing ones by severity, and the other verdicts."""

    critical: int
    high: int
    medium: int
    not_assessable: int
    passed: int


class CaseListItemOut(Struct):
    id: uuid.UUID
    reference: str
    client_id: uuid.UUID
    status: CaseStatus
    adviser_id: uuid.UUID | None
    opened_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None
    close_reason: CloseReason | None
    version: int
    client_name: str | None
    adviser_name: str | None
    #: The soonest open deadline's last day.
    next_deadline: dt.date | None
    open_tasks: int
    findings: FindingsOut
    #: The newest change to the case or one of its tasks.
    last_activity_at: dt.datetime

    @classmethod
    def of(cls, row: CaseListRow, staff: StaffNames) -> CaseListItemOut:
        return cls(
            id=row.case_id,
            reference=row.reference,
            client_id=row.client_id,
            status=row.status,
            adviser_id=row.adviser_id,
            opened_at=row.opened_at,
            updated_at=row.updated_at,
            closed_at=row.closed_at,
            close_reason=row.close_reason,
            version=row.case_version,
            client_name=row.client_name,
            adviser_name=staff(row.adviser_id),
            next_deadline=row.next_deadline,
            open_tasks=row.open_tasks,
            findings=findings_out(row.findings),
            last_activity_at=row.last_activity_at,
        )


class CaseListPage(PageOf[CaseListItemOut]):
    items: list[CaseListItemOut]


def findings_out(counts: Mapping[str, Mapping[str, int]]) -> FindingsOut:
    failing = counts.get(Status.FAIL.value, {})
    return FindingsOut(
        critical=failing.get(Severity.CRITICAL.value, 0),
        high=failing.get(Severity.HIGH.value, 0),
        medium=failing.get(Severity.MEDIUM.value, 0),
        not_assessable=sum(counts.get(Status.NOT_ASSESSABLE.value, {}).values()),
        passed=sum(counts.get(Status.PASS.value, {}).values()),
    )


CASE_LIST_EXAMPLE = {
    **msgspec.to_builtins(CASE_EXAMPLE),
    "next_deadline": "2026-12-18",
    "open_tasks": 2,
    "findings": {"critical": 0, "high": 1, "medium": 0, "not_assessable": 3, "passed": 19},
    "last_activity_at": msgspec.to_builtins(CASE_EXAMPLE.updated_at),
}


def written_at(token: str | None) -> dt.datetime | None:
    """The instant a consistency token names (400 naming the header if it is not one)."""
    if token is None:
        return None
    try:
        at = dt.datetime.fromisoformat(token)
    except ValueError:
        raise ValidationError(TOKEN_HEADER, "is not a consistency token a write answered") from None
    if at.tzinfo is None:
        raise ValidationError(TOKEN_HEADER, "is not a consistency token a write answered")
    return at.astimezone(dt.UTC)


def read_headers(version: ReadVersion) -> dict[str, str]:
    return {
        READ_VERSION: version.watermark.astimezone(dt.UTC).isoformat(),
        READ_LAG: f"{version.lag_seconds:.3f}",
        READ_SOURCE: version.source,
    }


class RecentWrites:
    """The ``before_send`` hook that answers every successful write under ``/api/`` with a
    consistency token (the time it was written: its events all occurred before), and
    remembers each user's last one in this process, so a list by the same user is
    consistent with their writes even when the client does not send the token back (the
    web console). Bounded: the oldest users are forgotten first; a forgotten or another
    process's write is covered only by the header."""

    def __init__(self, size: int = 10_000) -> None:
        self._size = size
        self._last: collections.OrderedDict[tuple[object, object], dt.datetime] = (
            collections.OrderedDict()
        )

    async def __call__(self, message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start" or not 200 <= message["status"] < 300:
            return
        raw = cast(dict[str, Any], scope)
        if raw.get("method") not in _UNSAFE or not str(raw.get("path", "")).startswith("/api/"):
            return
        now = dt.datetime.now(dt.UTC)
        MutableScopeHeaders.from_message(message)[TOKEN_HEADER] = now.isoformat()
        ctx = raw.get("user")
        if isinstance(ctx, TenantContext):
            key = (ctx.centre_id, ctx.user_id)
            self._last[key] = now
            self._last.move_to_end(key)
            while len(self._last) > self._size:
                self._last.popitem(last=False)

    def written_at(self, ctx: TenantContext, token: str | None) -> dt.datetime | None:
        """The later of the token sent and the user's last write seen here."""
        sent = written_at(token)
        mine = self._last.get((ctx.centre_id, ctx.user_id))
        if sent is None or mine is None:
            return sent or mine
        return max(sent, mine)
