"""The case list's projection (event handlers, rebuild, lag) and its query use case.

The projection is kept from the outbox by the worker, with the same delivery and inbox as
every other handler: one handler, ``case_list``, for every event that can change a row.
Each run re-reads the current state of the cases the event names in the handler's own
unit of work and rewrites their rows whole, holding the row (``CaseListRows.hold``) before
it reads, so an event handled late, twice or out of order still leaves the current row.
Handlers are registered after compliance's, so the findings read are those the same
event just re-evaluated.

Read-your-writes: a write answer carries the time it was written (a consistency token);
a list that presents it waits up to ``wait_seconds`` for the projection to have applied
every event of the centre up to that time, and otherwise reads the page from the write
tables (the same row builder, so the same shape). See docs/READ-MODELS.md.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import TypedDict

import attrs
from attrs import define, field

from cma_core.cases.model import (
    AdviserAssigned,
    Case,
    CaseClosed,
    CaseNoteAdded,
    CaseOpened,
    CaseReopened,
    CaseStatus,
    visible_adviser,
)
from cma_core.clients.model import ClientUpdated
from cma_core.clients.ports import ClientRepository
from cma_core.compliance.model import FileReviewRecorded
from cma_core.compliance.ports import FindingRepository
from cma_core.compliance.service import REEVALUATE_ON
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.events import CaseErased, ClientErased
from cma_core.readmodels.model import CaseListRow, FindingCounts, ReadVersion
from cma_core.readmodels.projection import Progress, Projection
from cma_core.reference.ports import ReferenceLoaded
from cma_core.scheduling.ports import (
    DeadlineMet,
    DeadlinePassed,
    DeadlineStatus,
    FactRecorded,
    FactWithdrawn,
)
from cma_core.shared.clock import Clock
from cma_core.shared.events import DomainEvent, EventEnvelope
from cma_core.shared.handlers import case_of
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.paging import after_time_and_id, with_next_cursor
from cma_core.shared.service import check_page
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.model import TaskChanged, TaskStatus

#: The inbox name of the projection's handler (stored: never rename it).
HANDLER = "case_list"

#: Every event that can change a row: the case's own, what compliance re-evaluates on
#: (the findings), tasks and deadlines, the client's name, erasures.
EVENTS: tuple[type[DomainEvent], ...] = tuple(
    dict.fromkeys(
        (
            CaseOpened, AdviserAssigned, CaseClosed, CaseReopened, CaseNoteAdded,
            TaskChanged, FactRecorded, FactWithdrawn, DeadlinePassed, DeadlineMet,
            *REEVALUATE_ON, FileReviewRecorded, ClientUpdated, CaseErased, ClientErased,
        )
    )
)  # fmt: skip
EVENT_NAMES = frozenset(e.name for e in EVENTS)
#: Events whose rows are found beyond the ``case_id`` they carry (never coalesced).
_REACHING = frozenset(
    e.name for e in (ClientUpdated, ClientErased, FileReviewRecorded, ReferenceLoaded)
)
#: Tasks of one case read to count the open ones and find the newest change.
MAX_TASKS = 1000


def finding_counts(statuses: Iterable[tuple[str, str]]) -> FindingCounts:
    """``(status, severity)`` pairs counted by status, then severity."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for (status, severity), n in sorted(Counter(statuses).items()):
        out[status][severity] = n
    return dict(out)


