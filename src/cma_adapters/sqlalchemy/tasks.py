"""The SQL task repository, joined to ``SqlAlchemyUnitOfWork`` through ``tasks``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, case, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.rows import TaskRow
from cma_adapters.sqlalchemy.uow import (
    SqlAlchemyUnitOfWork,
    SqlContext,
    keyset,
    page_from,
    page_total,
)
from cma_core.shared.errors import Conflict, StaleVersion
from cma_core.shared.ids import CaseId, EventId, TaskId, UserId
from cma_core.shared.uow import Page, UnitOfWork
from cma_core.tasks.model import UNDATED, Task, TaskPriority, TaskSort, TaskStatus
from cma_core.tasks.ports import TaskFilter, TaskRepository

tasks_t = cast(Table, TaskRow.__table__)


class SqlAlchemyTaskRepository(TaskRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def add(self, task: Task) -> None:
        self._x.own(task.centre_id, "task")
        self._x.wrote("tasks", task.case_id)
        # Checked first so the usual duplicate is a clean Conflict; the unique key still
        # settles a race (the transaction then fails and rolls back). No savepoint: on
        # SQLite a savepoint as a transaction's first statement commits on release.
        if task.source_event_id is not None and await self.find_by_source_event(
            task.source_event_id
        ):
            raise Conflict("a task for this event already exists")
        try:
            await self._x.c.execute(insert(tasks_t).values(m.task_to_row(task)))
        except IntegrityError as exc:
            raise Conflict("a task for this event already exists") from exc

    async def get(self, task_id: TaskId) -> Task | None:
        row = (
            (
                await self._x.c.execute(
                    select(tasks_t).where(
                        tasks_t.c.id == task_id, tasks_t.c.centre_id == self._x.centre_id
                    )
                )
            )
            .mappings()
            .first()
        )
        return m.task_from_row(row) if row else None

    async def find_by_source_event(self, event_id: EventId) -> Task | None:
        row = (
            (
                await self._x.c.execute(
                    select(tasks_t).where(
                        tasks_t.c.source_event_id == event_id,
                        tasks_t.c.centre_id == self._x.centre_id,
                    )
                )
            )
            .mappings()
            .first()
        )
        return m.task_from_row(row) if row else None

    async def save(self, task: Task) -> None:
        self._x.own(task.centre_id, "task")
        self._x.wrote("tasks")  # its case may have changed
        expected = task.version
        values = m.task_to_row(task)
        values.update(version=expected + 1)
        for key in ("id", "centre_id", "created_at", "source_event_id"):
            values.pop(key)
        result = await self._x.c.execute(
            update(tasks_t)
            .where(
                tasks_t.c.id == task.id,
                tasks_t.c.centre_id == self._x.centre_id,
                tasks_t.c.version == expected,
            )
            .values(values)
        )
        if result.rowcount != 1:
            actual = (
                await self._x.c.execute(
                    select(tasks_t.c.version).where(
                        tasks_t.c.id == task.id, tasks_t.c.centre_id == self._x.centre_id
                    )
                )
            ).scalar()
            raise StaleVersion("task", expected, actual or 0)
        task.version = expected + 1

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
        alone = (assignee_id, status, due_before, where, after) == (None,) * 5
        if alone and case_id is not None and offset == 0 and sort is TaskSort.DUE:
            together = await self._x.rows_together("tasks", case_id, self._of_cases)
            if together is not None:
                items = [m.task_from_row(r) for r in together[:limit]]
                return page_from(items, len(together), limit, 0)
        conditions: list[ColumnElement[bool]] = [tasks_t.c.centre_id == self._x.centre_id]
        for f in (
            TaskFilter(
                assignee_id=assignee_id, case_id=case_id, status=status, due_before=due_before
            ),
            where or TaskFilter(),
        ):
            conditions.extend(_conditions(f))
        rows = (
            (
                await self._x.c.execute(
                    select(tasks_t)
                    .where(
                        *conditions,
                        *keyset(_KEYSET[sort], after, descending=sort is TaskSort.CREATED),
                    )
                    .order_by(*_ORDER[sort])
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        count = select(func.count()).select_from(tasks_t).where(*conditions)
        total = await page_total(self._x.c, count, len(rows), limit, offset, after)
        return page_from([m.task_from_row(r) for r in rows], total, limit, offset)

    def _of_cases(self, case_ids: Sequence[Any]) -> Any:
        """The tasks of several cases, in ``list``'s order (``rows_together``)."""
        return (
            select(tasks_t)
            .where(tasks_t.c.centre_id == self._x.centre_id, tasks_t.c.case_id.in_(case_ids))
            .order_by(*_ORDER[TaskSort.DUE])
        )


def _conditions(f: TaskFilter) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.assignee_id is not None:
        out.append(tasks_t.c.assignee_id == f.assignee_id)
    if f.unassigned:
        out.append(tasks_t.c.assignee_id.is_(None))
    if f.case_id is not None:
        out.append(tasks_t.c.case_id == f.case_id)
    if f.status is not None:
        out.append(tasks_t.c.status == f.status.value)
    if f.due_before is not None:
        out.append(and_(tasks_t.c.due_at.is_not(None), tasks_t.c.due_at < f.due_before))
    if f.due_after is not None:
        out.append(and_(tasks_t.c.due_at.is_not(None), tasks_t.c.due_at >= f.due_after))
    if f.visible_to is not None:
        out.append((tasks_t.c.assignee_id == f.visible_to) | (tasks_t.c.created_by == f.visible_to))
    return out


_RANK = case(
    *((tasks_t.c.priority == p.value, p.rank) for p in TaskPriority),
    else_=len(TaskPriority),
)
_ORDER = {
    TaskSort.DUE: (
        tasks_t.c.due_at.is_(None),
        tasks_t.c.due_at,
        tasks_t.c.created_at,
        tasks_t.c.id,
    ),
    TaskSort.PRIORITY: (
        _RANK,
        tasks_t.c.due_at.is_(None),
        tasks_t.c.due_at,
        tasks_t.c.created_at,
        tasks_t.c.id,
    ),
    TaskSort.CREATED: (tasks_t.c.created_at.desc(), tasks_t.c.id.desc()),
}
#: The same orders as one comparable row each (``task_sort_key``): an undated task's due
#: is ``UNDATED``, which sorts it where ``due_at IS NULL`` does.
_DUE = func.coalesce(tasks_t.c.due_at, literal(UNDATED, tasks_t.c.due_at.type))
_KEYSET = {
    TaskSort.DUE: (_DUE, tasks_t.c.created_at, tasks_t.c.id),
    TaskSort.PRIORITY: (_RANK, _DUE, tasks_t.c.created_at, tasks_t.c.id),
    TaskSort.CREATED: (tasks_t.c.created_at, tasks_t.c.id),
}


def tasks(uow: UnitOfWork) -> TaskRepository:
    return SqlAlchemyTaskRepository(SqlAlchemyUnitOfWork.of(uow).context)
