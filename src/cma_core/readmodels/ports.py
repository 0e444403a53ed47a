"""Ports of the read models: the case list's rows and the cases' timelines."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from cma_core.cases.model import CaseStatus
from cma_core.readmodels.model import (
    CaseListRow,
    TimelineEntry,
    TimelineKind,
    WorkItem,
    WorkSection,
)
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

    async def counts(self) -> Mapping[tuple[CaseStatus, UserId | None], int]:
        """How many rows the centre has per (status, adviser): what ``list``'s ``total``
        sums when it is not filtered by client (no key with no rows)."""
        ...

    async def recount(self) -> int:
        """Make ``counts`` what the centre's rows are now (after a rebuild, or rows written
        in bulk without ``put``); returns how many rows were counted."""
        ...

    async def oldest_unapplied(
        self, handler: str, events: Collection[str], *, limit_at: dt.datetime | None = None
    ) -> dt.datetime | None:
        """When the oldest event of the centre named in ``events`` occurred that is neither
        in ``handler``'s inbox nor settled (handled or abandoned), or ``None``; with
        ``limit_at``, only events that occurred at or before it count."""
        ...


class CaseTimelines(Protocol):
    """The timeline entries of the unit of work's centre's cases (another centre's are
    never read, written or removed). A case's entries are written whole (``replace``)."""

    async def hold(self, case_id: CaseId) -> None:
        """As ``CaseListRows.hold``: serialise the projection's rewrites of this case until
        the transaction ends (a no-op where writes are serial)."""
        ...

    async def replace(
        self,
        case_id: CaseId,
        entries: Sequence[TimelineEntry],
        *,
        kinds: Collection[TimelineKind] | None = None,
    ) -> None:
        """Make ``entries`` the case's whole timeline (none: remove it); with ``kinds``,
        only the entries of those kinds are replaced (the others stay), and an entry of
        another kind is a ``ValueError``. Raises ``CrossTenantAccess`` for another
        centre's entry or one of another case."""
        ...

    async def list(
        self,
        case_id: CaseId,
        *,
        limit: int,
        kinds: Collection[TimelineKind] = (),
        after: tuple[dt.datetime, uuid.UUID] | None = None,
    ) -> Page[TimelineEntry]:
        """The case's entries newest first (then by entry id, descending), with the total
        matching; ``kinds`` (when given) keeps only those; with ``after``, only entries
        sorting after that ``(at, entry_id)``."""
        ...

    async def case_ids(self, *, limit: int, after: CaseId | None = None) -> Sequence[CaseId]:
        """Ids of the cases with a timeline, ascending, after ``after`` (a rebuild's sweep
        for stale ones)."""
        ...

    async def case_ids_of_client(self, client_id: ClientId) -> Sequence[CaseId]:
        """Ids of that client's cases with a timeline."""
        ...

    async def delete(self, case_ids: Collection[CaseId]) -> None:
        """Remove those cases' timelines; unknown ids are ignored."""
        ...


class WorkQueueItems(Protocol):
    """The work queue items of the unit of work's centre (another centre's are never read,
    written or removed), rewritten whole per scope (a case, or a free-standing task)."""

    async def hold(self, scope_id: uuid.UUID) -> None:
        """Serialise the projection's rewrites of this scope until the transaction ends."""
        ...

    async def replace(self, scope_id: uuid.UUID, items: Sequence[WorkItem]) -> None:
        """Make ``items`` the scope's whole set (none: remove them). Raises
        ``CrossTenantAccess`` for another centre's item or one of another scope."""
        ...

    async def list(
        self,
        user_id: UserId,
        *,
        limit: int,
        section: WorkSection | None = None,
        appointments: tuple[dt.datetime, dt.datetime] | None = None,
        after: tuple[dt.datetime, uuid.UUID] | None = None,
        without: Collection[uuid.UUID] = (),
    ) -> Page[WorkItem]:
        """The user's items soonest first (then by item id), with the total matching;
        ``appointments`` keeps only appointments starting in ``[from, to)``; with
        ``after``, only items sorting after that ``(at, item_id)``; none of the scopes in
        ``without`` (in the total neither)."""
        ...

    async def counts(
        self,
        user_id: UserId,
        *,
        appointments: tuple[dt.datetime, dt.datetime] | None = None,
        without: Collection[uuid.UUID] = (),
    ) -> dict[WorkSection, int]:
        """How many items the user has in each section (every section, zeros included),
        leaving out the scopes in ``without``."""
        ...

    async def scope_ids(self, *, limit: int, after: uuid.UUID | None = None) -> Sequence[uuid.UUID]:
        """Ids of the scopes with items, ascending, after ``after`` (a rebuild's sweep)."""
        ...

    async def delete(self, scope_ids: Collection[uuid.UUID]) -> None:
        """Remove those scopes' items; unknown ids are ignored."""
        ...
