"""What the read models' projections share: how far one is behind the outbox (its lag and
the wait for read-your-writes), and the rebuild's two sweeps (every case of the centre
rewritten in batches, then whatever the read model holds that the write side no longer
has removed).

Each projection (the case list, the timeline, the work queue) is a ``Projection`` with
its own handler name and events, its own rows, and its own ``refresh`` of one case.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Awaitable, Callable, Collection, Hashable, Iterable, Sequence
from typing import ClassVar, TypeVar

from attrs import define, field

from cma_core.cases.ports import CaseRepository
from cma_core.readmodels.model import ReadVersion
from cma_core.readmodels.ports import CaseListRows
from cma_core.scheduling.ports import DeadlineRepository
from cma_core.shared.clock import Clock
from cma_core.shared.events import DomainEvent, EventEnvelope
from cma_core.shared.handlers import Handles, case_of, handles
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.uow import RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.ports import TaskRepository

Progress = Callable[[int, int], None]
"""Called with (cases done, cases in all) as a rebuild goes."""

K = TypeVar("K")
A = TypeVar("A")

Sweep = Callable[[UnitOfWork, A | None], Awaitable[tuple[Sequence[K], A | None]]]
"""One page of what a read model holds: the keys on it, and where the next page starts."""


@define
class Projection:
    """The part of a projection that does not depend on what it keeps."""

    #: The inbox name of the projection's handler, and the events it handles.
    HANDLER: ClassVar[str]
    EVENTS: ClassVar[tuple[type[DomainEvent], ...]]
    EVENT_NAMES: ClassVar[frozenset[str]]

    uow: UnitOfWorkFactory
    clock: Clock
    #: Where the outbox and inboxes are read for the lag (``oldest_unapplied``).
    case_list_rows: RepositoryFactory[CaseListRows] = field(kw_only=True)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)
    deadlines: RepositoryFactory[DeadlineRepository] = field(kw_only=True)
    batch: int = field(default=200, kw_only=True)

    def handlers(self) -> tuple[Handles, ...]:
        """The handler for every event of ``EVENTS``, coalescing per ``_coalesce``."""
        return handles(self.EVENTS, self.HANDLER, self.apply, coalesce=self._coalesce)

    async def apply(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        """Rewrite what the event may have changed from the write side's current state."""
        raise NotImplementedError

    def _coalesce(self, event: EventEnvelope) -> Hashable | None:
        """What the handler rewrites for the event (queued events with the same key need
        one rewrite); ``None``: the event runs on its own."""
        return case_of(event)

    # -- lag ----------------------------------------------------------------------------

    async def pending(
        self, uow: UnitOfWork, *, limit_at: dt.datetime | None = None
    ) -> dt.datetime | None:
        """When the oldest event of ``uow``'s centre occurred that this projection has not
        applied (``None``: caught up); with ``limit_at``, only events up to then count."""
        rows = self.case_list_rows(uow)
        return await rows.oldest_unapplied(self.HANDLER, self.EVENT_NAMES, limit_at=limit_at)

    async def version(self, uow: UnitOfWork) -> ReadVersion:
        """What the read model of ``uow``'s centre reflects now (the watermark and lag)."""
        now = self.clock.now()
        oldest = await self.pending(uow)
        if oldest is None:
            return ReadVersion(watermark=now, lag_seconds=0.0)
        return ReadVersion(
            watermark=min(oldest, now), lag_seconds=max(0.0, (now - oldest).total_seconds())
        )

    async def lag_seconds(self, centre_ids: Iterable[CentreId]) -> float:
        """The largest lag among these centres (the ``/metrics`` gauge)."""
        worst = 0.0
        for centre_id in centre_ids:
            async with self.uow(centre_id) as uow:
                worst = max(worst, (await self.version(uow)).lag_seconds)
        return worst

    async def caught_up(
        self, centre_id: CentreId, written_at: dt.datetime, *, wait: float, poll: float
    ) -> bool:
        """Whether the projection applied every event of the centre up to ``written_at``
        (a write's consistency token) within ``wait`` seconds, polling every ``poll``."""
        until = time.monotonic() + wait
        limit_at = min(written_at, self.clock.now())
        while True:
            async with self.uow(centre_id) as uow:
                pending = await self.pending(uow, limit_at=limit_at)
            if pending is None:
                return True
            if time.monotonic() >= until:
                return False
            await asyncio.sleep(poll)

    # -- rebuild ------------------------------------------------------------------------

    async def _each_case(
        self,
        centre_id: CentreId,
        refresh: Callable[[UnitOfWork, CaseId], Awaitable[object]],
        progress: Progress | None,
    ) -> set[CaseId]:
        """``refresh`` every case of the centre, ``batch`` cases per unit of work (oldest
        opened last); the ids of the cases done."""
        async with self.uow(centre_id) as uow:
            total = (await self.cases(uow).list(limit=1, offset=0)).total
        seen: set[CaseId] = set()
        after: tuple[dt.datetime, CaseId] | None = None
        while True:
            async with self.uow(centre_id) as uow:
                page = await self.cases(uow).list(limit=self.batch, offset=0, after=after)
                for listed in page.items:
                    await refresh(uow, listed.id)
                await uow.commit()
            seen.update(c.id for c in page.items)
            if progress is not None:
                progress(len(seen), max(total, len(seen)))
            if len(page.items) < self.batch:
                return seen
            after = (page.items[-1].opened_at, page.items[-1].id)

    async def _remove_stale(
        self,
        centre_id: CentreId,
        keep: Collection[K],
        sweep: Sweep[A, K],
        delete: Callable[[UnitOfWork, list[K]], Awaitable[None]],
    ) -> None:
        """Page through what the read model holds (``sweep``, ``batch`` keys a page) and
        ``delete`` the keys not in ``keep``, a unit of work per page."""
        after: A | None = None
        while True:
            async with self.uow(centre_id) as uow:
                keys, next_after = await sweep(uow, after)
                stale = [k for k in keys if k not in keep]
                if stale:
                    await delete(uow, stale)
                    await uow.commit()
            if len(keys) < self.batch:
                return
            after = next_after
