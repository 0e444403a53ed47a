"""Request and response shapes of the work queue."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec
from msgspec import Meta, Struct

from cma_core.identity.directory import StaffNames
from cma_core.tasks.model import (
    MAX_OUTCOME_NOTE,
    MAX_TITLE,
    Task,
    TaskKind,
    TaskPriority,
    TaskStatus,
)
from cma_entrypoints.http.common.schemas import PageOf, from_attributes

Title = Annotated[str, Meta(min_length=1, max_length=MAX_TITLE)]
Note = Annotated[str, Meta(min_length=1, max_length=MAX_OUTCOME_NOTE)]


class TaskOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID | None
    kind: TaskKind
    title: str
    assignee_id: uuid.UUID | None
    assignee_name: str | None
    due_at: dt.datetime | None
    priority: TaskPriority
    status: TaskStatus
    overdue: bool
    outcome_note: str | None
    created_at: dt.datetime
    created_by: uuid.UUID | None
    created_by_name: str | None
    closed_at: dt.datetime | None
    closed_by: uuid.UUID | None
    closed_by_name: str | None
    version: int

    @classmethod
    def of(
        cls, t: Task, names: StaffNames | None = None, now: dt.datetime | None = None
    ) -> TaskOut:
        names = names or StaffNames({})
        return from_attributes(
            cls,
            t,
            assignee_name=names(t.assignee_id),
            created_by_name=names(t.created_by),
            closed_by_name=names(t.closed_by),
            overdue=t.is_overdue(now or dt.datetime.now(dt.UTC)),
        )


class TaskPage(PageOf[TaskOut]):
    items: list[TaskOut]


class TaskIn(Struct, forbid_unknown_fields=True):
    title: Title
    case_id: uuid.UUID | None = None
    assignee_id: uuid.UUID | None = None
    due_at: dt.datetime | None = None
    priority: TaskPriority = TaskPriority.NORMAL


class TaskPatch(Struct, forbid_unknown_fields=True):
    """Only the fields sent change; ``null`` clears the due date or unassigns."""

    title: Title | msgspec.UnsetType = msgspec.UNSET
    assignee_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    due_at: dt.datetime | msgspec.UnsetType | None = msgspec.UNSET
    priority: TaskPriority | msgspec.UnsetType = msgspec.UNSET


class CompleteIn(Struct, forbid_unknown_fields=True):
    outcome_note: Note


class CancelIn(Struct, forbid_unknown_fields=True):
    reason: Note
