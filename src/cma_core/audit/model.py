"""Audit entries. Append-only; never carry the plaintext of personal fields."""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from cma_core.shared.ids import AuditId, CentreId, EventId, UserId


@frozen(kw_only=True)
class AuditEntry:
    id: AuditId
    centre_id: CentreId
    actor_id: UserId | None
    action: str
    entity_type: str
    entity_id: str
    at: dt.datetime
    fields: tuple[str, ...] = ()
    source_event_id: EventId | None = None
