"""The in-memory read models (the case list rows, the cases' timelines: the fakes), joined
to ``InMemoryUnitOfWork``."""

from __future__ import annotations

import collections
import datetime as dt
import uuid
from collections.abc import Collection, Sequence

from attrs import frozen

from cma_adapters.memory.scheduling import RepoBase
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.cases.model import CaseStatus
from cma_core.readmodels.model import (
    CaseListRow,
    TimelineEntry,
    TimelineKind,
    WorkItem,
    WorkSection,
)
from cma_core.readmodels.ports import CaseListRows, CaseTimelines, WorkQueueItems
from cma_core.shared.errors import CrossTenantAccess
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import Page, UnitOfWork


class InMemoryCaseListRows(RepoBase, CaseListRows):
    table_name = "readmodels.case_list_rows"

    async def hold(self, case_id: CaseId) -> None:
        return None  # one event loop, and commits apply at once: writes are serial

    async def put(self, row: CaseListRow) -> None:
        self._own(row.centre_id, "case list row")
        self._stage((row.centre_id, row.case_id), row)

    async def get(self, case_id: CaseId) -> CaseListRow | None:
        row: CaseListRow | None = self._rows.get((self._centre, case_id))
        return row

    async def delete(self, case_ids: Collection[CaseId]) -> None:
        rows, keys = self._rows, [(self._centre, i) for i in case_ids]

        def apply() -> None:
            for key in keys:
                rows.pop(key, None)

        self._uow.staging.ops.append(apply)

    async def case_ids_of_client(self, client_id: ClientId) -> Sequence[CaseId]:
        return [r.case_id for r in self._mine() if r.client_id == client_id]

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
        rows: list[CaseListRow] = [
            r
            for r in self._mine()
            if (status is None or r.status == status)
            and (adviser_id is None or r.adviser_id == adviser_id)
            and (client_id is None or r.client_id == client_id)
        ]
        rows.sort(key=lambda r: (r.opened_at, r.case_id), reverse=True)
        total = len(rows)
        if after is not None:
            rows = [r for r in rows if (r.opened_at, r.case_id) < after]
        return Page(items=rows[offset : offset + limit], total=total, limit=limit, offset=offset)

    async def clear(self) -> int:
        mine = [r.case_id for r in self._mine()]
        await self.delete(mine)
        return len(mine)

    async def counts(self) -> dict[tuple[CaseStatus, UserId | None], int]:
        # Counted from the rows each time: a list here walks them all anyway.
        return dict(collections.Counter((r.status, r.adviser_id) for r in self._mine()))

    async def recount(self) -> int:
        return len(list(self._mine()))

    async def oldest_unapplied(
        self, handler: str, events: Collection[str], *, limit_at: dt.datetime | None = None
    ) -> dt.datetime | None:
        db, centre = self._uow.db, self._centre
        pending = [
            env.occurred_at
            for env, _published in db.outbox.values()
            if env.centre_id == centre
            and env.name in events
            and env.event_id not in db.outbox_settled
            and (centre, env.event_id, handler) not in db.inbox
            and (limit_at is None or env.occurred_at <= limit_at)
        ]
        return min(pending, default=None)


def case_list_rows(uow: UnitOfWork) -> CaseListRows:
    return InMemoryCaseListRows(InMemoryUnitOfWork.of(uow))


@frozen
class _Timeline:
    """One case's entries (the record the eraser's ``case_id`` sweep finds)."""

    centre_id: CentreId
    case_id: CaseId
    client_id: ClientId
    entries: tuple[TimelineEntry, ...]


