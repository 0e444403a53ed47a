"""Audit entries. Append-only; never carry the plaintext of personal fields.

Each centre's entries form a hash chain (see :mod:`cma_core.audit.chain`): the adapter
that stores an entry gives it the next ``chain_seq`` of its centre, the previous entry's
hash and its own hash. Those three are filled in on the way out of the store and take no
part in equality, so an entry compares equal to the one that was appended.
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

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
    #: The client address of the request that caused the entry (``None``: worker, CLI,
    #: or written before addresses were recorded).
    source_address: str | None = None
    #: Position in the centre's chain (1, 2, ...); ``None`` until stored.
    chain_seq: int | None = field(default=None, eq=False)
    #: Hash of the previous entry of the centre (``GENESIS`` for the first).
    prev_hash: str | None = field(default=None, eq=False)
    #: SHA-256 over the canonical JSON of this entry, including ``prev_hash``.
    hash: str | None = field(default=None, eq=False)


@frozen(kw_only=True)
class ChainHead:
    """The last link of a centre's chain, kept apart from the entries so that cutting
    entries off the end of the log is detected too."""

    centre_id: CentreId
    seq: int
    hash: str
