"""Ports of the read models: the case list's rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Protocol

from cma_core.cases.model import CaseStatus
from cma_core.readmodels.model import CaseListRow
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_core.shared.uow import Page


class CaseListRows(Protocol):
    """The case list's rows of the unit of work's centre (another centre's are never read,
    written or removed), and how far the projection is behind the centre's outbox."""

    async def hold(self, case_id: CaseId) -> None:
        """Serialise the projection's writes of this case until the transaction ends, so
        that of two handlers of the same case the one that reads the write side last also
        writes last (a no-op where writes are serial anyway)."""
        ...

    async def put(self, row: CaseListRow) -> None:
        """Add the row or replace the one of the same case. Raises ``CrossTenantAccess``
        for another centre's row."""
        ...

    async def get(self, case_id: CaseId) -> CaseListRow | None: ...

    async def delete(self, case_ids: Collection[CaseId]) -> None:
        """Remove those rows; unknown ids are ignored."""
        ...

    async def case_ids_of_client(self, client_id: ClientId) -> Sequence[CaseId]:
        """The ids of the rows of that client's cases."""
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
        after: tuple[dt.datetime, CaseId] | None = None,
    ) -> Page[CaseListRow]:
        """Rows most recently opened first (then by case id, descending), with the total
        matching; with ``after``, only those after that ``(opened_at, case_id)``."""
        ...

    async def clear(self) -> int:
        """Remove every row of the centre (before a rebuild); how many there were."""
        ...

    async def oldest_unapplied(
        self, handler: str, events: Collection[str], *, limit_at: dt.datetime | None = None
    ) -> dt.datetime | None:
        """When the oldest event of the centre named in ``events`` occurred that is neither
        in ``handler``'s inbox nor settled (handled or abandoned), or ``None``; with
        ``limit_at``, only events that occurred at or before it count."""
        ...
