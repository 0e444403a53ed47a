"""Explicit mapping between rows and domain objects (attrs classes are not ORM-mapped)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from cma_adapters.sqlalchemy.crypto import CentreKey, Keyring, aad
from cma_core.audit.model import AuditEntry
from cma_core.cases.model import Case, CaseStatus, CloseReason, Note
from cma_core.clients.model import Client, PostalAddress, Vulnerability, display_name_of
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
from cma_core.tasks.model import Task, TaskKind, TaskPriority, TaskStatus

Row = Mapping[Any, Any]


#: Purposes of the clients' blind indexes (part of the HMAC input, so one field's index
#: never matches another's).
FIRST_NAME_INDEX = "client.first_name"
LAST_NAME_INDEX = "client.last_name"
EMAIL_INDEX = "client.email"


def client_to_row(c: Client, key: CentreKey) -> dict[str, Any]:
    """The row of ``c`` with its personal fields sealed under ``key``."""

    def seal(column: str, value: str | None) -> str | None:
        return key.seal_opt(value, aad("clients", column, c.id))

    return {
        "id": c.id,
        "centre_id": c.centre_id,
        "key_version": key.version,
        "first_name_enc": seal("first_name", c.first_name),
        "last_name_enc": seal("last_name", c.last_name),
        "date_of_birth_enc": seal("date_of_birth", c.date_of_birth.isoformat()),
        "email_enc": seal("email", c.email),
        "phone_enc": seal("phone", c.phone),
        "ni_number_enc": seal("ni_number", c.ni_number),
        "address_enc": seal("address", _address_json(c.address)),
        "address_suppressed": c.address_suppressed,
        "address_suppression_reason_enc": seal(
            "address_suppression_reason", c.address_suppression_reason
        ),
        "health_notes_enc": seal("health_notes", c.health_notes),
        # Sealed even when empty, so a dump does not tell who has vulnerabilities recorded.
        "vulnerabilities_enc": seal(
            "vulnerabilities", json.dumps(sorted(v.value for v in c.vulnerabilities))
        ),
        "vulnerability_notes_enc": seal("vulnerability_notes", c.vulnerability_notes),
        "health_data_consent_at": c.health_data_consent_at,
        "first_name_bidx": key.index(c.first_name, FIRST_NAME_INDEX),
        "last_name_bidx": key.index(c.last_name, LAST_NAME_INDEX),
        "email_bidx": key.index(c.email, EMAIL_INDEX) if c.email else None,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "version": c.version,
    }


def client_display_name(r: Row, keys: Keyring) -> str:
    """``Client.display_name`` from a row's sealed name columns only (and its ``id``, the
    associated data that binds them to the row)."""
    first = keys.open(r["first_name_enc"], aad("clients", "first_name", r["id"]))
    last = keys.open(r["last_name_enc"], aad("clients", "last_name", r["id"]))
    return display_name_of(first, last)


def client_from_row(r: Row, keys: Keyring) -> Client:
    """Raises ``CiphertextRejected`` if any sealed field was altered or moved."""

    def open_(column: str) -> str | None:
        return keys.open_opt(r[f"{column}_enc"], aad("clients", column, r["id"]))

    return Client(
        id=ClientId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        first_name=keys.open(r["first_name_enc"], aad("clients", "first_name", r["id"])),
        last_name=keys.open(r["last_name_enc"], aad("clients", "last_name", r["id"])),
        date_of_birth=keys.open_date(
            r["date_of_birth_enc"], aad("clients", "date_of_birth", r["id"])
        ),
        email=open_("email"),
        phone=open_("phone"),
        ni_number=open_("ni_number"),
        address=_address_from(open_("address")),
        address_suppressed=bool(r["address_suppressed"]),
        address_suppression_reason=open_("address_suppression_reason"),
        health_notes=open_("health_notes"),
        vulnerabilities=_vulnerabilities_from(open_("vulnerabilities")),
        vulnerability_notes=open_("vulnerability_notes"),
        health_data_consent_at=r["health_data_consent_at"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        version=r["version"],
    )


def _vulnerabilities_from(sealed_json: str | None) -> frozenset[Vulnerability]:
    values: list[str] = json.loads(sealed_json or "[]")
    return frozenset({Vulnerability(v) for v in values})


def _address_json(a: PostalAddress | None) -> str | None:
    return None if a is None else json.dumps({"lines": list(a.lines), "postcode": a.postcode})


def _address_from(sealed_json: str | None) -> PostalAddress | None:
    if sealed_json is None:
        return None
    data = json.loads(sealed_json)
    return PostalAddress(lines=tuple(data["lines"]), postcode=data["postcode"])


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


def case_from_row(r: Row, notes: Sequence[Row] = (), keys: Keyring | None = None) -> Case:
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
        notes=[note_from_row(n, keys) for n in notes],
        version=r["version"],
    )


def note_to_row(case: Case, n: Note, key: CentreKey | None) -> dict[str, Any]:
    """Every note's body is sealed with ``key`` (sensitive or not, since migration 1700:
    a plain note names the client as often as a sensitive one); ``body`` stays NULL. A
    sensitive note needs ``key``; without one a plain note is stored as it is."""
    row: dict[str, Any] = {
        "id": n.id,
        "centre_id": case.centre_id,
        "case_id": case.id,
        "author_id": n.author_id,
        "body": n.body,
        "body_enc": None,
        "key_version": None,
        "sensitive": n.sensitive,
        "created_at": n.created_at,
    }
    if key is None and n.sensitive:
        raise ValueError("a sensitive note needs the centre's data key")
    if key is not None:
        row.update(
            body=None,
            body_enc=key.seal(n.body, aad("case_notes", "body", n.id)),
            key_version=key.version,
        )
    return row


def note_from_row(r: Row, keys: Keyring | None = None) -> Note:
    body = r["body"]
    if r["body_enc"] is not None:
        if keys is None:
            raise ValueError("a sealed note needs the centre's keyring")
        body = keys.open(r["body_enc"], aad("case_notes", "body", r["id"]))
    return Note(
        id=NoteId(r["id"]),
        author_id=UserId(r["author_id"]) if r["author_id"] else None,
        body=body,
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
        "priority": t.priority.value,
        "created_by": t.created_by,
        "outcome_note": t.outcome_note,
        "closed_at": t.closed_at,
        "closed_by": t.closed_by,
        "updated_at": t.updated_at,
        "version": t.version,
    }


def task_from_row(r: Row) -> Task:
    return Task(
        id=TaskId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]) if r["case_id"] else None,
        kind=TaskKind(r["kind"]),
        title=r["title"],
        assignee_id=UserId(r["assignee_id"]) if r["assignee_id"] else None,
        due_at=r["due_at"],
        status=TaskStatus(r["status"]),
        created_at=r["created_at"],
        source_event_id=EventId(r["source_event_id"]) if r["source_event_id"] else None,
        priority=TaskPriority(r["priority"]),
        created_by=UserId(r["created_by"]) if r["created_by"] else None,
        outcome_note=r["outcome_note"],
        closed_at=r["closed_at"],
        closed_by=UserId(r["closed_by"]) if r["closed_by"] else None,
        updated_at=r["updated_at"],
        version=r["version"],
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
        "source_address": e.source_address,
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
        source_address=r.get("source_address"),
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
