"""Contract suite for ``CaseListRows`` (the case list's read model), on memory, SQLite and
PostgreSQL: round trip of every field, upsert, order, filters and keyset paging, removal,
tenancy (bound to centre A, the rows of B are never read, written or removed), the lag
query over the outbox and inbox, and on SQL the client's name never stored in clear.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import attrs
import pytest
from tests.contracts.test_repositories import (
    T0,
    Backend,
    memory_backend,
    new_centre,
    sqlalchemy_backend,
)

from cma_core.cases.model import CaseOpened, CaseStatus, CloseReason
from cma_core.readmodels.model import CaseListRow
from cma_core.readmodels.ports import CaseListRows
from cma_core.shared.errors import CrossTenantAccess
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import UnitOfWork

NAME = "Zebedee Quarrington-Vask"
ADVISER = UserId(uuid.uuid4())
Raw = Callable[[uuid.UUID], Awaitable[str | None]]


def row(
    centre: CentreId,
    *,
    opened: dt.datetime = T0,
    client: ClientId | None = None,
    adviser: UserId | None = ADVISER,
    status: CaseStatus = CaseStatus.OPEN,
    case_id: uuid.UUID | None = None,
) -> CaseListRow:
    return CaseListRow(
        centre_id=centre,
        case_id=CaseId(case_id or uuid.uuid4()),
        reference="C-000042",
        status=status,
        close_reason=CloseReason.ADVICE_COMPLETE if status is CaseStatus.CLOSED else None,
        client_id=client or ClientId(uuid.uuid4()),
        client_name=NAME,
        adviser_id=adviser,
        opened_at=opened,
        updated_at=opened + dt.timedelta(minutes=5),
        closed_at=opened + dt.timedelta(days=1) if status is CaseStatus.CLOSED else None,
        case_version=3,
        next_deadline=dt.date(2026, 12, 18),
        open_tasks=2,
        findings={"fail": {"critical": 1, "medium": 2}, "pass": {"high": 9}},
        last_activity_at=opened + dt.timedelta(hours=2),
        as_of=opened + dt.timedelta(hours=3),
    )


@attrs.define
class RowsBackend:
    base: Backend
    raw: Raw | None = None

    def rows(self, uow: UnitOfWork) -> CaseListRows:
        return self.base.find("case_list_rows")["case_list_rows"](uow)  # type: ignore[no-any-return]


class CaseListRowsContract:
    #: Whether a unit of work reads its own uncommitted writes (the in-memory fake applies
    #: them on commit).
    sees_its_own_writes = True

    @pytest.fixture
    def backend(self) -> RowsBackend:
        raise NotImplementedError

    async def _put(self, b: RowsBackend, *rows: CaseListRow) -> None:
        async with b.base.uow(rows[0].centre_id) as uow:
            for r in rows:
                await b.rows(uow).hold(r.case_id)
                await b.rows(uow).put(r)
            await uow.commit()

    async def test_round_trip_of_every_field_and_replace(self, backend: RowsBackend) -> None:
        centre = await new_centre(backend.base)
        first = row(centre, status=CaseStatus.CLOSED)
        await self._put(backend, first)
        async with backend.base.uow(centre) as uow:
            assert await backend.rows(uow).get(first.case_id) == first
        changed = attrs.evolve(first, open_tasks=0, client_name=None, next_deadline=None)
        await self._put(backend, changed)
        async with backend.base.uow(centre) as uow:
            assert await backend.rows(uow).get(first.case_id) == changed
            assert (await backend.rows(uow).list(limit=10, offset=0)).total == 1

    async def test_rollback_writes_nothing(self, backend: RowsBackend) -> None:
        centre = await new_centre(backend.base)
        r = row(centre)
        async with backend.base.uow(centre) as uow:
            await backend.rows(uow).put(r)
        async with backend.base.uow(centre) as uow:
            assert await backend.rows(uow).get(r.case_id) is None

    async def test_newest_first_filters_and_keyset(self, backend: RowsBackend) -> None:
        centre = await new_centre(backend.base)
        client = ClientId(uuid.uuid4())
        rows = [
            row(centre, opened=T0 + dt.timedelta(hours=i), client=client if i % 2 else None)
            for i in range(5)
        ]
        same_time = row(centre, opened=T0 + dt.timedelta(hours=4), status=CaseStatus.CLOSED)
        await self._put(backend, *rows, same_time)
        async with backend.base.uow(centre) as uow:
            repo = backend.rows(uow)
            page = await repo.list(limit=3, offset=0)
            assert page.total == 6
            ordered = sorted([*rows, same_time], key=lambda r: (r.opened_at, r.case_id))[::-1]
            assert [r.case_id for r in page.items] == [r.case_id for r in ordered[:3]]
            last = page.items[-1]
            rest = await repo.list(limit=10, offset=0, after=(last.opened_at, last.case_id))
            assert [r.case_id for r in rest.items] == [r.case_id for r in ordered[3:]]
            assert (await repo.list(limit=10, offset=0, client_id=client)).total == 2
            closed = await repo.list(limit=10, offset=0, status=CaseStatus.CLOSED)
            assert [r.case_id for r in closed.items] == [same_time.case_id]
            assert (await repo.list(limit=10, offset=0, adviser_id=ADVISER)).total == 6
            nobody = UserId(uuid.uuid4())
            assert (await repo.list(limit=10, offset=0, adviser_id=nobody)).total == 0
            assert set(await repo.case_ids_of_client(client)) == {
                r.case_id for r in rows if r.client_id == client
            }

    async def test_delete_and_clear(self, backend: RowsBackend) -> None:
        centre = await new_centre(backend.base)
        a, b, c = row(centre), row(centre), row(centre)
        await self._put(backend, a, b, c)
        async with backend.base.uow(centre) as uow:
            await backend.rows(uow).delete([a.case_id, CaseId(uuid.uuid4())])
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert await backend.rows(uow).get(a.case_id) is None
            assert await backend.rows(uow).clear() == 2
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert (await backend.rows(uow).list(limit=10, offset=0)).total == 0

    async def test_the_counters_follow_every_write_and_a_recount_agrees(
        self, backend: RowsBackend
    ) -> None:
        """``counts`` (what an unfiltered or status/adviser-filtered ``total`` sums) follows
        puts that add a row, change its status or adviser, or leave both; deletes, clear,
        rollbacks; never another centre's; and ``recount`` from the rows gives the same."""
        centre, other = await new_centre(backend.base), await new_centre(backend.base)
        bea = UserId(uuid.uuid4())
        a, b, c = row(centre), row(centre), row(centre, adviser=None)
        await self._put(backend, a, b, c)
        await self._put(backend, row(other))
        await self._put(backend, attrs.evolve(a, open_tasks=7))  # same key: no change
        await self._put(backend, attrs.evolve(b, status=CaseStatus.CLOSED, adviser_id=bea))
        async with backend.base.uow(centre) as uow:  # rolled back: counted nowhere
            await backend.rows(uow).put(row(centre, adviser=bea))
            await backend.rows(uow).delete([a.case_id])
        expected = {(CaseStatus.OPEN, ADVISER): 1, (CaseStatus.CLOSED, bea): 1}
        expected[(CaseStatus.OPEN, None)] = 1
        async with backend.base.uow(centre) as uow:
            repo = backend.rows(uow)
            assert await repo.counts() == expected
            assert (await repo.list(limit=1, offset=0)).total == 3
            assert (await repo.list(limit=1, offset=0, status=CaseStatus.OPEN)).total == 2
            assert (await repo.list(limit=1, offset=0, adviser_id=bea)).total == 1
            closed_bea = await repo.list(
                limit=1, offset=0, status=CaseStatus.CLOSED, adviser_id=bea
            )
            assert closed_bea.total == 1
            assert (await repo.list(limit=1, offset=0, client_id=a.client_id)).total == 1
            await repo.put(row(centre, adviser=bea))
            if self.sees_its_own_writes:  # in one transaction: its own writes are counted
                assert (await repo.list(limit=1, offset=0, adviser_id=bea)).total == 2
            await repo.delete([a.case_id, CaseId(uuid.uuid4())])
            if self.sees_its_own_writes:
                assert (await repo.list(limit=1, offset=0)).total == 3
            await uow.commit()
        expected = {(CaseStatus.OPEN, bea): 1, (CaseStatus.CLOSED, bea): 1}
        expected[(CaseStatus.OPEN, None)] = 1
        async with backend.base.uow(centre) as uow:
            repo = backend.rows(uow)
            assert await repo.counts() == expected
            assert await repo.recount() == 3
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert await backend.rows(uow).counts() == expected
        async with backend.base.uow(other) as uow:
            assert await backend.rows(uow).counts() == {(CaseStatus.OPEN, ADVISER): 1}
            assert (await backend.rows(uow).list(limit=1, offset=0)).total == 1
        async with backend.base.uow(centre) as uow:
            assert await backend.rows(uow).clear() == 3
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert await backend.rows(uow).counts() == {}
            assert (await backend.rows(uow).list(limit=1, offset=0)).total == 0
        async with backend.base.uow(other) as uow:
            assert (await backend.rows(uow).list(limit=1, offset=0)).total == 1

    async def test_another_centres_rows_are_never_touched(self, backend: RowsBackend) -> None:
        centre_a, centre_b = await new_centre(backend.base), await new_centre(backend.base)
        theirs = row(centre_b)
        await self._put(backend, theirs)
        async with backend.base.uow(centre_a) as uow:
            repo = backend.rows(uow)
            assert await repo.get(theirs.case_id) is None
            assert (await repo.list(limit=10, offset=0)).total == 0
            assert await repo.case_ids_of_client(theirs.client_id) == []
            with pytest.raises(CrossTenantAccess):
                await repo.put(attrs.evolve(theirs, open_tasks=9))
            await repo.delete([theirs.case_id])
            assert await repo.clear() == 0
            await uow.commit()
        async with backend.base.uow(centre_b) as uow:
            assert await backend.rows(uow).get(theirs.case_id) == theirs

    async def test_oldest_unapplied_reads_the_outbox_and_inbox(self, backend: RowsBackend) -> None:
        centre, other = await new_centre(backend.base), await new_centre(backend.base)
        envs = [_event(centre, T0 + dt.timedelta(seconds=i)) for i in range(3)]
        async with backend.base.uow(centre) as uow:
            await uow.outbox.add(envs)
            await uow.commit()
        async with backend.base.uow(other) as uow:
            await uow.outbox.add([_event(other, T0 - dt.timedelta(days=1))])
            await uow.commit()
        names = {CaseOpened.name}
        async with backend.base.uow(centre) as uow:
            repo = backend.rows(uow)
            assert await repo.oldest_unapplied("h", names) == envs[0].occurred_at
            assert await repo.oldest_unapplied("h", {"SomethingElse"}) is None
            limit_at = T0 - dt.timedelta(seconds=1)
            assert await repo.oldest_unapplied("h", names, limit_at=limit_at) is None
            await uow.inbox.mark(envs[0].event_id, "h", T0)
            await uow.outbox.settle(envs[1].event_id, T0)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.rows(uow)
            assert await repo.oldest_unapplied("h", names) == envs[2].occurred_at
            assert await repo.oldest_unapplied("other", names) == envs[0].occurred_at

    async def test_the_client_name_is_not_stored_in_clear(self, backend: RowsBackend) -> None:
        if backend.raw is None:
            pytest.skip("memory: nothing is stored anywhere")
        centre = await new_centre(backend.base)
        r = row(centre)
        await self._put(backend, r)
        stored = await backend.raw(r.case_id)
        assert stored is not None
        assert "Zebedee" not in stored
        assert "Vask" not in stored


