"""Response shapes of the audit trail (ids and field names only, never values)."""

from __future__ import annotations

import datetime as dt
import uuid

from msgspec import Struct

from cma_core.audit.model import AuditEntry
from cma_core.identity.directory import StaffNames
from cma_entrypoints.http.common.schemas import PageOf, from_attributes


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
    #: The actor's display name (``None`` for the system, or someone no longer on staff).
    actor_name: str | None = None
    #: The client address of the request behind the entry (``None``: worker, CLI).
    source_address: str | None = None

    @classmethod
    def of(cls, e: AuditEntry, staff: StaffNames | None = None) -> AuditOut:
        return from_attributes(
            cls,
            e,
            seq=e.chain_seq,
            fields=list(e.fields),
            actor_name=staff(e.actor_id) if staff else None,
        )


class AuditPage(PageOf[AuditOut]):
    items: list[AuditOut]
