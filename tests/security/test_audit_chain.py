"""The audit hash chain: pure verification, and every adapter chaining per centre.

The adapter tests run on memory, SQLite and PostgreSQL; tampering is done the way an
intruder with database access would (edit, delete, reorder rows) and ``AuditService.verify``
must name the first bad entry.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import AsyncIterator

import attrs
import pytest
from tests.contracts.test_repositories import (
    T0,
    Backend,
    make_audit,
    memory_backend,
    new_centre,
    sqlalchemy_backend,
)

from cma_adapters import memory
from cma_adapters.memory import InMemoryDatabase, InMemoryIdentityStore, in_memory_uow_factory
from cma_core.audit.chain import GENESIS, entry_hash, link, verify_chain
from cma_core.audit.model import AuditEntry, ChainHead
from cma_core.audit.service import AuditService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.errors import PermissionDenied, ValidationError
from cma_core.shared.ids import CentreId, UserId

HOUR = dt.timedelta(hours=1)


def _chain(centre: CentreId, n: int) -> tuple[list[AuditEntry], ChainHead | None]:
    head: ChainHead | None = None
    out = []
    for i in range(n):
        linked, head = link(make_audit(centre, entity_id=f"e{i}", at=T0 + i * HOUR), head)
        out.append(linked)
    return out, head


# --------------------------------------------------------------------------- pure


def test_link_numbers_from_one_and_chains_hashes() -> None:
    centre = CentreId(uuid.uuid4())
    entries, head = _chain(centre, 3)
    assert [e.chain_seq for e in entries] == [1, 2, 3]
    assert entries[0].prev_hash == GENESIS
    assert entries[1].prev_hash == entries[0].hash
    assert head == ChainHead(centre_id=centre, seq=3, hash=entries[2].hash or "")
    assert verify_chain(entries, head).intact
    assert verify_chain(entries, head).checked == 3


def test_the_hash_covers_every_field() -> None:
    centre = CentreId(uuid.uuid4())
    base = make_audit(centre, fields=("a",), actor_id=UserId(uuid.uuid4()))
    h = entry_hash(base, 1, GENESIS)
    variants = [
        attrs.evolve(base, action="case.updated"),
        attrs.evolve(base, entity_type="client"),
        attrs.evolve(base, entity_id="other"),
        attrs.evolve(base, actor_id=None),
        attrs.evolve(base, at=base.at + dt.timedelta(microseconds=1)),
        attrs.evolve(base, fields=("a", "b")),
        attrs.evolve(base, centre_id=CentreId(uuid.uuid4())),
    ]
    for v in variants:
        assert entry_hash(v, 1, GENESIS) != h
    assert entry_hash(base, 2, GENESIS) != h
    assert entry_hash(base, 1, "1" * 64) != h
    # The same instant in another zone is the same entry.
    assert entry_hash(attrs.evolve(base, at=base.at.astimezone(dt.timezone(HOUR))), 1, GENESIS) == h


@pytest.mark.parametrize(
    ("tamper", "bad_seq", "words"),
    [
        (lambda es: [es[0], attrs.evolve(es[1], action="x"), *es[2:]], 2, "edited"),
        (lambda es: [es[0], *es[2:]], 3, "missing"),
        (lambda es: [es[0], es[2], es[1], *es[3:]], 3, "missing"),
        (
            lambda es: [es[0], attrs.evolve(es[2], chain_seq=2), attrs.evolve(es[1], chain_seq=3)],
            2,
            "previous-hash",
        ),
        (lambda es: es[:-1], 4, "cut off"),
        (lambda es: [*es[:2], es[1], *es[2:]], 2, "repeats"),
    ],
    ids=["edit", "delete", "reorder", "reorder-renumbered", "truncate", "duplicate"],
)
def test_verify_names_the_first_bad_entry(tamper: object, bad_seq: int, words: str) -> None:
    entries, head = _chain(CentreId(uuid.uuid4()), 4)
    report = verify_chain(tamper(entries), head)  # type: ignore[operator]
    assert not report.intact
    assert report.problem is not None
    assert report.problem.seq == bad_seq, report.problem
    assert words in report.problem.reason


def test_rewriting_an_entry_and_its_hash_breaks_the_next_link() -> None:
    entries, head = _chain(CentreId(uuid.uuid4()), 3)
    forged = attrs.evolve(entries[1], action="case.viewed.forged")
    forged = attrs.evolve(forged, hash=entry_hash(forged, 2, forged.prev_hash or ""))
    report = verify_chain([entries[0], forged, entries[2]], head)
    assert report.problem is not None
    assert report.problem.seq == 3


# --------------------------------------------------------------------------- adapters


class AuditChainContract:
    @pytest.fixture
    def backend(self) -> Backend:
        raise NotImplementedError

    async def _append(self, backend: Backend, centre: CentreId, n: int, tag: str = "") -> None:
        async with backend.uow(centre) as uow:
            for i in range(n):
                await uow.audit.append(make_audit(centre, entity_id=f"{tag}{i}", at=T0 + i * HOUR))
            await uow.commit()

    async def test_entries_chain_per_centre_and_verify(self, backend: Backend) -> None:
        a = await new_centre(backend, "A")
        b = await new_centre(backend, "B")
        await self._append(backend, a, 2)
        await self._append(backend, b, 1)
        await self._append(backend, a, 2)
        async with backend.uow(a) as uow:
            entries = list(await uow.audit.chain(after_seq=0, limit=100))
            head = await uow.audit.head()
            listed = await uow.audit.list(limit=10, offset=0)
        assert [e.chain_seq for e in entries] == [1, 2, 3, 4]
        assert head is not None
        assert head.seq == 4
        assert [e.hash for e in listed.items] == [e.hash for e in entries]
        assert verify_chain(entries, head).intact
        service = AuditService(backend.make_factory(None))
        report = await service.verify(TenantContext.system(a))
        assert (report.intact, report.checked) == (True, 4)
        assert (await service.verify(TenantContext.system(b))).checked == 1

    async def test_a_rolled_back_unit_of_work_leaves_no_link(self, backend: Backend) -> None:
        a = await new_centre(backend, "A")
        async with backend.uow(a) as uow:
            await uow.audit.append(make_audit(a))
        await self._append(backend, a, 1)
        async with backend.uow(a) as uow:
            head = await uow.audit.head()
        assert head is not None
        assert head.seq == 1

    async def test_empty_chain_is_intact(self, backend: Backend) -> None:
        a = await new_centre(backend, "A")
        report = await AuditService(backend.make_factory(None)).verify(TenantContext.system(a))
        assert (report.intact, report.checked, report.head_seq) == (True, 0, 0)

    async def test_list_filters_action_and_time_window(self, backend: Backend) -> None:
        a = await new_centre(backend, "A")
        async with backend.uow(a) as uow:
            await uow.audit.append(make_audit(a, action="client.viewed", at=T0))
            await uow.audit.append(make_audit(a, action="case.viewed", at=T0 + HOUR))
            await uow.audit.append(make_audit(a, action="case.viewed", at=T0 + 2 * HOUR))
            await uow.commit()
        service = AuditService(backend.make_factory(None))
        ctx = TenantContext.system(a)
        page = await service.list(ctx, action="case.viewed", since=T0 + HOUR, until=T0 + 2 * HOUR)
        assert [e.at for e in page.items] == [T0 + HOUR]
        assert (await service.list(ctx, since=T0 + HOUR)).total == 2
        with pytest.raises(ValidationError) as err:
            await service.list(ctx, since=T0, until=T0)
        assert err.value.field == "to"
        adviser = TenantContext(
            centre_id=a, user_id=UserId(uuid.uuid4()), roles=frozenset({Role.ADVISER})
        )
        with pytest.raises(PermissionDenied):
            await service.list(adviser)


class TestMemoryAuditChain(AuditChainContract):
    @pytest.fixture
    def backend(self) -> Backend:
        return memory_backend()


class TestSqliteAuditChain(AuditChainContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[Backend]:
        async for backend in sqlalchemy_backend(sqlite_url):
            yield backend


@pytest.mark.postgres
class TestPostgresAuditChain(AuditChainContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[Backend]:
        async for backend in sqlalchemy_backend(postgres_url):
            yield backend

    async def test_concurrent_commits_extend_one_chain(self, backend: Backend) -> None:
        a = await new_centre(backend, "A")

        async def writer(tag: str) -> None:
            for _ in range(5):
                await self._append(backend, a, 2, tag)

        await asyncio.gather(*(writer(t) for t in "wxyz"))
        report = await AuditService(backend.make_factory(None)).verify(TenantContext.system(a))
        assert report.intact, report.problem
        assert report.checked == 40

    async def test_concurrent_single_and_batched_appends_extend_one_chain(
        self, backend: Backend
    ) -> None:
        """A single entry is inserted and the head moved in one statement (a CTE), a batch
        in two: interleaved under concurrency they still make one intact chain."""
        a = await new_centre(backend, "A")

        async def writer(tag: str) -> None:
            for i in range(6):
                await self._append(backend, a, 1 + i % 2, f"{tag}{i}-")

        await asyncio.gather(*(writer(t) for t in "wxyz"))
        report = await AuditService(backend.make_factory(None)).verify(TenantContext.system(a))
        assert report.intact, report.problem
        assert report.checked == 4 * (3 * 1 + 3 * 2)
        async with backend.uow(a) as uow:
            head = await uow.audit.head()
        assert head is not None
        assert head.seq == report.checked

    async def test_the_app_cannot_update_or_delete_entries(
        self, backend: Backend, postgres_url: str
    ) -> None:
        import psycopg

        a = await new_centre(backend, "A")
        await self._append(backend, a, 1)
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- tampering


async def _memory_with_chain(n: int) -> tuple[InMemoryDatabase, CentreId, AuditService]:
    db = InMemoryDatabase()
    backend = Backend(InMemoryIdentityStore(db), lambda p: in_memory_uow_factory(db, p), memory)
    centre = await new_centre(backend, "A")
    async with backend.uow(centre) as uow:
        for i in range(n):
            await uow.audit.append(make_audit(centre, entity_id=f"e{i}", at=T0 + i * HOUR))
        await uow.commit()
    return db, centre, AuditService(backend.make_factory(None))


async def test_memory_tampering_is_detected() -> None:
    db, centre, service = await _memory_with_chain(3)
    db.audit[1] = attrs.evolve(db.audit[1], entity_id="changed")
    report = await service.verify(TenantContext.system(centre))
    assert report.problem is not None
    assert report.problem.seq == 2
    assert report.problem.entry_id == str(db.audit[1].id)


async def test_an_entry_outside_the_chain_is_detected() -> None:
    db, centre, service = await _memory_with_chain(2)
    db.audit.append(make_audit(centre))
    report = await service.verify(TenantContext.system(centre))
    assert report.problem is not None
    assert "outside the chain" in report.problem.reason
