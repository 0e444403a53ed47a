"""The in-memory task repository, joined to ``InMemoryUnitOfWork`` through ``tasks``."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from cma_adapters.memory.uow import InMemoryUnitOfWork, Staging, page_of
from cma_core.shared.errors import Conflict, CrossTenantAccess, StaleVersion
from cma_core.shared.ids import CaseId, EventId, TaskId, UserId
from cma_core.shared.uow import Page, UnitOfWork
from cma_core.tasks.model import Task, TaskSort, TaskStatus, task_sort_key
from cma_core.tasks.ports import TaskFilter, TaskRepository

_FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.UTC)


class InMemoryTaskRepository(TaskRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow, self._db, self._centre = uow, uow.db, uow.centre_id

    @property
    def _st(self) -> Staging:
        return self._uow.staging

    async def add(self, task: Task) -> None:
        if task.centre_id != self._centre:
            raise CrossTenantAccess("task belongs to another centre")
        if task.source_event_id is not None:
            # As the database's unique key does: one task per source event.
            if (
                task.source_event_id in self._st.task_events
                or await self.find_by_source_event(task.source_event_id) is not None
            ):
                raise Conflict("a task for this event already exists")
            self._st.task_events.add(task.source_event_id)
        stored = copy.deepcopy(task)
        self._st.ops.append(lambda: self._db.tasks.__setitem__(task.id, stored))

    async def get(self, task_id: TaskId) -> Task | None:
        task = self._db.tasks.get(task_id)
        if task is None or task.centre_id != self._centre:
            return None
        return copy.deepcopy(task)

    async def find_by_source_event(self, event_id: EventId) -> Task | None:
        for task in self._db.tasks.values():
            if task.centre_id == self._centre and task.source_event_id == event_id:
                return copy.deepcopy(task)
        return None

    async def save(self, task: Task) -> None:
        if task.centre_id != self._centre:
            raise CrossTenantAccess("task belongs to another centre")
        expected = self._st.base_versions.setdefault(task.id, task.version)
        task.version += 1
        stored = copy.deepcopy(task)

        def check() -> None:
            current = self._db.tasks.get(task.id)
            if current is None or current.centre_id != self._centre or current.version != expected:
                raise StaleVersion("task", expected, current.version if current else 0)

        self._st.checks.append(check)
        self._st.ops.append(lambda: self._db.tasks.__setitem__(task.id, stored))

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        assignee_id: UserId | None = None,
        case_id: CaseId | None = None,
        status: TaskStatus | None = None,
        due_before: dt.datetime | None = None,
        where: TaskFilter | None = None,
        sort: TaskSort = TaskSort.DUE,
        after: tuple[Any, ...] | None = None,
    ) -> Page[Task]:
        filters = [
            TaskFilter(
                assignee_id=assignee_id, case_id=case_id, status=status, due_before=due_before
            ),
            where or TaskFilter(),
        ]
        rows = [
            t
            for t in self._db.tasks.values()
            if t.centre_id == self._centre and all(_matches(t, f) for f in filters)
        ]
        rows.sort(key=lambda t: (t.created_at, t.id))
        if sort is TaskSort.CREATED:
            rows.sort(key=lambda t: (t.created_at, t.id), reverse=True)
        elif sort is TaskSort.PRIORITY:
            rows.sort(key=lambda t: (t.priority.rank, t.due_at or _FAR_FUTURE))
        else:
            rows.sort(key=lambda t: t.due_at or _FAR_FUTURE)
        return page_of(
            [copy.deepcopy(t) for t in rows],
            limit,
            offset,
            after=after,
            key=lambda t: task_sort_key(t, sort),
            descending=sort is TaskSort.CREATED,
        )


def _matches(t: Task, f: TaskFilter) -> bool:
    return (
        (f.assignee_id is None or t.assignee_id == f.assignee_id)
        and (not f.unassigned or t.assignee_id is None)
        and (f.case_id is None or t.case_id == f.case_id)
        and (f.status is None or t.status == f.status)
        and (f.due_before is None or (t.due_at is not None and t.due_at < f.due_before))
        and (f.due_after is None or (t.due_at is not None and t.due_at >= f.due_after))
        and (f.visible_to is None or f.visible_to in (t.assignee_id, t.created_by))
    )


def tasks(uow: UnitOfWork) -> TaskRepository:
    return InMemoryTaskRepository(InMemoryUnitOfWork.of(uow))
