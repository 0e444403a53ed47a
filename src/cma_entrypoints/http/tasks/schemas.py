"""Response shapes of tasks."""

from __future__ import annotations

import datetime as dt
import uuid

from msgspec import Struct

from cma_core.tasks.model import Task, TaskKind, TaskStatus


class TaskOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: TaskKind
    title: str
    assignee_id: uuid.UUID | None
    due_at: dt.datetime | None
    status: TaskStatus
    created_at: dt.datetime

    @classmethod
    def of(cls, t: Task) -> TaskOut:
        return cls(
            id=t.id,
            case_id=t.case_id,
            kind=t.kind,
            title=t.title,
            assignee_id=t.assignee_id,
            due_at=t.due_at,
            status=t.status,
            created_at=t.created_at,
        )


class TaskPage(Struct):
    items: list[TaskOut]
    total: int
    limit: int
    offset: int
