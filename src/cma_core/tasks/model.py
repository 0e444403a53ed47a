"""Adviser tasks."""

from __future__ import annotations

import datetime as dt
import enum

from attrs import define

from cma_core.shared.ids import CaseId, CentreId, EventId, TaskId, UserId


class TaskKind(enum.StrEnum):
    INITIAL_CONTACT = "initial_contact"
    DEADLINE = "deadline"
    GENERAL = "general"


class TaskStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


@define(kw_only=True)
class Task:
    """A piece of work for an adviser. ``source_event_id`` makes creation idempotent."""

    id: TaskId
    centre_id: CentreId
    case_id: CaseId
    kind: TaskKind
    title: str
    assignee_id: UserId | None
    due_at: dt.datetime | None
    status: TaskStatus
    created_at: dt.datetime
    source_event_id: EventId | None = None
