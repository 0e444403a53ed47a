"""OpenAPI examples of the audit routes."""

from __future__ import annotations

import uuid

from cma_entrypoints.http.audit.schemas import AuditOut, ChainVerifyOut
from cma_entrypoints.http.common import examples as ex

AUDIT_EXAMPLE = AuditOut(
    id=uuid.UUID("f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c"),
    seq=1042,
    action="client.updated",
    entity_type="client",
    entity_id=str(ex.CLIENT_ID),
    actor_id=ex.ADVISER_ID,
    at=ex.AT,
    fields=["phone"],
    source_event_id=None,
    prev_hash="5d41402abc4b2a76b9719d911017c592ae2f6f1b0c3d9e8a7b6c5d4e3f2a1b0c",
    hash="7b52009b64fd0a2a49e6d8a939753077792b0554c1d2e3f4a5b6c7d8e9f0a1b2",
    actor_name="Ada Adviser",
    source_address="203.0.113.7",
)

VERIFY_EXAMPLE = ChainVerifyOut(
    intact=True,
    checked=1042,
    head_seq=1042,
    head_hash="7b52009b64fd0a2a49e6d8a939753077792b0554c1d2e3f4a5b6c7d8e9f0a1b2",
)