class InMemoryCaseTimelines(RepoBase, CaseTimelines):
    table_name = "readmodels.case_timelines"

    async def hold(self, case_id: CaseId) -> None:
        return None  # one event loop, and commits apply at once: writes are serial

    async def replace(
        self,
        case_id: CaseId,
        entries: Sequence[TimelineEntry],
        *,
        kinds: Collection[TimelineKind] | None = None,
    ) -> None:
        for e in entries:
            self._own(e.centre_id, "timeline entry")
            if e.case_id != case_id:
                raise CrossTenantAccess("timeline entry belongs to another case")
            if kinds is not None and e.kind not in kinds:
                raise ValueError(f"a {e.kind} entry replacing only {sorted(kinds)}")
        rows, key, centre = self._rows, (self._centre, case_id), self._centre
        chosen = None if kinds is None else frozenset(kinds)

        def apply() -> None:  # at commit, after what the unit of work staged before
            found: _Timeline | None = rows.get(key)
            kept = [
                e
                for e in (found.entries if found else ())
                if chosen is not None and e.kind not in chosen
            ]
            merged = (*kept, *entries)
            if not merged:
                rows.pop(key, None)
                return
            rows[key] = _Timeline(centre, case_id, merged[0].client_id, merged)

        self._uow.staging.ops.append(apply)

    async def list(
        self,
        case_id: CaseId,
        *,
        limit: int,
        kinds: Collection[TimelineKind] = (),
        after: tuple[dt.datetime, uuid.UUID] | None = None,
    ) -> Page[TimelineEntry]:
        found: _Timeline | None = self._rows.get((self._centre, case_id))
        entries = [e for e in (found.entries if found else ()) if not kinds or e.kind in kinds]
        entries.sort(key=lambda e: (e.at, e.entry_id), reverse=True)
        total = len(entries)
        if after is not None:
            entries = [e for e in entries if (e.at, e.entry_id) < after]
        return Page(items=entries[:limit], total=total, limit=limit, offset=0)

    async def case_ids(self, *, limit: int, after: CaseId | None = None) -> Sequence[CaseId]:
        ids = sorted(t.case_id for t in self._mine())
        return [i for i in ids if after is None or i > after][:limit]

    async def case_ids_of_client(self, client_id: ClientId) -> Sequence[CaseId]:
        return sorted(t.case_id for t in self._mine() if t.client_id == client_id)

    async def delete(self, case_ids: Collection[CaseId]) -> None:
        rows, keys = self._rows, [(self._centre, i) for i in case_ids]

        def apply() -> None:
            for key in keys:
                rows.pop(key, None)

        self._uow.staging.ops.append(apply)


def case_timelines(uow: UnitOfWork) -> CaseTimelines:
    return InMemoryCaseTimelines(InMemoryUnitOfWork.of(uow))


@frozen
class _Scope:
    """One scope's work items (``case_id`` for the eraser's sweep)."""

    centre_id: CentreId
    scope_id: uuid.UUID
    case_id: CaseId | None
    items: tuple[WorkItem, ...]


def _shown(
    item: WorkItem,
    section: WorkSection | None,
    appointments: tuple[dt.datetime, dt.datetime] | None,
) -> bool:
    if section is not None and item.section is not section:
        return False
    if appointments is not None and item.section is WorkSection.APPOINTMENT:
        return appointments[0] <= item.at < appointments[1]
    return True


class InMemoryWorkQueueItems(RepoBase, WorkQueueItems):
    table_name = "readmodels.work_queue_items"

    async def hold(self, scope_id: uuid.UUID) -> None:
        return None

    async def replace(self, scope_id: uuid.UUID, items: Sequence[WorkItem]) -> None:
        for i in items:
            self._own(i.centre_id, "work item")
            if i.scope_id != scope_id:
                raise CrossTenantAccess("work item belongs to another scope")
        if not items:
            await self.delete([scope_id])
            return
        self._stage(
            (self._centre, scope_id),
            _Scope(self._centre, scope_id, items[0].case_id, tuple(items)),
        )

    def _items(self, user_id: UserId, without: Collection[uuid.UUID] = ()) -> list[WorkItem]:
        skip = set(without)
        return [
            i
            for s in self._mine()
            if s.scope_id not in skip
            for i in s.items
            if i.user_id == user_id
        ]

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
        items = [i for i in self._items(user_id, without) if _shown(i, section, appointments)]
        items.sort(key=lambda i: (i.at, i.item_id))
        total = len(items)
        if after is not None:
            items = [i for i in items if (i.at, i.item_id) > after]
        return Page(items=items[:limit], total=total, limit=limit, offset=0)

    async def counts(
        self,
        user_id: UserId,
        *,
        appointments: tuple[dt.datetime, dt.datetime] | None = None,
        without: Collection[uuid.UUID] = (),
    ) -> dict[WorkSection, int]:
        out = dict.fromkeys(WorkSection, 0)
        for i in self._items(user_id, without):
            if _shown(i, None, appointments):
                out[i.section] += 1
        return out

    async def scope_ids(self, *, limit: int, after: uuid.UUID | None = None) -> Sequence[uuid.UUID]:
        ids = sorted(s.scope_id for s in self._mine())
        return [i for i in ids if after is None or i > after][:limit]

    async def delete(self, scope_ids: Collection[uuid.UUID]) -> None:
        rows, keys = self._rows, [(self._centre, i) for i in scope_ids]

        def apply() -> None:
            for key in keys:
                rows.pop(key, None)

        self._uow.staging.ops.append(apply)


def work_queue_items(uow: UnitOfWork) -> WorkQueueItems:
    return InMemoryWorkQueueItems(InMemoryUnitOfWork.of(uow))
