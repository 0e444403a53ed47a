"""Response shapes of tasks."""

from __future__ import annotations

import datetime as dt
import uuid

from msgspec import Struct

from cma_core.tasks.model import Task, TaskKind, TaskStatus
from cma_entrypoints.http.common.schemas import PageOf, from_attributes


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
        return from_attributes(cls, t)


class TaskPage(PageOf[TaskOut]):
    items: list[TaskOut]
