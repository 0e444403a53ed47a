"""Contract suite for ``CaseTimelines`` (each case's timeline read model), on memory,
SQLite and PostgreSQL: round trip of every field, a case's entries replaced whole, newest
first with a stable order on equal times, the kind filter and keyset paging, the sweeps a
rebuild and a client's erasure use, removal, tenancy (bound to centre A, the entries of B
are never read, written or removed), and on SQL a detail never stored in clear.
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

from cma_core.readmodels.model import TimelineEntry, TimelineKind
from cma_core.readmodels.ports import CaseTimelines
from cma_core.readmodels.timeline import entry_id
from cma_core.shared.errors import CrossTenantAccess
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import UnitOfWork

WORDS = "Zebedee Quarrington-Vask phoned about the bailiff"
ACTOR = UserId(uuid.uuid4())
Raw = Callable[[uuid.UUID], Awaitable[str | None]]


def entry(
    centre: CentreId,
    case_id: CaseId,
    *,
    at: dt.datetime = T0,
    kind: TimelineKind = TimelineKind.NOTE,
    client: ClientId | None = None,
    detail: str | None = WORDS,
) -> TimelineEntry:
    subject = uuid.uuid4()
    return TimelineEntry(
        centre_id=centre,
        case_id=case_id,
        client_id=client or ClientId(uuid.UUID(int=case_id.int ^ 1)),
        entry_id=entry_id(kind, subject, "added", at),
        kind=kind,
        action="added",
        at=at,
        subject_id=subject,
        actor_id=ACTOR,
        title="Note added",
        detail=detail,
        sensitive=detail is None,
    )


def new_case() -> CaseId:
    return CaseId(uuid.uuid4())


@attrs.define
class TimelinesBackend:
    base: Backend
    raw: Raw | None = None

    def repo(self, uow: UnitOfWork) -> CaseTimelines:
        return self.base.find("case_timelines")["case_timelines"](uow)  # type: ignore[no-any-return]


class CaseTimelinesContract:
    @pytest.fixture
    def backend(self) -> TimelinesBackend:
        raise NotImplementedError

    async def _replace(
        self, b: TimelinesBackend, centre: CentreId, case_id: CaseId, *entries: TimelineEntry
    ) -> None:
        async with b.base.uow(centre) as uow:
            await b.repo(uow).hold(case_id)
            await b.repo(uow).replace(case_id, list(entries))
            await uow.commit()

    async def test_round_trip_and_replace_whole(self, backend: TimelinesBackend) -> None:
        centre, case = await new_centre(backend.base), new_case()
        first = [
            entry(centre, case, at=T0),
            entry(centre, case, at=T0 + dt.timedelta(hours=1), detail=None),
            entry(centre, case, at=T0 + dt.timedelta(hours=2), kind=TimelineKind.CASE),
        ]
        await self._replace(backend, centre, case, *first)
        async with backend.base.uow(centre) as uow:
            page = await backend.repo(uow).list(case, limit=10)
        assert list(page.items) == first[::-1]
        assert page.total == 3
        second = [entry(centre, case, at=T0 + dt.timedelta(days=1))]
        await self._replace(backend, centre, case, *second)
        async with backend.base.uow(centre) as uow:
            assert list((await backend.repo(uow).list(case, limit=10)).items) == second
        await self._replace(backend, centre, case)  # none: the timeline goes
        async with backend.base.uow(centre) as uow:
            assert (await backend.repo(uow).list(case, limit=10)).total == 0
            assert await backend.repo(uow).case_ids(limit=10) == []

    async def test_replace_of_some_kinds_keeps_the_others(self, backend: TimelinesBackend) -> None:
        centre, case = await new_centre(backend.base), new_case()
        note = entry(centre, case, at=T0)
        opened = entry(centre, case, at=T0 + dt.timedelta(hours=1), kind=TimelineKind.CASE)
        task = entry(centre, case, at=T0 + dt.timedelta(hours=2), kind=TimelineKind.TASK)
        await self._replace(backend, centre, case, note, opened)
        newer = entry(centre, case, at=T0 + dt.timedelta(hours=3))
        kinds = [TimelineKind.NOTE, TimelineKind.TASK]
        async with backend.base.uow(centre) as uow:  # two in one unit of work: in order
            await backend.repo(uow).replace(case, [newer], kinds=kinds)
            await backend.repo(uow).replace(case, [task], kinds=[TimelineKind.TASK])
            with pytest.raises(ValueError, match="replacing only"):
                await backend.repo(uow).replace(case, [opened], kinds=[TimelineKind.NOTE])
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert list((await backend.repo(uow).list(case, limit=10)).items) == [
                newer, task, opened,
            ]  # fmt: skip
            await backend.repo(uow).replace(case, [], kinds=[TimelineKind.CASE])
            await backend.repo(uow).replace(case, [], kinds=[])  # nothing replaced
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert list((await backend.repo(uow).list(case, limit=10)).items) == [newer, task]

    async def test_rollback_writes_nothing(self, backend: TimelinesBackend) -> None:
        centre, case = await new_centre(backend.base), new_case()
        async with backend.base.uow(centre) as uow:
            await backend.repo(uow).replace(case, [entry(centre, case)])
        async with backend.base.uow(centre) as uow:
            assert (await backend.repo(uow).list(case, limit=10)).total == 0

    async def test_newest_first_stable_kinds_and_keyset(self, backend: TimelinesBackend) -> None:
        centre, case, other = await new_centre(backend.base), new_case(), new_case()
        same = T0 + dt.timedelta(hours=3)
        entries = [
            entry(centre, case, at=T0 + dt.timedelta(hours=i % 4), kind=kind)
            for i, kind in enumerate(
                [TimelineKind.NOTE, TimelineKind.TASK, TimelineKind.NOTE, TimelineKind.CASE] * 2
            )
        ]
        assert sum(1 for e in entries if e.at == same) == 2  # a tie broken by entry id
        await self._replace(backend, centre, case, *entries)
        await self._replace(backend, centre, other, entry(centre, other))
        ordered = sorted(entries, key=lambda e: (e.at, e.entry_id), reverse=True)
        async with backend.base.uow(centre) as uow:
            repo = backend.repo(uow)
            page = await repo.list(case, limit=3)
            assert page.total == 8
            assert list(page.items) == ordered[:3]
            last = page.items[-1]
            rest = await repo.list(case, limit=10, after=(last.at, last.entry_id))
            assert list(rest.items) == ordered[3:]
            notes = await repo.list(case, limit=10, kinds=[TimelineKind.NOTE])
            assert notes.total == 4
            assert list(notes.items) == [e for e in ordered if e.kind is TimelineKind.NOTE]
            both = await repo.list(case, limit=10, kinds=[TimelineKind.NOTE, TimelineKind.CASE])
            assert both.total == 6

    async def test_case_ids_sweeps_and_delete(self, backend: TimelinesBackend) -> None:
        centre = await new_centre(backend.base)
        client = ClientId(uuid.uuid4())
        cases = sorted([new_case() for _ in range(5)])
        for i, case in enumerate(cases):
            await self._replace(
                backend, centre, case, entry(centre, case, client=client if i % 2 else None)
            )
        async with backend.base.uow(centre) as uow:
            repo = backend.repo(uow)
            assert await repo.case_ids(limit=2) == cases[:2]
            assert await repo.case_ids(limit=10, after=cases[1]) == cases[2:]
            assert await repo.case_ids_of_client(client) == [cases[1], cases[3]]
            await repo.delete([cases[0], cases[1], new_case()])
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert await backend.repo(uow).case_ids(limit=10) == cases[2:]

    async def test_another_centres_entries_are_never_touched(
        self, backend: TimelinesBackend
    ) -> None:
        centre_a, centre_b = await new_centre(backend.base), await new_centre(backend.base)
        case = new_case()
        theirs = entry(centre_b, case)
        await self._replace(backend, centre_b, case, theirs)
        async with backend.base.uow(centre_a) as uow:
            repo = backend.repo(uow)
            assert (await repo.list(case, limit=10)).total == 0
            assert await repo.case_ids(limit=10) == []
            assert await repo.case_ids_of_client(theirs.client_id) == []
            with pytest.raises(CrossTenantAccess):
                await repo.replace(case, [theirs])
            await repo.delete([case])
            await repo.replace(case, [])
            await uow.commit()
        async with backend.base.uow(centre_b) as uow:
            assert list((await backend.repo(uow).list(case, limit=10)).items) == [theirs]

    async def test_an_entry_of_another_case_is_refused(self, backend: TimelinesBackend) -> None:
        centre, case = await new_centre(backend.base), new_case()
        async with backend.base.uow(centre) as uow:
            with pytest.raises(CrossTenantAccess):
                await backend.repo(uow).replace(case, [entry(centre, new_case())])

    async def test_the_detail_is_not_stored_in_clear(self, backend: TimelinesBackend) -> None:
        if backend.raw is None:
            pytest.skip("memory: nothing is stored anywhere")
        centre, case = await new_centre(backend.base), new_case()
        await self._replace(backend, centre, case, entry(centre, case))
        stored = await backend.raw(case)
        assert stored is not None
        assert "Zebedee" not in stored
        assert "bailiff" not in stored


def _raw_reader(url: str) -> Raw:
    import sqlalchemy as sa

    async def raw(case_id: uuid.UUID) -> str | None:
        # The test's own connection, as the table owner (no RLS): what is on disk.
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        try:
            with engine.connect() as conn:
                found = conn.execute(
                    sa.text("SELECT * FROM case_timeline_entries WHERE case_id = :id"),
                    {"id": case_id.hex if url.startswith("sqlite") else case_id},
                ).all()
        finally:
            engine.dispose()
        return repr([tuple(r) for r in found]) if found else None

    return raw


class TestMemoryCaseTimelines(CaseTimelinesContract):
    @pytest.fixture
    def backend(self) -> TimelinesBackend:
        return TimelinesBackend(memory_backend())


class TestSqliteCaseTimelines(CaseTimelinesContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[TimelinesBackend]:
        async for base in sqlalchemy_backend(sqlite_url):
            yield TimelinesBackend(base, _raw_reader(sqlite_url))


@pytest.mark.postgres
class TestPostgresCaseTimelines(CaseTimelinesContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[TimelinesBackend]:
        async for base in sqlalchemy_backend(postgres_url):
            yield TimelinesBackend(base, _raw_reader(postgres_url))
