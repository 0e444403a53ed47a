"""The task queue over HTTP."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId
from cma_core.tasks.model import TaskStatus
from cma_core.tasks.service import TaskService
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import (
    USER_OR_ME,
    Limit,
    Offset,
    user_or_me,
)
from cma_entrypoints.http.common.responses import page_out
from cma_entrypoints.http.tasks.examples import TASK_EXAMPLE
from cma_entrypoints.http.tasks.schemas import TaskOut, TaskPage


class TaskController(Controller):
    path = "/api/v1/tasks"
    tags = ["tasks"]

    @get(
        "/",
        guards=[requires(Permission.TASK_READ)],
        summary="The task queue",
        operation_class=with_example(ex.page(TASK_EXAMPLE), "One open task"),
        description="Soonest due first. `assignee=me` gives your own work queue.",
    )
    async def list_tasks(
        self,
        ctx: TenantContext,
        tasks: TaskService,
        limit: Limit = 50,
        offset: Offset = 0,
        assignee: Annotated[
            str | None,
            Parameter(max_length=36, pattern=USER_OR_ME, description='A user id, or "me".'),
        ] = None,
        case_id: uuid.UUID | None = None,
        status: TaskStatus | None = None,
        due_before: dt.datetime | None = None,
    ) -> TaskPage:
        if due_before is not None and due_before.tzinfo is None:
            raise ValidationError("due_before", "must include a timezone, e.g. Z")
        page = await tasks.list(
            ctx,
            limit=limit,
            offset=offset,
            assignee_id=user_or_me(ctx, assignee, "assignee"),
            case_id=CaseId(case_id) if case_id else None,
            status=status,
            due_before=due_before,
        )
        return page_out(TaskPage, TaskOut.of, page)
