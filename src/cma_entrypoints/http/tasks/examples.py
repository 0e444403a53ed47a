"""OpenAPI examples of the task routes."""

from __future__ import annotations

import datetime as dt

from cma_core.tasks.model import TaskKind, TaskPriority, TaskStatus
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.tasks.schemas import TaskOut

TASK_EXAMPLE = TaskOut(
    id=ex.TASK_ID,
    case_id=ex.CASE_ID,
    kind=TaskKind.INITIAL_CONTACT,
    title="Make initial contact with the client",
    assignee_id=ex.ADVISER_ID,
    assignee_name="Ada Adviser",
    due_at=ex.AT + dt.timedelta(days=2),
    priority=TaskPriority.NORMAL,
    status=TaskStatus.OPEN,
    overdue=False,
    outcome_note=None,
    created_at=ex.EARLIER,
    created_by=None,
    created_by_name=None,
    closed_at=None,
    closed_by=None,
    closed_by_name=None,
    version=1,
)

DONE_EXAMPLE = TaskOut(
    id=ex.TASK_ID,
    case_id=ex.CASE_ID,
    kind=TaskKind.GENERAL,
    title="Ask the client for three months' bank statements",
    assignee_id=ex.ADVISER_ID,
    assignee_name="Ada Adviser",
    due_at=ex.AT + dt.timedelta(days=7),
    priority=TaskPriority.HIGH,
    status=TaskStatus.DONE,
    overdue=False,
    outcome_note="Statements received by email and filed with the case.",
    created_at=ex.EARLIER,
    created_by=ex.ADVISER_ID,
    created_by_name="Ada Adviser",
    closed_at=ex.AT,
    closed_by=ex.ADVISER_ID,
    closed_by_name="Ada Adviser",
    version=3,
)
