"""Contract suite for ``WorkQueueItems`` (each user's work queue read model), on memory,
SQLite and PostgreSQL: round trip, a scope's items replaced whole, soonest first with a
stable order on equal times, the section filter, the appointments window, counts per
section, keyset paging, scopes left out, the rebuild's sweep, removal and tenancy."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator

import attrs
import pytest
from tests.contracts.test_repositories import (
    T0,
    Backend,
    memory_backend,
    new_centre,
    sqlalchemy_backend,
)

from cma_core.readmodels.model import WorkItem, WorkSection
from cma_core.readmodels.ports import WorkQueueItems
from cma_core.shared.errors import CrossTenantAccess
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.uow import UnitOfWork

USER = UserId(uuid.uuid4())


def item(
    centre: CentreId,
    scope: uuid.UUID,
    *,
    at: dt.datetime = T0,
    section: WorkSection = WorkSection.TASK,
    user: UserId = USER,
) -> WorkItem:
    return WorkItem(
        centre_id=centre,
        user_id=user,
        section=section,
        item_id=uuid.uuid4(),
        scope_id=scope,
        case_id=CaseId(scope),
        at=at,
        title="Call the council",
        label="high",
        case_reference="C-000042",
    )


@attrs.define
class QueueBackend:
    base: Backend

    def repo(self, uow: UnitOfWork) -> WorkQueueItems:
        return self.base.find("work_queue_items")["work_queue_items"](uow)  # type: ignore[no-any-return]


class WorkQueueItemsContract:
    @pytest.fixture
    def backend(self) -> QueueBackend:
        raise NotImplementedError

    async def _replace(
        self, b: QueueBackend, centre: CentreId, scope: uuid.UUID, *items: WorkItem
    ) -> None:
        async with b.base.uow(centre) as uow:
            await b.repo(uow).hold(scope)
            await b.repo(uow).replace(scope, list(items))
            await uow.commit()

    async def test_round_trip_replace_and_order(self, backend: QueueBackend) -> None:
        centre, scope = await new_centre(backend.base), uuid.uuid4()
        same = T0 + dt.timedelta(hours=1)
        items = [
            item(centre, scope, at=T0 + dt.timedelta(hours=2)),
            item(centre, scope, at=same, section=WorkSection.DEADLINE),
            item(centre, scope, at=same),
            attrs.evolve(item(centre, scope), case_id=None, label=None, case_reference=None),
            item(centre, scope, at=T0 + dt.timedelta(hours=3), section=WorkSection.DOCUMENT),
        ]
        items[-1] = attrs.evolve(items[-1], label="new_debt", to_check=2)
        await self._replace(backend, centre, scope, *items)
        ordered = sorted(items, key=lambda i: (i.at, i.item_id))
        async with backend.base.uow(centre) as uow:
            repo = backend.repo(uow)
            page = await repo.list(USER, limit=2)
            assert page.total == 5
            assert list(page.items) == ordered[:2]
            last = page.items[-1]
            rest = await repo.list(USER, limit=10, after=(last.at, last.item_id))
            assert list(rest.items) == ordered[2:]
            deadlines = await repo.list(USER, limit=10, section=WorkSection.DEADLINE)
            assert [i.section for i in deadlines.items] == [WorkSection.DEADLINE]
            assert (await repo.list(UserId(uuid.uuid4()), limit=10)).total == 0
            assert await repo.counts(USER) == {
                WorkSection.TASK: 3, WorkSection.DEADLINE: 1,
                WorkSection.APPOINTMENT: 0, WorkSection.DOCUMENT: 1,
            }  # fmt: skip
        await self._replace(backend, centre, scope, items[0])
        async with backend.base.uow(centre) as uow:
            assert list((await backend.repo(uow).list(USER, limit=10)).items) == [items[0]]
        await self._replace(backend, centre, scope)
        async with backend.base.uow(centre) as uow:
            assert (await backend.repo(uow).list(USER, limit=10)).total == 0
            assert await backend.repo(uow).scope_ids(limit=10) == []

    async def test_the_appointments_window(self, backend: QueueBackend) -> None:
        centre, scope = await new_centre(backend.base), uuid.uuid4()
        day = (T0, T0 + dt.timedelta(days=1))
        today = item(centre, scope, at=T0 + dt.timedelta(hours=9), section=WorkSection.APPOINTMENT)
        tomorrow = item(centre, scope, at=day[1], section=WorkSection.APPOINTMENT)
        later_task = item(centre, scope, at=day[1] + dt.timedelta(days=3))
        await self._replace(backend, centre, scope, today, tomorrow, later_task)
        async with backend.base.uow(centre) as uow:
            repo = backend.repo(uow)
            shown = await repo.list(USER, limit=10, appointments=day)
            assert list(shown.items) == [today, later_task]
            counts = await repo.counts(USER, appointments=day)
            assert (counts[WorkSection.APPOINTMENT], counts[WorkSection.TASK]) == (1, 1)
            assert (await repo.counts(USER))[WorkSection.APPOINTMENT] == 2

    async def test_scopes_left_out(self, backend: QueueBackend) -> None:
        """``without`` leaves those scopes out of the page, its total and the counts (the
        write-side merge reads them afresh instead)."""
        centre = await new_centre(backend.base)
        kept, left, also_left = (uuid.uuid4() for _ in range(3))
        mine = item(centre, kept, section=WorkSection.DEADLINE)
        await self._replace(backend, centre, kept, mine)
        await self._replace(backend, centre, left, item(centre, left), item(centre, left))
        await self._replace(backend, centre, also_left, item(centre, also_left))
        async with backend.base.uow(centre) as uow:
            repo = backend.repo(uow)
            page = await repo.list(USER, limit=10, without={left, also_left})
            assert (list(page.items), page.total) == ([mine], 1)
            assert (await repo.list(USER, limit=10, without=[left])).total == 2
            assert await repo.counts(USER, without=[left, also_left]) == {
                WorkSection.TASK: 0, WorkSection.DEADLINE: 1,
                WorkSection.APPOINTMENT: 0, WorkSection.DOCUMENT: 0,
            }  # fmt: skip
            assert (await repo.counts(USER, without=[uuid.uuid4()]))[WorkSection.TASK] == 3

    async def test_rollback_sweep_and_delete(self, backend: QueueBackend) -> None:
        centre = await new_centre(backend.base)
        async with backend.base.uow(centre) as uow:
            scope = uuid.uuid4()
            await backend.repo(uow).replace(scope, [item(centre, scope)])
        async with backend.base.uow(centre) as uow:
            assert (await backend.repo(uow).list(USER, limit=10)).total == 0
        scopes = sorted(uuid.uuid4() for _ in range(4))
        for s in scopes:
            await self._replace(backend, centre, s, item(centre, s))
        async with backend.base.uow(centre) as uow:
            repo = backend.repo(uow)
            assert await repo.scope_ids(limit=2) == scopes[:2]
            assert await repo.scope_ids(limit=10, after=scopes[1]) == scopes[2:]
            await repo.delete([scopes[0], uuid.uuid4()])
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert await backend.repo(uow).scope_ids(limit=10) == scopes[1:]

    async def test_another_centres_items_are_never_touched(self, backend: QueueBackend) -> None:
        centre_a, centre_b = await new_centre(backend.base), await new_centre(backend.base)
        scope = uuid.uuid4()
        theirs = item(centre_b, scope)
        await self._replace(backend, centre_b, scope, theirs)
        async with backend.base.uow(centre_a) as uow:
            repo = backend.repo(uow)
            assert (await repo.list(USER, limit=10)).total == 0
            assert sum((await repo.counts(USER)).values()) == 0
            assert await repo.scope_ids(limit=10) == []
            with pytest.raises(CrossTenantAccess):
                await repo.replace(scope, [theirs])
            with pytest.raises(CrossTenantAccess):
                await repo.replace(uuid.uuid4(), [item(centre_a, scope)])
            await repo.delete([scope])
            await repo.replace(scope, [])
            await uow.commit()
        async with backend.base.uow(centre_b) as uow:
            assert list((await backend.repo(uow).list(USER, limit=10)).items) == [theirs]


class TestMemoryWorkQueueItems(WorkQueueItemsContract):
    @pytest.fixture
    def backend(self) -> QueueBackend:
        return QueueBackend(memory_backend())


class TestSqliteWorkQueueItems(WorkQueueItemsContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[QueueBackend]:
        async for base in sqlalchemy_backend(sqlite_url):
            yield QueueBackend(base)


@pytest.mark.postgres
class TestPostgresWorkQueueItems(WorkQueueItemsContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[QueueBackend]:
        async for base in sqlalchemy_backend(postgres_url):
            yield QueueBackend(base)
