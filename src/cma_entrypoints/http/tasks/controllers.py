"""The work queue over HTTP: list, create, read, edit, complete, cancel, reopen."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec
from litestar import Controller, Response, get, patch, post
from litestar.params import Parameter

from cma_core.identity.directory import StaffDirectory
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.ids import CaseId, TaskId, UserId
from cma_core.tasks.model import Task, TaskSort, TaskStatus
from cma_core.tasks.service import CreateTask, TaskQuery, TaskService, UpdateTask
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import (
    USER_OR_ME,
    Cursor,
    IfMatch,
    Limit,
    Offset,
    parse_if_match,
    user_or_me,
)
from cma_entrypoints.http.common.responses import created, page_out, versioned
from cma_entrypoints.http.tasks.examples import DONE_EXAMPLE, TASK_EXAMPLE
from cma_entrypoints.http.tasks.schemas import (
    CancelIn,
    CompleteIn,
    TaskIn,
    TaskOut,
    TaskPage,
    TaskPatch,
)

_EDIT = (
    "Send `If-Match` with the task's ETag: 412 if it changed since you read it, 428 "
    "without it. 409 if the task is not in a state that allows this. Audited."
)


async def _out(task: Task, ctx: TenantContext, directory: StaffDirectory) -> Response[TaskOut]:
    names = await directory.names(ctx)
    return versioned(TaskOut.of(task, names), task.version)


class TaskController(Controller):
    path = "/api/v1/tasks"
    tags = ["tasks"]

    @get(
        "/",
        guards=[requires(Permission.TASK_READ)],
        summary="The task queue",
        operation_class=with_example(ex.page(TASK_EXAMPLE), "One open task"),
        description="`assignee=me` gives your own work queue. `overdue=true`: open tasks "
        "whose due time has passed. `due_before` (exclusive) and `due_after` (inclusive) "
        "leave out undated tasks. `sort`: `due` (soonest first, undated last; the default), "
        "`priority` (most urgent first, then soonest due) or `created` (newest first). "
        "`unassigned=true`: only tasks nobody holds (not with `assignee`). "
        "Without `case:read_all` you see the tasks assigned to you or created by you.",
    )
    async def list_tasks(
        self,
        ctx: TenantContext,
        tasks: TaskService,
        directory: StaffDirectory,
        limit: Limit = 50,
        offset: Offset = 0,
        assignee: Annotated[
            str | None,
            Parameter(max_length=36, pattern=USER_OR_ME, description='A user id, or "me".'),
        ] = None,
        case_id: uuid.UUID | None = None,
        status: TaskStatus | None = None,
        due_before: dt.datetime | None = None,
        due_after: dt.datetime | None = None,
        overdue: bool = False,
        unassigned: Annotated[
            bool, Parameter(description="Only tasks nobody holds; not with `assignee`.")
        ] = False,
        sort: TaskSort = TaskSort.DUE,
        cursor: Cursor = None,
    ) -> TaskPage:
        page = await tasks.list(
            ctx,
            limit=limit,
            offset=offset,
            cursor=cursor,
            query=TaskQuery(
                assignee_id=user_or_me(ctx, assignee, "assignee"),
                case_id=CaseId(case_id) if case_id else None,
                status=status,
                due_before=due_before,
                due_after=due_after,
                overdue=overdue,
                unassigned=unassigned,
                sort=sort,
            ),
        )
        names = await directory.names(ctx)
        return page_out(TaskPage, lambda t: TaskOut.of(t, names), page)

    @post(
        "/",
        guards=[requires(Permission.TASK_WRITE)],
        summary="Create a task",
        operation_class=with_example(TASK_EXAMPLE, "Created"),
        description="On a case you can see (`case_id`, open) or free-standing (no "
        "`case_id`). Assigned to you unless `assignee_id` names someone else of the "
        "centre, which needs `task:assign`. Audited `task.created`.",
    )
    async def create_task(
        self,
        ctx: TenantContext,
        data: Annotated[
            TaskIn,
            example_body(
                "A follow-up on a case",
                {
                    "title": "Ask the client for three months' bank statements",
                    "case_id": str(ex.CASE_ID),
                    "due_at": "2026-12-05T17:00:00Z",
                    "priority": "high",
                },
            ),
        ],
        tasks: TaskService,
        directory: StaffDirectory,
    ) -> Response[TaskOut]:
        task = await tasks.create(
            ctx,
            CreateTask(
                title=data.title,
                case_id=CaseId(data.case_id) if data.case_id else None,
                assignee_id=UserId(data.assignee_id) if data.assignee_id else None,
                due_at=data.due_at,
                priority=data.priority,
            ),
        )
        names = await directory.names(ctx)
        return created(TaskOut.of(task, names), task.version, f"/api/v1/tasks/{task.id}")

    @get(
        "/{task_id:uuid}",
        guards=[requires(Permission.TASK_READ)],
        summary="A task",
        operation_class=with_example(TASK_EXAMPLE, "An open task"),
    )
    async def get_task(
        self, ctx: TenantContext, task_id: uuid.UUID, tasks: TaskService, directory: StaffDirectory
    ) -> Response[TaskOut]:
        return await _out(await tasks.get(ctx, TaskId(task_id)), ctx, directory)

    @patch(
        "/{task_id:uuid}",
        guards=[requires(Permission.TASK_WRITE)],
        summary="Edit, reschedule, reprioritise or reassign an open task",
        operation_class=with_example(TASK_EXAMPLE, "Rescheduled"),
        description="Only the fields sent change; `null` clears the due date or unassigns. "
        "Giving the task to someone else needs `task:assign`. " + _EDIT,
    )
    async def update_task(
        self,
        ctx: TenantContext,
        task_id: uuid.UUID,
        data: Annotated[
            TaskPatch,
            example_body(
                "Reassign and reschedule",
                {"assignee_id": str(ex.ADVISER_ID), "due_at": "2026-12-08T12:00:00Z"},
            ),
        ],
        tasks: TaskService,
        directory: StaffDirectory,
        if_match: IfMatch = None,
    ) -> Response[TaskOut]:
        expected = parse_if_match(if_match, required=True)
        assignee: object = UpdateTask.UNCHANGED
        if data.assignee_id is not msgspec.UNSET:
            assignee = UserId(data.assignee_id) if data.assignee_id else None
        due = data.due_at if data.due_at is not msgspec.UNSET else None
        task = await tasks.update(
            ctx,
            TaskId(task_id),
            UpdateTask(
                expected_version=expected,
                title=data.title if data.title is not msgspec.UNSET else None,
                due_at=due,
                clear_due=data.due_at is None,
                priority=data.priority if data.priority is not msgspec.UNSET else None,
                assignee_id=assignee,
            ),
        )
        return await _out(task, ctx, directory)

    @post(
        "/{task_id:uuid}/complete",
        guards=[requires(Permission.TASK_WRITE)],
        status_code=200,
        summary="Complete a task, saying what came of it",
        operation_class=with_example(DONE_EXAMPLE, "Done"),
        description="Audited `task.completed`. " + _EDIT,
    )
    async def complete_task(
        self,
        ctx: TenantContext,
        task_id: uuid.UUID,
        data: Annotated[
            CompleteIn,
            example_body("Done", {"outcome_note": "Statements received and filed."}),
        ],
        tasks: TaskService,
        directory: StaffDirectory,
        if_match: IfMatch = None,
    ) -> Response[TaskOut]:
        expected = parse_if_match(if_match, required=True)
        task = await tasks.complete(
            ctx, TaskId(task_id), data.outcome_note, expected_version=expected
        )
        return await _out(task, ctx, directory)

    @post(
        "/{task_id:uuid}/cancel",
        guards=[requires(Permission.TASK_WRITE)],
        status_code=200,
        summary="Cancel a task, saying why",
        operation_class=with_example(TASK_EXAMPLE, "Cancelled"),
        description="The reason is kept as the task's outcome note. Audited "
        "`task.cancelled`. " + _EDIT,
    )
    async def cancel_task(
        self,
        ctx: TenantContext,
        task_id: uuid.UUID,
        data: Annotated[
            CancelIn, example_body("No longer needed", {"reason": "Client sent them unasked."})
        ],
        tasks: TaskService,
        directory: StaffDirectory,
        if_match: IfMatch = None,
    ) -> Response[TaskOut]:
        expected = parse_if_match(if_match, required=True)
        task = await tasks.cancel(ctx, TaskId(task_id), data.reason, expected_version=expected)
        return await _out(task, ctx, directory)

    @post(
        "/{task_id:uuid}/reopen",
        guards=[requires(Permission.TASK_WRITE)],
        status_code=200,
        summary="Reopen a completed or cancelled task",
        operation_class=with_example(TASK_EXAMPLE, "Open again"),
        description="Clears the outcome note (the audit trail keeps the history). Refused "
        "(409) while the task's case is closed. Audited `task.reopened`. " + _EDIT,
    )
    async def reopen_task(
        self,
        ctx: TenantContext,
        task_id: uuid.UUID,
        tasks: TaskService,
        directory: StaffDirectory,
        if_match: IfMatch = None,
    ) -> Response[TaskOut]:
        expected = parse_if_match(if_match, required=True)
        task = await tasks.reopen(ctx, TaskId(task_id), expected_version=expected)
        return await _out(task, ctx, directory)
