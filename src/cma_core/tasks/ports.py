"""Ports of the tasks area: the task repository."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from attrs import frozen

from cma_core.shared.ids import CaseId, EventId, TaskId, UserId
from cma_core.shared.uow import Page
from cma_core.tasks.model import Task, TaskSort, TaskStatus


@frozen(kw_only=True)
class TaskFilter:
    """What a task list is filtered by; every field left ``None`` is not a filter.

    ``visible_to`` restricts the list to tasks assigned to or created by that user (a role
    without ``case:read_all``). ``due_before``/``due_after`` are exclusive/inclusive bounds
    on ``due_at`` and leave out undated tasks. ``unassigned``: only tasks nobody holds
    (and then ``assignee_id`` must be ``None``).
    """

    assignee_id: UserId | None = None
    unassigned: bool = False
    case_id: CaseId | None = None
    status: TaskStatus | None = None
    due_before: dt.datetime | None = None
    due_after: dt.datetime | None = None
    visible_to: UserId | None = None


class TaskRepository(Protocol):
    async def add(self, task: Task) -> None:
        """Stage a new task. ``Conflict`` if a task for its ``source_event_id`` exists;
        ``CrossTenantAccess`` for another centre's task."""
        ...

    async def get(self, task_id: TaskId) -> Task | None:
        """The task, or ``None`` if it does not exist in this centre."""
        ...

    async def save(self, task: Task) -> None:
        """Persist a changed task and bump its version (``task.version`` is the version it
        was read at). ``StaleVersion`` if the stored version moved on."""
        ...

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
        where: TaskFilter | None = None,
        sort: TaskSort = TaskSort.DUE,
        after: tuple[Any, ...] | None = None,
    ) -> Page[Task]:
        """Tasks of this centre, in ``sort`` order (``due``: soonest due first, undated
        last). The keyword filters and ``where`` combine (all must hold). With ``after``
        (``task_sort_key`` of the last task of a page), only those sorting after it."""
        ...
