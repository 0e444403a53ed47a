"""Ports of the audit area: the append-only, hash-chained audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from cma_core.audit.model import AuditEntry, ChainHead
from cma_core.shared.ids import AuditId, UserId
from cma_core.shared.uow import Page


class AuditLog(Protocol):
    """The centre's append-only, hash-chained audit trail (see ``cma_core.audit.chain``)."""

    async def append(self, entry: AuditEntry, *, seal_later: bool = False) -> None:
        """Append an entry. Entries are never changed or removed.

        The entry joins the centre's hash chain when the unit of work commits (the chain
        head is locked only then, so appends of one centre serialise briefly and other
        centres are not affected); a rolled-back unit of work leaves no link behind.

        ``seal_later`` (views, searches: the hot read paths): the entry is written durably
        in this transaction but *unsealed* (no chain position or hash), without taking the
        chain lock; ``seal`` links it later, in write order. An adapter configured to seal
        inline links it at commit as usual.
        """
        ...

    async def seal(self, *, limit: int) -> int:
        """Link up to ``limit`` committed unsealed entries of the centre onto its chain,
        oldest written first, under the chain lock; the count sealed. The caller commits."""
        ...

    async def unsealed(self, *, before: dt.datetime | None = None) -> int:
        """How many committed entries of the centre wait for ``seal`` (only those written
        before ``before``, if given)."""
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        entity_type: str | None = None,
        entity_id: str | None = None,
        actor_id: UserId | None = None,
        action: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        after: AuditId | None = None,
    ) -> Page[AuditEntry]:
        """Entries of this centre, oldest first, with their chain fields filled in.

        ``since`` is inclusive and ``until`` exclusive (on ``at``). ``after``: only entries
        written after that one (keyset pagination; write order is the stable order).
        """
        ...

    async def chain(self, *, after_seq: int, limit: int) -> Sequence[AuditEntry]:
        """Up to ``limit`` committed entries with ``chain_seq > after_seq``, in chain order."""
        ...

    async def head(self) -> ChainHead | None:
        """The centre's chain head, or ``None`` if it has no entries yet."""
        ...
