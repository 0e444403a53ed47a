"""A user's work queue over HTTP (``GET /api/v1/work-queue``), read from the work queue
read model (docs/READ-MODELS.md): open tasks, deadlines due on their cases, today's
appointments and documents waiting for review, soonest first, with counts per section."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec
from litestar import Controller, Response, get
from litestar.params import Parameter
from msgspec import Struct

from cma_core.identity.directory import StaffDirectory
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.readmodels.model import WorkItem, WorkSection
from cma_core.readmodels.workqueue import WorkQueueQuery
from cma_core.tasks.model import TaskKind
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.cases.listing import (
    LIST_HEADERS,
    ConsistencyToken,
    RecentWrites,
    read_headers,
)
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import USER_OR_ME, Cursor, Limit, user_or_me


class WorkItemOut(Struct):
    id: uuid.UUID
    section: WorkSection
    case_id: uuid.UUID | None
    #: When it is due (a task's due time, a deadline's last day), starts (an appointment)
    #: or arrived (a suggestion; an undated task's creation): the queue's order.
    at: dt.datetime
    title: str
    #: A task's priority, a deadline's kind, an appointment's kind, a suggestion's kind.
    label: str | None
    #: A task's kind, its due time (null when undated) and its version (send it as
    #: If-Match to change the task in place); null for the other sections.
    kind: TaskKind | None
    due_at: dt.datetime | None
    version: int | None
    #: The case's reference ("C-000012"); null for a task on no case (and for items the
    #: projection wrote before it carried references, until it rewrites them).
    case_reference: str | None = None
    #: A suggestion's: how many of the values it is made of are to be checked against the
    #: page before accepting (the scan hard to read there, or the reader unsure which value
    #: it is); null for the other sections.
    to_check: int | None = None

    @classmethod
    def of(cls, i: WorkItem) -> WorkItemOut:
        return cls(
            id=i.item_id, section=i.section, case_id=i.case_id, at=i.at, title=i.title,
            label=i.label, kind=TaskKind(i.kind) if i.kind else None, due_at=i.due_at,
            version=i.version, case_reference=i.case_reference, to_check=i.to_check,
        )  # fmt: skip


class WorkCountsOut(Struct):
    task: int
    deadline: int
    appointment: int
    document: int


class WorkQueuePage(Struct):
    user_id: uuid.UUID
    items: list[WorkItemOut]
    #: Items matching the section filter (all sections when none).
    total: int
    limit: int
    counts: WorkCountsOut
    next_cursor: str | None = None


WORK_QUEUE_EXAMPLE = WorkQueuePage(
    user_id=ex.ADVISER_ID,
    items=[
        WorkItemOut(
            id=uuid.UUID("2b3c4d5e-6f70-4a1b-8c2d-3e4f5a6b7c8d"),
            section=WorkSection.DEADLINE,
            case_id=ex.CASE_ID,
            at=dt.datetime(2026, 12, 4, tzinfo=dt.UTC),
            title="C-000012: ccj set aside",
            label="ccj_set_aside",
            kind=None,
            due_at=None,
            version=None,
            case_reference="C-000012",
        ),
        WorkItemOut(
            id=uuid.UUID("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"),
            section=WorkSection.TASK,
            case_id=ex.CASE_ID,
            at=dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC),
            title="Chase the council for statements",
            label="high",
            kind=TaskKind.GENERAL,
            due_at=dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC),
            version=2,
            case_reference="C-000012",
        ),
        WorkItemOut(
            id=uuid.UUID("5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f"),
            section=WorkSection.DOCUMENT,
            case_id=ex.CASE_ID,
            at=dt.datetime(2026, 12, 7, 14, 30, tzinfo=dt.UTC),
            title="C-000012: suggested new debt to review",
            label="new_debt",
            kind=None,
            due_at=None,
            version=None,
            case_reference="C-000012",
            to_check=1,
        ),
    ],
    total=3,
    limit=50,
    counts=WorkCountsOut(task=1, deadline=1, appointment=0, document=1),
)


class WorkQueueController(Controller):
    """Each user's work queue, from the read model."""

    path = "/api/v1/work-queue"
    tags = ["tasks"]

    @get(
        "/",
        guards=[requires(Permission.TASK_READ)],
        summary="A user's work queue, soonest first",
        operation_class=with_example(msgspec.to_builtins(WORK_QUEUE_EXAMPLE), "Three items"),
        response_headers=LIST_HEADERS,
        description="Open tasks assigned to the user, open deadlines of the cases they "
        "advise, their appointments today (Europe/London) and document suggestions waiting "
        "for their review, soonest first, with counts per section; from the work queue read "
        "model (docs/READ-MODELS.md). Your own queue by default; a supervisor (`task:assign`) may "
        "pass `user_id` for someone on the centre's staff. Page with `cursor`.",
    )
    async def work_queue(
        self,
        ctx: TenantContext,
        work_queue: WorkQueueQuery,
        recent_writes: RecentWrites,
        directory: StaffDirectory,
        user_id: Annotated[
            str | None,
            Parameter(max_length=36, pattern=USER_OR_ME, description='A user id, or "me".'),
        ] = None,
        section: WorkSection | None = None,
        limit: Limit = 50,
        cursor: Cursor = None,
        consistency: ConsistencyToken = None,
    ) -> Response[WorkQueuePage]:
        whose = user_or_me(ctx, user_id, "user_id")
        staff = None
        if whose is not None and whose != ctx.user_id:
            staff = frozenset((await directory.names(ctx)).by_id)
        page, counts, version = await work_queue.list(
            ctx,
            user_id=whose,
            section=section,
            limit=limit,
            cursor=cursor,
            written_at=recent_writes.written_at(ctx, consistency),
            staff=staff,
        )
        body = WorkQueuePage(
            user_id=whose or ctx.user_id or uuid.UUID(int=0),
            items=[WorkItemOut.of(i) for i in page.items],
            total=page.total,
            limit=page.limit,
            counts=WorkCountsOut(**{s.value: n for s, n in counts.items()}),
            next_cursor=page.next_cursor,
        )
        return Response(body, headers=read_headers(version))
