"""Adviser tasks: the work queue.

State machine: ``open`` → ``done`` (completed, with an outcome note) or ``cancelled`` (with
a reason in the outcome note) → ``open`` again (reopen). Only an open task is edited
(title, assignee, due date, priority). Every change bumps ``version`` (the ETag).
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from attrs import define, frozen

from cma_core.shared.errors import InvalidTransition, ValidationError
from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, CentreId, EventId, TaskId, UserId

MAX_TITLE = 300
MAX_OUTCOME_NOTE = 4000


class TaskKind(enum.StrEnum):
    INITIAL_CONTACT = "initial_contact"
    DEADLINE = "deadline"
    GENERAL = "general"


class TaskStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class TaskPriority(enum.StrEnum):
    """How urgent a task is; ``rank`` orders the queue (most urgent first)."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {
    TaskPriority.URGENT: 0,
    TaskPriority.HIGH: 1,
    TaskPriority.NORMAL: 2,
    TaskPriority.LOW: 3,
}


class TaskSort(enum.StrEnum):
    """Orders of the task list. Ties are broken by creation, then id, so pages are stable."""

    DUE = "due"  # soonest due first, undated last
    PRIORITY = "priority"  # most urgent first, then soonest due
    CREATED = "created"  # newest first


#: Where an undated task sorts in a cursor's key: after every dated one (``due``: undated last).
UNDATED = dt.datetime(9999, 12, 31, tzinfo=dt.UTC)

#: The value types of each order's cursor key (``task_sort_key``).
SORT_KEY_KINDS: dict[TaskSort, tuple[type, ...]] = {
    TaskSort.DUE: (dt.datetime, dt.datetime, uuid.UUID),
    TaskSort.PRIORITY: (int, dt.datetime, dt.datetime, uuid.UUID),
    TaskSort.CREATED: (dt.datetime, uuid.UUID),
}


def task_sort_key(task: Task, sort: TaskSort) -> tuple[Any, ...]:
    """``task``'s place in the ``sort`` order, unique (it ends with the id): a keyset
    cursor's key. ``created`` runs newest first (descending); the others ascending."""
    if sort is TaskSort.CREATED:
        return (task.created_at, task.id)
    due = task.due_at or UNDATED
    if sort is TaskSort.PRIORITY:
        return (task.priority.rank, due, task.created_at, task.id)
    return (due, task.created_at, task.id)


@frozen(kw_only=True)
class TaskChanged(DomainEvent):
    """A task was created, edited, completed, cancelled or reopened (``change`` says which)."""

    name = "TaskChanged"
    task_id: TaskId
    case_id: CaseId | None
    change: str
    status: str


def check_title(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError("title", "must not be empty")
    if len(text) > MAX_TITLE:
        raise ValidationError("title", f"must be at most {MAX_TITLE} characters")
    return text


def check_due(value: dt.datetime | None, field: str = "due_at") -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValidationError(field, "must include a timezone, e.g. Z")
    return value


def check_outcome(value: str | None, *, required: bool, field: str = "outcome_note") -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(field, "say what came of it")
        return None
    if len(text) > MAX_OUTCOME_NOTE:
        raise ValidationError(field, f"must be at most {MAX_OUTCOME_NOTE} characters")
    return text


@define(kw_only=True)
class Task:
    """A piece of work for an adviser, on a case or free-standing (``case_id`` None).

    ``source_event_id`` makes creation by an event handler idempotent. ``outcome_note``
    says what came of a completed task, or why it was cancelled.
    """

    id: TaskId
    centre_id: CentreId
    case_id: CaseId | None
    kind: TaskKind
    title: str
    assignee_id: UserId | None
    due_at: dt.datetime | None
    status: TaskStatus
    created_at: dt.datetime
    source_event_id: EventId | None = None
    priority: TaskPriority = TaskPriority.NORMAL
    created_by: UserId | None = None
    outcome_note: str | None = None
    closed_at: dt.datetime | None = None
    closed_by: UserId | None = None
    updated_at: dt.datetime | None = None
    version: int = 1

    @property
    def is_open(self) -> bool:
        return self.status is TaskStatus.OPEN

    def is_overdue(self, now: dt.datetime) -> bool:
        return self.is_open and self.due_at is not None and self.due_at < now

    def event(self, change: str, now: dt.datetime) -> TaskChanged:
        return TaskChanged(
            centre_id=self.centre_id,
            occurred_at=now,
            task_id=self.id,
            case_id=self.case_id,
            change=change,
            status=self.status.value,
        )

    def _require_open(self, action: str) -> None:
        if not self.is_open:
            raise InvalidTransition(f"cannot {action}: the task is {self.status.value}")

    def edit(
        self,
        *,
        now: dt.datetime,
        title: str | None = None,
        due_at: dt.datetime | None = None,
        clear_due: bool = False,
        priority: TaskPriority | None = None,
    ) -> tuple[str, ...]:
        """Change the given fields of an open task; the names of those that changed."""
        self._require_open("edit the task")
        changed: list[str] = []
        if title is not None and check_title(title) != self.title:
            self.title = check_title(title)
            changed.append("title")
        if clear_due or due_at is not None:
            new_due = None if clear_due else check_due(due_at)
            if new_due != self.due_at:
                self.due_at = new_due
                changed.append("due_at")
        if priority is not None and priority is not self.priority:
            self.priority = priority
            changed.append("priority")
        if changed:
            self.updated_at = now
        return tuple(changed)

    def assign(self, assignee_id: UserId | None, *, now: dt.datetime) -> bool:
        self._require_open("reassign the task")
        if assignee_id == self.assignee_id:
            return False
        self.assignee_id = assignee_id
        self.updated_at = now
        return True

    def complete(self, outcome_note: str | None, *, now: dt.datetime, by: UserId | None) -> None:
        self._require_open("complete the task")
        self._close(TaskStatus.DONE, check_outcome(outcome_note, required=True), now, by)

    def cancel(self, reason: str | None, *, now: dt.datetime, by: UserId | None) -> None:
        self._require_open("cancel the task")
        self._close(
            TaskStatus.CANCELLED, check_outcome(reason, required=True, field="reason"), now, by
        )

    def _close(
        self, status: TaskStatus, note: str | None, now: dt.datetime, by: UserId | None
    ) -> None:
        self.status = status
        self.outcome_note = note
        self.closed_at = now
        self.closed_by = by
        self.updated_at = now

    def reopen(self, *, now: dt.datetime) -> None:
        if self.is_open:
            raise InvalidTransition("the task is already open")
        self.status = TaskStatus.OPEN
        self.outcome_note = None
        self.closed_at = None
        self.closed_by = None
        self.updated_at = now
