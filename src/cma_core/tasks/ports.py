"""Ports of the tasks area: the task repository."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from cma_core.shared.ids import CaseId, EventId, TaskId, UserId
from cma_core.shared.uow import Page
from cma_core.tasks.model import Task, TaskStatus


class TaskRepository(Protocol):
    async def add(self, task: Task) -> None: ...

    async def get(self, task_id: TaskId) -> Task | None: ...

    async def find_by_source_event(self, event_id: EventId) -> Task | None:
        """The task created in answer to ``event_id``, if any (for idempotent handlers)."""
        ...

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
        """Tasks of this centre, soonest due first (undated last)."""
        ...
