"""OpenAPI examples of the task routes."""

from __future__ import annotations

import datetime as dt

from cma_core.tasks.model import TaskKind, TaskStatus
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.tasks.schemas import TaskOut

TASK_EXAMPLE = TaskOut(
    id=ex.TASK_ID,
    case_id=ex.CASE_ID,
    kind=TaskKind.INITIAL_CONTACT,
    title="Make initial contact with the client",
    assignee_id=ex.ADVISER_ID,
    due_at=ex.AT + dt.timedelta(days=2),
    status=TaskStatus.OPEN,
    created_at=ex.EARLIER,
)
