"""The work queue as use cases, and the tasks other areas' events call for.

Who may do what (``identity.permissions``): ``task:read`` lists and reads, ``task:write``
creates, edits, completes, cancels and reopens, ``task:assign`` gives a task to someone
else. Without ``case:read_all`` a user sees only the tasks assigned to them or created by
them; any other task is reported as not found, like another centre's.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable

from attrs import define, field, frozen

from cma_core.audit.service import commit_audited, record_audit
from cma_core.cases.model import CaseClosed, CaseOpened
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import load_case
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.identity.ports import IdentityStore
from cma_core.shared.clock import Clock
from cma_core.shared.errors import InvalidTransition, NotFound, ValidationError
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import Handles, each_event
from cma_core.shared.ids import CaseId, TaskId, UserId
from cma_core.shared.paging import every_item, start_after, with_next_cursor
from cma_core.shared.service import IdFactory, check_page, check_version
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.model import (
    SORT_KEY_KINDS,
    Task,
    TaskKind,
    TaskPriority,
    TaskSort,
    TaskStatus,
    check_due,
    check_title,
    task_sort_key,
)
from cma_core.tasks.ports import TaskFilter, TaskRepository

# An adviser should make first contact within two days of a case opening.
INITIAL_CONTACT_WITHIN = dt.timedelta(days=2)
_SCAN = 200


@frozen(kw_only=True)
class CreateTask:
    title: str
    case_id: CaseId | None = None
    #: ``None``: the creator.
    assignee_id: UserId | None = None
    due_at: dt.datetime | None = None
    priority: TaskPriority = TaskPriority.NORMAL


_UNSET = object()


@frozen(kw_only=True)
class UpdateTask:
    """A partial edit: fields left ``None`` are not touched; ``clear_due`` removes the due
    date; ``assignee_id`` left as ``UNCHANGED`` is not touched (``None`` unassigns)."""

    expected_version: int | None
    title: str | None = None
    due_at: dt.datetime | None = None
    clear_due: bool = False
    priority: TaskPriority | None = None
    assignee_id: UserId | object | None = _UNSET

    UNCHANGED = _UNSET


@frozen(kw_only=True)
class TaskQuery:
    """The work queue's filters. ``overdue``: open tasks whose due time has passed;
    ``unassigned``: tasks nobody holds (for whoever shares out the work)."""

    assignee_id: UserId | None = None
    unassigned: bool = False
    case_id: CaseId | None = None
    status: TaskStatus | None = None
    due_before: dt.datetime | None = None
    due_after: dt.datetime | None = None
    overdue: bool = False
    sort: TaskSort = TaskSort.DUE


def _visible(ctx: TenantContext, task: Task) -> bool:
    return ctx.can(Permission.CASE_READ_ALL) or ctx.user_id in (task.assignee_id, task.created_by)


def _filter(ctx: TenantContext, q: TaskQuery, now: dt.datetime) -> TaskFilter:
    check_due(q.due_before, "due_before")
    check_due(q.due_after, "due_after")
    due_before, status = q.due_before, q.status
    if q.overdue:
        if status not in (None, TaskStatus.OPEN):
            raise ValidationError("overdue", "only open tasks are overdue")
        status = TaskStatus.OPEN
        due_before = now if due_before is None else min(due_before, now)
    if due_before is not None and q.due_after is not None and due_before <= q.due_after:
        raise ValidationError("due_before", "must be after due_after")
    if q.unassigned and q.assignee_id is not None:
        raise ValidationError("unassigned", "cannot be combined with an assignee")
    return TaskFilter(
        assignee_id=q.assignee_id,
        unassigned=q.unassigned,
        case_id=q.case_id,
        status=status,
        due_before=due_before,
        due_after=q.due_after,
        visible_to=None if ctx.can(Permission.CASE_READ_ALL) else ctx.user_id,
    )


@define
class TaskService:
    uow: UnitOfWorkFactory
    identity: IdentityStore | None = None
    clock: Clock | None = None
    new_id: IdFactory = field(default=uuid.uuid4)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)
    cases: RepositoryFactory[CaseRepository] | None = field(default=None, kw_only=True)

    def _now(self) -> dt.datetime:
        return self.clock.now() if self.clock is not None else dt.datetime.now(dt.UTC)

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
        query: TaskQuery | None = None,
        cursor: str | None = None,
    ) -> Page[Task]:
        """The work queue: tasks of the centre the caller may see, filtered and sorted;
        ``cursor`` (a page's ``next_cursor``) continues after that page."""
        ctx.require(Permission.TASK_READ)
        check_page(limit, offset)
        q = query or TaskQuery(
            assignee_id=assignee_id, case_id=case_id, status=status, due_before=due_before
        )
        where = _filter(ctx, q, self._now())
        after = start_after(cursor, offset, SORT_KEY_KINDS[q.sort])
        async with self.uow(ctx.centre_id) as uow:
            page = await self.tasks(uow).list(
                limit=limit, offset=offset, where=where, sort=q.sort, after=after
            )
        return with_next_cursor(page, lambda t: task_sort_key(t, q.sort))

    async def get(self, ctx: TenantContext, task_id: TaskId) -> Task:
        ctx.require(Permission.TASK_READ)
        async with self.uow(ctx.centre_id) as uow:
            return await self._load(uow, ctx, task_id)

    async def create(self, ctx: TenantContext, cmd: CreateTask) -> Task:
        """A task on a case the caller may see (open), or free-standing; audited."""
        ctx.require(Permission.TASK_WRITE)
        title = check_title(cmd.title)
        due = check_due(cmd.due_at)
        assignee = cmd.assignee_id if cmd.assignee_id is not None else ctx.user_id
        if assignee != ctx.user_id:
            ctx.require(Permission.TASK_ASSIGN)
        if cmd.assignee_id is not None:
            await self._require_staff(ctx, cmd.assignee_id)
        now = self._now()
        async with self.uow(ctx.centre_id) as uow:
            if cmd.case_id is not None:
                case = await load_case(self._cases(uow), ctx, cmd.case_id)
                if not case.is_open:
                    raise InvalidTransition(f"case {case.reference} is closed")
            task = Task(
                id=TaskId(self.new_id()),
                centre_id=ctx.centre_id,
                case_id=cmd.case_id,
                kind=TaskKind.GENERAL,
                title=title,
                assignee_id=assignee,
                due_at=due,
                status=TaskStatus.OPEN,
                created_at=now,
                priority=cmd.priority,
                created_by=ctx.user_id,
            )
            await self.tasks(uow).add(task)
            uow.emit(task.event("created", now))
            await commit_audited(
                uow, ctx, self.new_id, "task.created", "task", task.id, now,
                ("title", "case_id", "assignee_id", "due_at", "priority"),
            )  # fmt: skip
        return task

    async def update(self, ctx: TenantContext, task_id: TaskId, cmd: UpdateTask) -> Task:
        """Edit an open task: title, due date, priority, assignee (``task:assign`` to give
        it to someone else). An edit that changes nothing writes nothing."""
        ctx.require(Permission.TASK_WRITE)
        reassign = cmd.assignee_id is not UpdateTask.UNCHANGED
        assignee: UserId | None = None
        if reassign:
            assert cmd.assignee_id is None or isinstance(cmd.assignee_id, uuid.UUID)
            assignee = UserId(cmd.assignee_id) if cmd.assignee_id is not None else None
            if assignee != ctx.user_id:
                ctx.require(Permission.TASK_ASSIGN)
            if assignee is not None:
                await self._require_staff(ctx, assignee)
        now = self._now()
        async with self.uow(ctx.centre_id) as uow:
            task = await self._load(uow, ctx, task_id, cmd.expected_version)
            changed = list(
                task.edit(
                    now=now,
                    title=cmd.title,
                    due_at=cmd.due_at,
                    clear_due=cmd.clear_due,
                    priority=cmd.priority,
                )
            )
            if reassign and task.assign(assignee, now=now):
                changed.append("assignee_id")
            if not changed:
                return task
            await self._save(uow, ctx, task, "updated", now, tuple(changed))
        return task

    async def complete(
        self,
        ctx: TenantContext,
        task_id: TaskId,
        outcome_note: str | None,
        *,
        expected_version: int | None,
    ) -> Task:
        ctx.require(Permission.TASK_WRITE)
        now = self._now()
        async with self.uow(ctx.centre_id) as uow:
            task = await self._load(uow, ctx, task_id, expected_version)
            task.complete(outcome_note, now=now, by=ctx.user_id)
            await self._save(uow, ctx, task, "completed", now, ("status", "outcome_note"))
        return task

    async def cancel(
        self,
        ctx: TenantContext,
        task_id: TaskId,
        reason: str | None,
        *,
        expected_version: int | None,
    ) -> Task:
        ctx.require(Permission.TASK_WRITE)
        now = self._now()
        async with self.uow(ctx.centre_id) as uow:
            task = await self._load(uow, ctx, task_id, expected_version)
            task.cancel(reason, now=now, by=ctx.user_id)
            await self._save(uow, ctx, task, "cancelled", now, ("status", "outcome_note"))
        return task

    async def reopen(
        self, ctx: TenantContext, task_id: TaskId, *, expected_version: int | None
    ) -> Task:
        ctx.require(Permission.TASK_WRITE)
        now = self._now()
        async with self.uow(ctx.centre_id) as uow:
            task = await self._load(uow, ctx, task_id, expected_version)
            if task.case_id is not None:
                case = await self._cases(uow).get(task.case_id)
                if case is not None and not case.is_open:
                    raise InvalidTransition(f"case {case.reference} is closed: reopen it first")
            task.reopen(now=now)
            await self._save(uow, ctx, task, "reopened", now, ("status", "outcome_note"))
        return task

    async def _load(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        task_id: TaskId,
        expected_version: int | None = None,
    ) -> Task:
        task = await self.tasks(uow).get(task_id)
        if task is None or not _visible(ctx, task):
            raise NotFound("task", task_id)
        check_version("task", expected_version, task.version)
        return task

    async def _save(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        task: Task,
        change: str,
        now: dt.datetime,
        fields: tuple[str, ...],
    ) -> None:
        await self.tasks(uow).save(task)
        uow.emit(task.event(change, now))
        await commit_audited(uow, ctx, self.new_id, f"task.{change}", "task", task.id, now, fields)

    def _cases(self, uow: UnitOfWork) -> CaseRepository:
        if self.cases is None:
            raise RuntimeError("TaskService needs cases= to work on a case's tasks")
        return self.cases(uow)

    async def _require_staff(self, ctx: TenantContext, user_id: UserId) -> None:
        # Checked before the unit of work opens: the identity store is a separate
        # connection, and the embedded SQLite pool has only one.
        user = await self.identity.get_user(user_id) if self.identity is not None else None
        if user is None or not user.active_in(ctx.centre_id):
            raise ValidationError("assignee_id", "no such active user in this centre")


def case_closed_note(reference: str | None, reason: str, on: dt.date) -> str:
    """The outcome note of a task cancelled because its case closed."""
    label = reason.replace("_", " ")
    case = f"case {reference}" if reference else "the case"
    return f"Cancelled automatically: {case} was closed on {on.isoformat()} ({label})."


def tasks_of_case(event: EventEnvelope) -> tuple[str, ...]:
    """The ``Handles.holds`` key of the handlers that write a case's tasks by its events."""
    return (f"tasks-of-case\x1f{event.payload['case_id']}",)


@define
class TaskJobs:
    """The tasks area's event handlers (run by ``EventHandlers.dispatch``, idempotently)."""

    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)
    cases: RepositoryFactory[CaseRepository] | None = field(default=None, kw_only=True)

    def handlers(self) -> tuple[Handles, ...]:
        return (
            # A batch's new cases get their tasks in one unit of work (``each_event``:
            # every event still runs; a duplicate fails the batch, then runs alone).
            # Both write the case's tasks and read whether it is closed: one worker at a
            # time per case (``holds``), or a close handled while the task is being made
            # on another worker finds nothing to cancel and the task stays open.
            Handles(
                CaseOpened,
                "create_initial_contact_task",
                self.create_initial_contact_task,
                coalesce=each_event,
                holds=tasks_of_case,
            ),
            Handles(
                CaseClosed,
                "close_tasks_of_closed_case",
                self.close_tasks_of_closed_case,
                holds=tasks_of_case,
            ),
        )

    async def create_initial_contact_task(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        """The new case's first task. For a case already closed when this runs, the task is
        made cancelled, as ``close_tasks_of_closed_case`` would have left it: in a batch
        this coalescing handler runs after that one (which then found nothing to cancel),
        so a case opened and closed at once would otherwise keep an open task for good."""
        case_id = CaseId(uuid.UUID(event.payload["case_id"]))
        case = await self.cases(uow).get(case_id) if self.cases is not None else None
        now = self.clock.now()
        adviser = event.payload.get("adviser_id")
        task = Task(
            id=TaskId(self.new_id()),
            centre_id=event.centre_id,
            case_id=case_id,
            kind=TaskKind.INITIAL_CONTACT,
            title="Make initial contact with the client",
            assignee_id=UserId(uuid.UUID(adviser)) if adviser else None,
            due_at=event.occurred_at + INITIAL_CONTACT_WITHIN,
            status=TaskStatus.OPEN,
            created_at=now,
            source_event_id=event.event_id,
        )
        repo = self.tasks(uow)
        if case is None or case.is_open:
            await repo.add(task)
        await record_audit(
            uow, TenantContext.system(event.centre_id), self.new_id, "task.created", "task",
            task.id, now, ("kind", "assignee_id", "due_at"), source_event_id=event.event_id,
        )  # fmt: skip
        if case is not None and not case.is_open:
            reason = case.close_reason.value if case.close_reason else "other"
            note = case_closed_note(case.reference, reason, (case.closed_at or now).date())
            await self._cancel_for_closed_case(uow, task, note, now, event, store=repo.add)

    async def close_tasks_of_closed_case(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        """A closed case leaves no open work: each open task of it is cancelled, with an
        outcome note saying the case closed (not completed: the work was not done, and
        rules read a completed task as done). Idempotent: a rerun finds none open; a case
        reopened since keeps its tasks open."""
        case_id = CaseId(uuid.UUID(event.payload["case_id"]))
        reference: str | None = None
        if self.cases is not None:
            case = await self.cases(uow).get(case_id)
            if case is None or case.is_open:
                return
            reference = case.reference
        now = self.clock.now()
        note = case_closed_note(reference, str(event.payload["reason"]), event.occurred_at.date())
        repo = self.tasks(uow)
        # Every open task, read before any is cancelled (cancelling takes it off the list).
        open_tasks = await every_item(
            lambda limit, offset: repo.list(
                limit=limit, offset=offset, case_id=case_id, status=TaskStatus.OPEN
            ),
            _SCAN,
        )
        for task in open_tasks:
            await self._cancel_for_closed_case(uow, task, note, now, event, store=repo.save)

    async def _cancel_for_closed_case(
        self,
        uow: UnitOfWork,
        task: Task,
        note: str,
        now: dt.datetime,
        event: EventEnvelope,
        *,
        store: Callable[[Task], Awaitable[None]],
    ) -> None:
        """Cancel an open task of a closed case: ``store`` it (``save``, or ``add`` for one
        made just now), emit its event and audit it."""
        task.cancel(note, now=now, by=None)
        await store(task)
        uow.emit(task.event("cancelled", now))
        await record_audit(
            uow, TenantContext.system(event.centre_id), self.new_id, "task.cancelled", "task",
            task.id, now, ("status", "outcome_note"), source_event_id=event.event_id,
        )  # fmt: skip
