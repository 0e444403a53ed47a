"""Reminders: the planned ones before they are due, the sent ones, and cancelling one."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.params import Parameter

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.scheduling.ports import (
    ReminderStatus,
)
from cma_core.scheduling.reminders import Audience
from cma_core.scheduling.service import (
    SchedulingService,
)
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import (
    Cursor,
    IfMatch,
    Limit,
    Offset,
)
from cma_entrypoints.http.common.responses import (
    page_out,
    versioned_change,
)
from cma_entrypoints.http.scheduling.examples import (
    CANCELLED_REMINDER,
    REMINDER,
)
from cma_entrypoints.http.scheduling.schemas import (
    ReminderOut,
    ReminderPage,
)


class ReminderController(Controller):
    path = "/api/v1/reminders"
    tags = ["case clock"]

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="Reminders the scheduler planned and sent",
        operation_class=with_example(ex.page(REMINDER), "One planned text"),
        description="Reminders of the centre, oldest `send_at` first: pending, sent, "
        "or skipped (with the reason, e.g. no address on file). With `case_id`, that "
        "case's only, for anyone who may see the case (a caseworker their own cases; 404 "
        "otherwise); without it, the whole centre's, which needs `case:read_all`.",
    )
    async def list_reminders(
        self,
        ctx: TenantContext,
        scheduling: SchedulingService,
        limit: Limit = 50,
        offset: Offset = 0,
        status: Annotated[
            ReminderStatus | None,
            Parameter(description="`planned`: ahead and not yet due (not stored yet)."),
        ] = None,
        audience: Audience | None = None,
        subject_kind: Annotated[str | None, Parameter(max_length=64)] = None,
        cursor: Cursor = None,
        case_id: Annotated[
            uuid.UUID | None, Parameter(description="Only this case's reminders.")
        ] = None,
    ) -> ReminderPage:
        page = await scheduling.list_reminders(
            ctx,
            limit=limit,
            offset=offset,
            cursor=cursor,
            status=status,
            audience=audience.value if audience else None,
            subject_kind=subject_kind,
            case_id=CaseId(case_id) if case_id else None,
        )
        return page_out(ReminderPage, ReminderOut.of, page)

    @post(
        "/{key:str}/cancel",
        guards=[requires(Permission.CASE_READ), requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Cancel a reminder before it is sent",
        operation_class=with_example(CANCELLED_REMINDER, "Cancelled before it was due"),
        description="A pending or a planned (`status=planned`, version 0) one: kept as "
        "`cancelled` so the sweep never sends it. `If-Match` with the reminder's `version` "
        "(428 without, 412 stale). 409 once sent, skipped or cancelled; 404 for a reminder "
        "of a case you may not see.",
    )
    async def cancel_reminder(
        self,
        ctx: TenantContext,
        key: Annotated[str, Parameter(max_length=200, pattern="^[A-Za-z0-9:_.-]{1,200}$")],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[ReminderOut]:
        return await versioned_change(
            scheduling.cancel_reminder, ReminderOut.of, ctx, key, if_match=if_match
        )