def _event(centre: CentreId, at: dt.datetime) -> EventEnvelope:
    return EventEnvelope.wrap(
        CaseOpened(
            centre_id=centre,
            occurred_at=at,
            case_id=CaseId(uuid.uuid4()),
            client_id=ClientId(uuid.uuid4()),
            adviser_id=None,
            opened_by=None,
        )
    )


def _raw_reader(url: str) -> Raw:
    import sqlalchemy as sa

    async def raw(case_id: uuid.UUID) -> str | None:
        # The test's own connection, as the table owner (no RLS): what is on disk.
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        try:
            with engine.connect() as conn:
                found = conn.execute(
                    sa.text("SELECT * FROM case_list_rows WHERE case_id = :id"),
                    {"id": case_id.hex if url.startswith("sqlite") else case_id},
                ).first()
        finally:
            engine.dispose()
        return None if found is None else repr(tuple(found))

    return raw


class TestMemoryCaseListRows(CaseListRowsContract):
    sees_its_own_writes = False

    @pytest.fixture
    def backend(self) -> RowsBackend:
        return RowsBackend(memory_backend())


class TestSqliteCaseListRows(CaseListRowsContract):
    @pytest.fixture
    async def backend(
        self,
        sqlite_url: str,
    ) -> AsyncIterator[RowsBackend]:
        async for base in sqlalchemy_backend(sqlite_url):
            yield RowsBackend(base, _raw_reader(sqlite_url))

    def test_the_total_counts_the_narrowest_index(self, sqlite_url: str) -> None:
        """A page's ``total`` (``count(*)`` of the centre's rows, migration 2040) reads the
        centre id index, half as wide as the next narrowest: at 5,000 cases a centre it
        was ~100 pages a list (benchmarks/README.md, the 1M case list tail)."""
        import sqlite3

        db = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
        try:
            plan = db.execute(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM case_list_rows WHERE centre_id = ?",
                (uuid.uuid4().hex,),
            ).fetchall()
        finally:
            db.close()
        assert [p[-1] for p in plan] == [
            "SEARCH case_list_rows USING COVERING INDEX ix_case_list_rows_centre (centre_id=?)"
        ]


@pytest.mark.postgres
class TestPostgresCaseListRows(CaseListRowsContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[RowsBackend]:
        async for base in sqlalchemy_backend(postgres_url):
            yield RowsBackend(base, _raw_reader(postgres_url))
