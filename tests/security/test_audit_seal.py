"""Views audited off the request path: entries written unsealed in the request's
transaction (no chain lock), linked into the centre's chain later by ``AuditSealer``.

On memory, SQLite and PostgreSQL: sealed in write order and interleaved correctly with
entries linked at commit; nothing lost if the process dies between the write and the
seal; ``verify`` counts unsealed entries apart and still names tampering once sealed.
On PostgreSQL: concurrent writers and two sealers make one intact chain, and the
append-only trigger admits the seal and nothing else.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable

import attrs
import pytest
from tests.contracts.test_repositories import KEYS, make_audit, new_centre

from cma_adapters.memory import InMemoryDatabase, InMemoryIdentityStore, in_memory_uow_factory
from cma_adapters.memory.uow import FixedClock
from cma_core.audit.model import AuditEntry
from cma_core.audit.service import AuditSealer, AuditService
from cma_core.identity.model import TenantContext
from cma_core.identity.ports import IdentityStore
from cma_core.shared.ids import CentreId
from cma_core.shared.uow import UnitOfWorkFactory


@attrs.define
class SealBackend:
    identity: IdentityStore
    #: A fresh factory each call: a "restarted process" on the SQL backends.
    factory: Callable[[], UnitOfWorkFactory]
    db: InMemoryDatabase | None = None

    def sealer(self, batch: int = 1000) -> AuditSealer:
        return AuditSealer(self.factory(), self.identity, batch=batch)

    def service(self) -> AuditService:
        return AuditService(self.factory())


async def _write(
    b: SealBackend, centre: CentreId, tags: str, *, later: bool = True
) -> list[AuditEntry]:
    """One unit of work per entry, as one request per view."""
    made = []
    for tag in tags:
        entry = make_audit(centre, entity_id=tag, at=dt.datetime.now(dt.UTC))
        async with b.factory()(centre) as uow:
            await uow.audit.append(entry, seal_later=later)
            await uow.commit()
        made.append(entry)
    return made


async def _chain(b: SealBackend, centre: CentreId) -> list[AuditEntry]:
    async with b.factory()(centre) as uow:
        return list(await uow.audit.chain(after_seq=0, limit=1000))


class SealContract:
    @pytest.fixture
    def backend(self) -> SealBackend:
        raise NotImplementedError

    async def test_sealed_in_write_order_after_inline_entries(self, backend: SealBackend) -> None:
        a = await new_centre(backend, "A")  # type: ignore[arg-type]
        await _write(backend, a, "pq")
        await _write(backend, a, "X", later=False)  # a change: linked at commit
        await _write(backend, a, "rs")
        assert [e.entity_id for e in await _chain(backend, a)] == ["X"]
        report = await backend.service().verify(TenantContext.system(a))
        assert (report.intact, report.checked, report.unsealed) == (True, 1, 4)

        # (per centre: on PostgreSQL the tests of a session share one database)
        assert await backend.sealer(batch=3).seal_centre(a) == 4  # two batches
        chain = await _chain(backend, a)
        assert [e.entity_id for e in chain] == ["X", "p", "q", "r", "s"]
        assert [e.chain_seq for e in chain] == [1, 2, 3, 4, 5]
        report = await backend.service().verify(TenantContext.system(a))
        assert (report.intact, report.checked, report.unsealed) == (True, 5, 0)
        assert await backend.sealer().seal_centre(a) == 0

    async def test_a_rolled_back_view_leaves_nothing(self, backend: SealBackend) -> None:
        a = await new_centre(backend, "A")  # type: ignore[arg-type]
        async with backend.factory()(a) as uow:
            await uow.audit.append(make_audit(a), seal_later=True)
        report = await backend.service().verify(TenantContext.system(a))
        assert (report.checked, report.unsealed) == (0, 0)

    async def test_nothing_is_lost_between_write_and_seal(self, backend: SealBackend) -> None:
        """The writing process dies after its commits, before any seal: a new process (a
        new factory and engine) finds the entries and seals them."""
        a = await new_centre(backend, "A")  # type: ignore[arg-type]
        b = await new_centre(backend, "B")  # type: ignore[arg-type]
        written = await _write(backend, a, "abc") + await _write(backend, b, "d")
        sealer = backend.sealer()  # a "new process"
        assert await sealer.seal_centre(a) + await sealer.seal_centre(b) == 4
        sealed = await _chain(backend, a) + await _chain(backend, b)
        assert [e.id for e in sealed] == [e.id for e in written]
        for centre in (a, b):
            assert (await backend.service().verify(TenantContext.system(centre))).intact

    async def test_the_trail_pages_by_cursor_in_write_order(self, backend: SealBackend) -> None:
        a = await new_centre(backend, "A")  # type: ignore[arg-type]
        written = await _write(backend, a, "ab") + await _write(backend, a, "C", later=False)
        written += await _write(backend, a, "de")
        ctx = TenantContext.system(a)
        seen, cursor = [], None
        while True:
            page = await backend.service().list(ctx, limit=2, cursor=cursor)
            assert page.total == 5
            seen.extend(e.id for e in page.items)
            if (cursor := page.next_cursor) is None:
                break
        assert seen == [e.id for e in written]
        await backend.sealer().seal_centre(a)


class TestMemorySeal(SealContract):
    @pytest.fixture
    def backend(self) -> SealBackend:
        db = InMemoryDatabase(seal_views_later=True)
        return SealBackend(InMemoryIdentityStore(db), lambda: in_memory_uow_factory(db, None), db)

    async def test_tampering_with_a_sealed_view_is_named(self, backend: SealBackend) -> None:
        a = await new_centre(backend, "A")  # type: ignore[arg-type]
        await _write(backend, a, "abc")
        await backend.sealer().seal()
        assert backend.db is not None
        backend.db.audit[1] = attrs.evolve(backend.db.audit[1], entity_id="changed")
        report = await backend.service().verify(TenantContext.system(a))
        assert report.problem is not None
        assert report.problem.seq == 2

    async def test_inline_adapter_links_views_at_commit(self) -> None:
        db = InMemoryDatabase()  # seal_views_later off: the embedded default
        b = SealBackend(InMemoryIdentityStore(db), lambda: in_memory_uow_factory(db, None), db)
        a = await new_centre(b, "A")  # type: ignore[arg-type]
        await _write(b, a, "ab")
        assert [e.chain_seq for e in await _chain(b, a)] == [1, 2]
        assert await b.sealer().seal() == 0

    async def test_one_seal_round_takes_every_centre(self, backend: SealBackend) -> None:
        a = await new_centre(backend, "A")  # type: ignore[arg-type]
        b = await new_centre(backend, "B")  # type: ignore[arg-type]
        await _write(backend, a, "ab")
        await _write(backend, b, "c")
        assert await backend.sealer().seal() == 3
        assert [len(await _chain(backend, c)) for c in (a, b)] == [2, 1]


async def test_an_unsealed_entry_past_the_grace_is_outside_the_chain() -> None:
    """A view entry the sealer never took (or one an intruder slipped in without a
    position) stops counting as pending once it is older than the grace period."""
    db = InMemoryDatabase(seal_views_later=True)
    b = SealBackend(InMemoryIdentityStore(db), lambda: in_memory_uow_factory(db, None), db)
    a = await new_centre(b, "A")  # type: ignore[arg-type]
    await _write(b, a, "ab")
    service = AuditService(b.factory(), seal_grace=dt.timedelta(minutes=15))
    assert (await service.verify(TenantContext.system(a))).unsealed == 2
    late = FixedClock(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16))
    report = await AuditService(b.factory(), clock=late).verify(TenantContext.system(a))
    assert report.problem is not None
    assert "2 entries are outside the chain" in report.problem.reason


async def _sql_backend(url: str) -> AsyncIterator[SealBackend]:
    from cma_adapters.sqlalchemy import (
        SqlAlchemyIdentityStore,
        SqlAlchemyUnitOfWorkFactory,
        create_engine_for,
    )

    engines = []

    def factory() -> UnitOfWorkFactory:
        engine = create_engine_for(url)
        engines.append(engine)
        return SqlAlchemyUnitOfWorkFactory(engine, None, keys=KEYS, seal_views_later=True)

    first = create_engine_for(url)
    engines.append(first)
    try:
        yield SealBackend(SqlAlchemyIdentityStore(first), factory)
    finally:
        for engine in engines:
            await engine.dispose()


class TestSqliteSeal(SealContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[SealBackend]:
        async for b in _sql_backend(sqlite_url):
            yield b


@pytest.mark.postgres
class TestPostgresSeal(SealContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[SealBackend]:
        async for b in _sql_backend(postgres_url):
            yield b

    async def test_concurrent_views_changes_and_two_sealers(self, backend: SealBackend) -> None:
        a = await new_centre(backend, "A")  # type: ignore[arg-type]
        factory = backend.factory()

        async def writer(tag: str) -> None:
            for i in range(8):
                async with factory(a) as uow:
                    await uow.audit.append(
                        make_audit(a, entity_id=f"{tag}{i}"), seal_later=i % 3 > 0
                    )
                    await uow.commit()

        s1, s2 = backend.sealer(batch=5), backend.sealer(batch=5)

        async def sealer(s: AuditSealer) -> int:
            n = 0
            for _ in range(6):
                n += await s.seal_centre(a)
                await asyncio.sleep(0)
            return n

        *_, n1, n2 = await asyncio.gather(*(writer(t) for t in "wxyz"), sealer(s1), sealer(s2))
        rest = await backend.sealer().seal_centre(a)  # other tests' centres share the database
        assert n1 + n2 + rest == 4 * 5  # each view entry sealed exactly once
        report = await backend.service().verify(TenantContext.system(a))
        assert report.intact, report.problem
        assert (report.checked, report.unsealed) == (32, 0)

    async def test_the_trigger_admits_the_seal_and_nothing_else(
        self, backend: SealBackend, postgres_url: str
    ) -> None:
        import psycopg

        a = await new_centre(backend, "A")  # type: ignore[arg-type]
        [entry] = await _write(backend, a, "v")
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            for sql in (  # content or source address changed while sealing; half a seal
                "UPDATE audit_log SET action = 'x', chain_seq = 9, prev_hash = 'p', hash = 'h' "
                "WHERE id = %s",
                "UPDATE audit_log SET source_address = '203.0.113.9', chain_seq = 9, "
                "prev_hash = 'p', hash = 'h' WHERE id = %s",
                "UPDATE audit_log SET hash = 'h' WHERE id = %s",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql, (entry.id,))
        await backend.sealer().seal()
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            for sql in (  # a second seal; a delete
                "UPDATE audit_log SET chain_seq = 9, prev_hash = 'p', hash = 'h' WHERE id = %s",
                "DELETE FROM audit_log WHERE id = %s",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql, (entry.id,))
        assert (await backend.service().verify(TenantContext.system(a))).intact
