"""Request and response shapes of the security routes (audit, tokens, second factor)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from msgspec import Meta, Struct

from cma_core.audit.model import AuditEntry
from cma_entrypoints.http.common import examples as ex


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


class RefreshIn(Struct, forbid_unknown_fields=True):
    refresh_token: Annotated[str, Meta(min_length=1, max_length=200)]


class SwitchCentreIn(Struct, forbid_unknown_fields=True):
    centre_id: uuid.UUID


class OtpIn(Struct, forbid_unknown_fields=True):
    otp: Annotated[str, Meta(min_length=6, max_length=8, pattern=r"^\d+$")]


class TotpEnrolmentOut(Struct):
    secret: str
    otpauth_uri: str


class GrantIn(Struct, forbid_unknown_fields=True):
    permission: Annotated[str, Meta(max_length=64)]
    #: Why this person needs it (kept with the grant; audited by name only).
    reason: Annotated[str, Meta(min_length=1, max_length=500)]
    #: When the grant lapses; ``null``: until revoked.
    expires_at: Annotated[dt.datetime, Meta(tz=True)] | None = None


class GrantOut(Struct):
    user_id: uuid.UUID
    permission: str
    reason: str
    granted_by: uuid.UUID | None
    granted_at: dt.datetime
    expires_at: dt.datetime | None
    #: False once ``expires_at`` has passed (an expired grant allows nothing).
    active: bool


class GrantPage(Struct):
    items: list[GrantOut]
    total: int
    limit: int
    offset: int


# ------------------------------------------------------------------------------ examples
# Made-up ids and people (see example_schemas), as the handlers would send them.

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
)
TOTP_EXAMPLE = TotpEnrolmentOut(
    secret="JBSWY3DPEHPK3PXP",  # noqa: S106 - a made-up example
    otpauth_uri="otpauth://totp/CMA:adviser%40centre.example?secret=JBSWY3DPEHPK3PXP&issuer=CMA",
)
GRANT_EXAMPLE = GrantOut(
    user_id=ex.ADVISER_ID,
    permission="sensitive:read",
    reason="Vulnerable client: health notes needed for the DRO application",
    granted_by=ex.MANAGER_ID,
    granted_at=ex.AT,
    expires_at=ex.AT + dt.timedelta(days=30),
    active=True,
)
