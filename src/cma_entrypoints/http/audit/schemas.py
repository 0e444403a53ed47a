"""Response shapes of the audit trail (ids and field names only, never values)."""

from __future__ import annotations

import datetime as dt
import uuid

from msgspec import Struct

from cma_core.audit.chain import ChainReport
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


class ChainProblemOut(Struct):
    #: The entry's place in the chain; ``None`` when the problem is the head or the count.
    seq: int | None
    entry_id: str | None
    reason: str


class ChainVerifyOut(Struct):
    """The centre's hash chain, checked end to end at the moment of the request."""

    intact: bool
    #: Entries checked before the first problem (all of them when intact).
    checked: int
    #: The head's sequence number and hash. Remember them: a later answer with a lower
    #: ``head_seq``, or the same ``head_seq`` with another hash, means the chain was cut
    #: back (entries and head together), which the server alone cannot see.
    head_seq: int
    head_hash: str | None
    first_bad: ChainProblemOut | None = None

    @classmethod
    def of(cls, r: ChainReport) -> ChainVerifyOut:
        p = r.problem
        return cls(
            intact=r.intact,
            checked=r.checked,
            head_seq=r.head_seq,
            head_hash=r.head_hash,
            first_bad=ChainProblemOut(seq=p.seq, entry_id=p.entry_id, reason=p.reason)
            if p is not None
            else None,
        )
