"""The SQL task repository, joined to ``SqlAlchemyUnitOfWork`` through ``tasks``."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, and_, func, insert, select
from sqlalchemy.exc import IntegrityError

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.rows import TaskRow
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext, page_from
from cma_core.shared.errors import Conflict
from cma_core.shared.ids import CaseId, EventId, TaskId, UserId
from cma_core.shared.uow import Page, UnitOfWork
from cma_core.tasks.model import Task, TaskStatus
from cma_core.tasks.ports import TaskRepository

tasks_t = cast(Table, TaskRow.__table__)


class SqlAlchemyTaskRepository(TaskRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def add(self, task: Task) -> None:
        self._x.own(task.centre_id, "task")
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

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        assignee_id: UserId | None = None,
        case_id: CaseId | None = None,
        status: TaskStatus | None = None,
        due_before: dt.datetime | None = None,
    ) -> Page[Task]:
        where = [tasks_t.c.centre_id == self._x.centre_id]
        if assignee_id is not None:
            where.append(tasks_t.c.assignee_id == assignee_id)
        if case_id is not None:
            where.append(tasks_t.c.case_id == case_id)
        if status is not None:
            where.append(tasks_t.c.status == status.value)
        if due_before is not None:
            where.append(and_(tasks_t.c.due_at.is_not(None), tasks_t.c.due_at < due_before))
        total = (
            await self._x.c.execute(select(func.count()).select_from(tasks_t).where(*where))
        ).scalar_one()
        rows = (
            (
                await self._x.c.execute(
                    select(tasks_t)
                    .where(*where)
                    .order_by(
                        tasks_t.c.due_at.is_(None),
                        tasks_t.c.due_at,
                        tasks_t.c.created_at,
                        tasks_t.c.id,
                    )
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        return page_from([m.task_from_row(r) for r in rows], total, limit, offset)


def tasks(uow: UnitOfWork) -> TaskRepository:
    return SqlAlchemyTaskRepository(SqlAlchemyUnitOfWork.of(uow).context)
