"""A case's timeline over HTTP (``GET /api/v1/cases/{case_id}/timeline``), read from the
timeline read model (docs/READ-MODELS.md): newest first, keyset pages, a ``kind`` filter,
and the same read-version headers and consistency token as the case list."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec
from litestar import Controller, Response, get
from litestar.params import Parameter
from msgspec import Struct

from cma_core.identity.directory import StaffDirectory, StaffNames
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.readmodels.model import TimelineEntry, TimelineKind
from cma_core.readmodels.timeline import CaseTimelineQuery
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.cases.listing import (
    LIST_HEADERS,
    ConsistencyToken,
    RecentWrites,
    read_headers,
)
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import Cursor, Limit
from cma_entrypoints.http.common.responses import page_out
from cma_entrypoints.http.common.schemas import PageOf


class TimelineEntryOut(Struct):
    id: uuid.UUID
    kind: TimelineKind
    #: What happened (opened, closed, reopened, added, uploaded, processed, failed, set,
    #: met, missed, booked, attended, no_show, cancelled, created, completed, logged,
    #: produced, sent, raised).
    action: str
    at: dt.datetime
    #: The record the entry is about (the note, document, deadline...; the case itself).
    subject_id: uuid.UUID
    actor_id: uuid.UUID | None
    actor_name: str | None
    title: str
    #: The record's own words (a note's body, a filename); null for a sensitive note.
    detail: str | None
    sensitive: bool

    @classmethod
    def of(cls, e: TimelineEntry, staff: StaffNames) -> TimelineEntryOut:
        return cls(
            id=e.entry_id,
            kind=e.kind,
            action=e.action,
            at=e.at,
            subject_id=e.subject_id,
            actor_id=e.actor_id,
            actor_name=staff(e.actor_id),
            title=e.title,
            detail=e.detail,
            sensitive=e.sensitive,
        )


class TimelinePage(PageOf[TimelineEntryOut]):
    items: list[TimelineEntryOut]


TIMELINE_EXAMPLE = [
    TimelineEntryOut(
        id=uuid.UUID("5f0c6a58-3c1e-5b0a-9d7e-2b4f6a8c0e12"),
        kind=TimelineKind.NOTE,
        action="added",
        at=ex.AT,
        subject_id=uuid.UUID("7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
        actor_id=ex.ADVISER_ID,
        actor_name="Ada Adviser",
        title="Note added",
        detail="Phoned the client: brought 6 letters to the first meeting.",
        sensitive=False,
    ),
    TimelineEntryOut(
        id=uuid.UUID("0a4b8d2e-6f1c-5e3a-8b7d-9c2e4f6a8b01"),
        kind=TimelineKind.NOTE,
        action="added",
        at=ex.EARLIER + dt.timedelta(hours=1),
        subject_id=uuid.UUID("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"),
        actor_id=ex.ADVISER_ID,
        actor_name="Ada Adviser",
        title="Sensitive note",
        detail=None,
        sensitive=True,
    ),
    TimelineEntryOut(
        id=uuid.UUID("3e5f7a9b-1c2d-5e4f-a6b8-c0d2e4f6a8b3"),
        kind=TimelineKind.CASE,
        action="opened",
        at=ex.EARLIER,
        subject_id=ex.CASE_ID,
        actor_id=None,
        actor_name=None,
        title="Case opened",
        detail=None,
        sensitive=False,
    ),
]

Kinds = Annotated[
    list[TimelineKind] | None,
    Parameter(description="Only entries of these kinds (repeat the parameter for several)."),
]


class CaseTimelineController(Controller):
    """A case's timeline, from the read model."""

    path = "/api/v1/cases"
    tags = ["cases"]

    @get(
        "/{case_id:uuid}/timeline",
        guards=[requires(Permission.CASE_READ)],
        summary="A case's timeline, newest first",
        operation_class=with_example(
            {**ex.page(*(msgspec.to_builtins(e) for e in TIMELINE_EXAMPLE))},
            "An opened case with two notes",
        ),
        response_headers=LIST_HEADERS,
        description="What happened on the case, newest first (then by entry id): opened, "
        "closed and reopened, notes (a sensitive note shows as `Sensitive note` with no "
        "words), documents, deadlines, appointments, tasks, contacts, letters, debts and "
        "failing compliance findings; from the timeline read model (docs/READ-MODELS.md). "
        "Anyone who may read the case may read it (a caseworker their own cases). Page with "
        "`cursor`; filter with `kind`. Send a write answer's `X-CMA-Consistency-Token` to "
        "see that write (read-your-writes).",
    )
    async def timeline(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        case_timeline: CaseTimelineQuery,
        recent_writes: RecentWrites,
        directory: StaffDirectory,
        limit: Limit = 50,
        kind: Kinds = None,
        cursor: Cursor = None,
        consistency: ConsistencyToken = None,
    ) -> Response[TimelinePage]:
        page, version = await case_timeline.list(
            ctx,
            CaseId(case_id),
            limit=limit,
            kinds=kind or (),
            cursor=cursor,
            written_at=recent_writes.written_at(ctx, consistency),
        )
        staff = await directory.names(ctx)
        body = page_out(TimelinePage, lambda e: TimelineEntryOut.of(e, staff), page)
        return Response(body, headers=read_headers(version))