@define
class CaseListProjection(Projection):
    """Keeps ``case_list_rows`` in step with the write side; rebuilds it; measures its lag."""

    HANDLER = HANDLER
    EVENTS = EVENTS
    EVENT_NAMES = EVENT_NAMES

    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)
    findings: RepositoryFactory[FindingRepository] = field(kw_only=True)

    def _coalesce(self, event: EventEnvelope) -> Hashable | None:
        """Rows are rewritten whole from the current state: queued events naming only one
        case need one rewrite of its row (events that reach further run on their own)."""
        return None if event.name in _REACHING else case_of(event)

    # -- the handler --------------------------------------------------------------------

    async def apply(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        """Rewrite the rows of every case the event may have changed."""
        for case_id in await self._affected(uow, event):
            await self.refresh(uow, case_id, event.occurred_at)

    async def _affected(self, uow: UnitOfWork, event: EventEnvelope) -> list[CaseId]:
        payload = event.payload
        ids: list[CaseId] = []
        if payload.get("case_id"):
            ids.append(CaseId(uuid.UUID(str(payload["case_id"]))))
        if event.name == ClientUpdated.name:
            client_id = ClientId(uuid.UUID(str(payload["client_id"])))
            ids += [c.id for c in await self._all_cases(uow, client_id=client_id)]
        elif event.name == ClientErased.name:  # the cases are gone: their rows go too
            client_id = ClientId(uuid.UUID(str(payload["client_id"])))
            ids += await self.case_list_rows(uow).case_ids_of_client(client_id)
        elif event.name == FileReviewRecorded.name and payload.get("adviser_id"):
            adviser = UserId(uuid.UUID(str(payload["adviser_id"])))
            ids += [c.id for c in await self._all_cases(uow, adviser_id=adviser, open_only=True)]
        elif event.name == ReferenceLoaded.name:
            ids += [c.id for c in await self._all_cases(uow, open_only=True)]
        return list(dict.fromkeys(ids))

    async def refresh(self, uow: UnitOfWork, case_id: CaseId, at: dt.datetime) -> None:
        """Rewrite one case's row from the current state (remove it if the case is gone);
        ``as_of`` only moves forward."""
        rows = self.case_list_rows(uow)
        await rows.hold(case_id)
        row = await self.read_row(uow, case_id, as_of=at)
        if row is None:
            await rows.delete([case_id])
            return
        previous = await rows.get(case_id)
        if previous is not None and previous.as_of > at:
            row = attrs.evolve(row, as_of=previous.as_of)
        await rows.put(row)

    async def read_row(
        self, uow: UnitOfWork, case_id: CaseId, *, as_of: dt.datetime, case: Case | None = None
    ) -> CaseListRow | None:
        """The row of the case as the write side has it now, or ``None`` if there is no
        such case in the centre."""
        case = case or await self.cases(uow).get(case_id)
        if case is None:
            return None
        client = await self.clients(uow).get(case.client_id)
        tasks = (await self.tasks(uow).list(limit=MAX_TASKS, offset=0, case_id=case.id)).items
        open_deadlines = await self.deadlines(uow).list(
            limit=1, offset=0, case_id=case.id, status=DeadlineStatus.OPEN
        )
        stored = await self.findings(uow).for_case(case.id)
        changes = [case.updated_at, *(t.updated_at or t.created_at for t in tasks)]
        return CaseListRow(
            centre_id=case.centre_id,
            case_id=case.id,
            reference=case.reference,
            status=case.status,
            close_reason=case.close_reason,
            client_id=case.client_id,
            client_name=client.display_name if client is not None else None,
            adviser_id=case.adviser_id,
            opened_at=case.opened_at,
            updated_at=case.updated_at,
            closed_at=case.closed_at,
            case_version=case.version,
            next_deadline=open_deadlines.items[0].deadline.due if open_deadlines.items else None,
            open_tasks=sum(1 for t in tasks if t.status is TaskStatus.OPEN),
            findings=finding_counts(
                (s.finding.status.value, s.finding.severity.value) for s in stored
            ),
            last_activity_at=max(changes),
            as_of=as_of,
        )

    async def _all_cases(
        self,
        uow: UnitOfWork,
        *,
        client_id: ClientId | None = None,
        adviser_id: UserId | None = None,
        open_only: bool = False,
    ) -> list[Case]:
        found: list[Case] = []
        status = CaseStatus.OPEN if open_only else None
        after: tuple[dt.datetime, CaseId] | None = None
        while True:
            page = await self.cases(uow).list(
                limit=self.batch, offset=0, status=status, client_id=client_id,
                adviser_id=adviser_id, after=after,
            )  # fmt: skip
            found.extend(page.items)
            if len(page.items) < self.batch:
                return found
            last = page.items[-1]
            after = (last.opened_at, last.id)

    # -- rebuild ------------------------------------------------------------------------

    async def incomplete(self, centre_id: CentreId) -> bool:
        """Whether the centre has more cases than the list has rows: a database upgraded
        to the read model (migration 1620) with cases from before it, or rows lost.
        ``cma migrate`` rebuilds such a centre's list."""
        async with self.uow(centre_id) as uow:  # counts only: no row read, no key opened
            cases = (await self.cases(uow).list(limit=0, offset=0)).total
            rows = (await self.case_list_rows(uow).list(limit=0, offset=0)).total
        return rows < cases

    async def rebuild(self, centre_id: CentreId, progress: Progress | None = None) -> int:
        """Rewrite every row of the centre from the write side, then remove rows of cases
        that no longer exist. The list stays whole meanwhile (no emptying first). Returns
        how many rows were written."""
        started = self.clock.now()

        async def refresh(uow: UnitOfWork, case_id: CaseId) -> None:
            await self.refresh(uow, case_id, started)

        seen = await self._each_case(centre_id, refresh, progress)
        await self._remove_stale(centre_id, seen, self._sweep, self._delete)
        async with self.uow(centre_id) as uow:  # the list's total: counted from the rows again
            await self.case_list_rows(uow).recount()
            await uow.commit()
        return len(seen)

    async def _sweep(
        self, uow: UnitOfWork, after: tuple[dt.datetime, CaseId] | None
    ) -> tuple[list[CaseId], tuple[dt.datetime, CaseId] | None]:
        page = await self.case_list_rows(uow).list(limit=self.batch, offset=0, after=after)
        ids = [r.case_id for r in page.items]
        if not page.items:
            return ids, None
        return ids, (page.items[-1].opened_at, page.items[-1].case_id)

    async def _delete(self, uow: UnitOfWork, case_ids: list[CaseId]) -> None:
        await self.case_list_rows(uow).delete(case_ids)


class _Filters(TypedDict):
    status: CaseStatus | None
    adviser_id: UserId | None
    client_id: ClientId | None


@define
class CaseListQuery:
    """``GET /api/v1/cases``: the case list read from the projection."""

    uow: UnitOfWorkFactory
    clock: Clock
    projection: CaseListProjection
    #: How long a list presenting a consistency token waits for the projection before it
    #: reads the write tables instead (``CMA_READ_YOUR_WRITES_WAIT``).
    wait_seconds: float = 1.0
    poll_seconds: float = 0.02

    async def list(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
        cursor: str | None = None,
        written_at: dt.datetime | None = None,
    ) -> tuple[Page[CaseListRow], ReadVersion]:
        """Rows of the centre's cases the user may see (their own without
        ``case:read_all``), newest first; the client's name only with ``client:read``.

        ``written_at`` (a write's consistency token): the page reflects every write of the
        centre made up to then, from the projection if it catches up in time, else from
        the write tables (``ReadVersion.source == "write"``)."""
        ctx.require(Permission.CASE_READ)
        check_page(limit, offset)
        key = after_time_and_id(cursor, offset)
        after = None if key is None else (key[0], CaseId(key[1]))
        visible, adviser_id = visible_adviser(ctx, adviser_id)
        filters = _Filters(status=status, adviser_id=adviser_id, client_id=client_id)
        caught_up = written_at is None or await self.projection.caught_up(
            ctx.centre_id, written_at, wait=self.wait_seconds, poll=self.poll_seconds
        )
        async with self.uow(ctx.centre_id) as uow:
            if not visible:
                page: Page[CaseListRow] = Page(items=(), total=0, limit=limit, offset=offset)
                version = await self.projection.version(uow)
            elif caught_up:
                version = await self.projection.version(uow)
                rows = self.projection.case_list_rows(uow)
                page = await rows.list(limit=limit, offset=offset, after=after, **filters)
            else:
                page = await self._from_write_side(uow, limit, offset, after, filters)
                version = ReadVersion(watermark=self.clock.now(), lag_seconds=0, source="write")
        if not ctx.can(Permission.CLIENT_READ):
            page = attrs.evolve(page, items=[attrs.evolve(r, client_name=None) for r in page.items])
        return with_next_cursor(page, lambda r: (r.opened_at, r.case_id)), version

    async def _from_write_side(
        self,
        uow: UnitOfWork,
        limit: int,
        offset: int,
        after: tuple[dt.datetime, CaseId] | None,
        filters: _Filters,
    ) -> Page[CaseListRow]:
        cases = await self.projection.cases(uow).list(
            limit=limit,
            offset=offset,
            after=after,
            **filters,
        )
        now = self.clock.now()
        items: Sequence[CaseListRow] = [
            row
            for c in cases.items
            if (row := await self.projection.read_row(uow, c.id, as_of=now)) is not None
        ]
        return Page(items=items, total=cases.total, limit=limit, offset=offset)
