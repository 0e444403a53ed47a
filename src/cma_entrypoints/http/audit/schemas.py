"""Response shapes of the audit trail (ids and field names only, never values)."""

from __future__ import annotations

import datetime as dt
import uuid

from msgspec import Struct

from cma_core.audit.model import AuditEntry


class AuditOut(Struct):
    id: uuid.UUID
    seq: int | None
    action: str
    entity_type: str
    entity_id: str
    actor_id: uuid.UUID | None
    at: dt.datetime
    fields: list[str]
    source_event_id: uuid.UUID | None
    prev_hash: str | None
    hash: str | None

    @classmethod
    def of(cls, e: AuditEntry) -> AuditOut:
        return cls(
            id=e.id,
            seq=e.chain_seq,
            action=e.action,
            entity_type=e.entity_type,
            entity_id=e.entity_id,
            actor_id=e.actor_id,
            at=e.at,
            fields=list(e.fields),
            source_event_id=e.source_event_id,
            prev_hash=e.prev_hash,
            hash=e.hash,
        )


class AuditPage(Struct):
    items: list[AuditOut]
    total: int
    limit: int
    offset: int
