"""Task queries, and the tasks other areas' events call for (the initial contact)."""

from __future__ import annotations

import datetime as dt
import uuid

from attrs import define, field

from cma_core.audit.service import record_audit
from cma_core.cases.model import CaseOpened
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.clock import Clock
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import Handles
from cma_core.shared.ids import CaseId, TaskId, UserId
from cma_core.shared.service import IdFactory, check_page
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.model import Task, TaskKind, TaskStatus
from cma_core.tasks.ports import TaskRepository

# An adviser should make first contact within two days of a case opening.
INITIAL_CONTACT_WITHIN = dt.timedelta(days=2)


@define
class TaskService:
    uow: UnitOfWorkFactory
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)

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
            return await self.tasks(uow).list(
                limit=limit,
                offset=offset,
                assignee_id=assignee_id,
                case_id=case_id,
                status=status,
                due_before=due_before,
            )


@define
class TaskJobs:
    """The tasks area's event handlers (run by ``EventHandlers.dispatch``, idempotently)."""

    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)

    def handlers(self) -> tuple[Handles, ...]:
        return (
            Handles(CaseOpened, "create_initial_contact_task", self.create_initial_contact_task),
        )

    async def create_initial_contact_task(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        now = self.clock.now()
        adviser = event.payload.get("adviser_id")
        task = Task(
            id=TaskId(self.new_id()),
            centre_id=event.centre_id,
            case_id=CaseId(uuid.UUID(event.payload["case_id"])),
            kind=TaskKind.INITIAL_CONTACT,
            title="Make initial contact with the client",
            assignee_id=UserId(uuid.UUID(adviser)) if adviser else None,
            due_at=event.occurred_at + INITIAL_CONTACT_WITHIN,
            status=TaskStatus.OPEN,
            created_at=now,
            source_event_id=event.event_id,
        )
        await self.tasks(uow).add(task)
        await record_audit(
            uow, TenantContext.system(event.centre_id), self.new_id, "task.created", "task",
            task.id, now, ("kind", "assignee_id", "due_at"), source_event_id=event.event_id,
        )  # fmt: skip
