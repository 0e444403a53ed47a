"""Task queries."""

from __future__ import annotations

import datetime as dt

from attrs import define

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.ids import CaseId, UserId
from cma_core.shared.service import check_page
from cma_core.shared.uow import Page, UnitOfWorkFactory
from cma_core.tasks.model import Task, TaskStatus


@define
class TaskService:
    uow: UnitOfWorkFactory

    async def list(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        assignee_id: UserId | None = None,
        case_id: CaseId | None = None,
        status: TaskStatus | None = None,
        due_before: dt.datetime | None = None,
    ) -> Page[Task]:
        ctx.require(Permission.TASK_READ)
        check_page(limit, offset)
        if not ctx.can(Permission.CASE_READ_ALL):
            assignee_id = ctx.user_id
        async with self.uow(ctx.centre_id) as uow:
            return await uow.tasks.list(
                limit=limit,
                offset=offset,
                assignee_id=assignee_id,
                case_id=case_id,
                status=status,
                due_before=due_before,
            )
