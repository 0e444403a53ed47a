"""Explicit mapping between rows and domain objects (attrs classes are not ORM-mapped)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cma_core.audit.model import AuditEntry
from cma_core.cases.model import Case, CaseStatus, CloseReason, Note
from cma_core.clients.model import Client
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import (
    AuditId,
    CaseId,
    CentreId,
    ClientId,
    EventId,
    NoteId,
    TaskId,
    UserId,
)
from cma_core.tasks.model import Task, TaskKind, TaskStatus

Row = Mapping[Any, Any]


def client_to_row(c: Client) -> dict[str, Any]:
    return {
        "id": c.id,
        "centre_id": c.centre_id,
        "first_name": c.first_name,
        "last_name": c.last_name,
        "date_of_birth": c.date_of_birth,
        "email": c.email,
        "phone": c.phone,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "version": c.version,
    }


def client_from_row(r: Row) -> Client:
    return Client(
        id=ClientId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        first_name=r["first_name"],
        last_name=r["last_name"],
        date_of_birth=r["date_of_birth"],
        email=r["email"],
        phone=r["phone"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        version=r["version"],
    )


def case_to_row(c: Case) -> dict[str, Any]:
    return {
        "id": c.id,
        "centre_id": c.centre_id,
        "client_id": c.client_id,
        "reference": c.reference,
        "status": c.status.value,
        "adviser_id": c.adviser_id,
        "opened_at": c.opened_at,
        "updated_at": c.updated_at,
        "closed_at": c.closed_at,
        "close_reason": c.close_reason.value if c.close_reason else None,
        "version": c.version,
    }


def case_from_row(r: Row, notes: Sequence[Row] = ()) -> Case:
    return Case(
        id=CaseId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        client_id=ClientId(r["client_id"]),
        reference=r["reference"],
        status=CaseStatus(r["status"]),
        adviser_id=UserId(r["adviser_id"]) if r["adviser_id"] else None,
        opened_at=r["opened_at"],
        updated_at=r["updated_at"],
        closed_at=r["closed_at"],
        close_reason=CloseReason(r["close_reason"]) if r["close_reason"] else None,
        notes=[note_from_row(n) for n in notes],
        version=r["version"],
    )


def note_to_row(case: Case, n: Note) -> dict[str, Any]:
    return {
        "id": n.id,
        "centre_id": case.centre_id,
        "case_id": case.id,
        "author_id": n.author_id,
        "body": n.body,
        "sensitive": n.sensitive,
        "created_at": n.created_at,
    }


def note_from_row(r: Row) -> Note:
    return Note(
        id=NoteId(r["id"]),
        author_id=UserId(r["author_id"]) if r["author_id"] else None,
        body=r["body"],
        created_at=r["created_at"],
        sensitive=r["sensitive"],
    )


def task_to_row(t: Task) -> dict[str, Any]:
    return {
        "id": t.id,
        "centre_id": t.centre_id,
        "case_id": t.case_id,
        "kind": t.kind.value,
        "title": t.title,
        "assignee_id": t.assignee_id,
        "due_at": t.due_at,
        "status": t.status.value,
        "created_at": t.created_at,
        "source_event_id": t.source_event_id,
    }


def task_from_row(r: Row) -> Task:
    return Task(
        id=TaskId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]),
        kind=TaskKind(r["kind"]),
        title=r["title"],
        assignee_id=UserId(r["assignee_id"]) if r["assignee_id"] else None,
        due_at=r["due_at"],
        status=TaskStatus(r["status"]),
        created_at=r["created_at"],
        source_event_id=EventId(r["source_event_id"]) if r["source_event_id"] else None,
    )


def audit_to_row(e: AuditEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "centre_id": e.centre_id,
        "actor_id": e.actor_id,
        "action": e.action,
        "entity_type": e.entity_type,
        "entity_id": e.entity_id,
        "at": e.at,
        "fields": {"names": list(e.fields)},
        "source_event_id": e.source_event_id,
        "chain_seq": e.chain_seq,
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    }


def audit_from_row(r: Row) -> AuditEntry:
    return AuditEntry(
        id=AuditId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        actor_id=UserId(r["actor_id"]) if r["actor_id"] else None,
        action=r["action"],
        entity_type=r["entity_type"],
        entity_id=r["entity_id"],
        at=r["at"],
        fields=tuple(r["fields"].get("names", ())),
        source_event_id=EventId(r["source_event_id"]) if r["source_event_id"] else None,
        chain_seq=r["chain_seq"],
        prev_hash=r["prev_hash"],
        hash=r["hash"],
    )


def envelope_to_row(e: EventEnvelope) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        "centre_id": e.centre_id,
        "name": e.name,
        "occurred_at": e.occurred_at,
        "payload": e.payload,
        "published_at": None,
    }


def envelope_from_row(r: Row) -> EventEnvelope:
    return EventEnvelope(
        event_id=EventId(r["event_id"]),
        centre_id=CentreId(r["centre_id"]),
        name=r["name"],
        occurred_at=r["occurred_at"],
        payload=dict(r["payload"]),
    )
