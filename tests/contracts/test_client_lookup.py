"""One contract for the client look-up (``ClientRepository.lookup``/``refresh_lookup``/
``ids``) and for the task repository's work-queue methods (``save``, filters, sorts), run
on memory, SQLite and PostgreSQL. The SQL adapter matches keyed blind indexes; memory
matches the same terms in the clear: both must give the same answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from tests.contracts.test_repositories import (
    DAY,
    HOUR,
    T0,
    Backend,
    make_case,
    make_task,
    memory_backend,
    new_centre,
    sqlalchemy_backend,
    then_commit,
    uid,
)

from cma_core.clients.lookup import ClientLookup
from cma_core.clients.model import Client, PostalAddress
from cma_core.shared.errors import StaleVersion, ValidationError
from cma_core.shared.ids import CentreId, ClientId, UserId
from cma_core.tasks.model import TaskPriority, TaskSort, TaskStatus
from cma_core.tasks.ports import TaskFilter


def person(
    centre_id: CentreId,
    first: str,
    last: str,
    *,
    dob: dt.date = dt.date(1984, 3, 2),
    postcode: str | None = "LS1 4AP",
    at: dt.datetime = T0,
) -> Client:
    return Client.register(
        client_id=ClientId(uid()),
        centre_id=centre_id,
        first_name=first,
        last_name=last,
        date_of_birth=dob,
        email=None,
        phone=None,
        now=at,
        by=None,
        address=PostalAddress.of(["1 High Street"], postcode) if postcode else None,
    )


class ClientLookupContract:
    @pytest.fixture
    def backend(self) -> Backend:
        raise NotImplementedError

    @pytest.fixture
    async def people(self, backend: Backend) -> tuple[CentreId, dict[str, Client]]:
        centre = await new_centre(backend)
        clients = {
            "smith": person(centre, "John", "Smith", at=T0),
            "smyth": person(centre, "Katherine", "Smyth", postcode="LS2 7HY", at=T0 + DAY),
            "oneill": person(
                centre,
                "Zoë",
                "O'Neill-Jones",
                dob=dt.date(1990, 1, 5),
                postcode="M1 1AE",
                at=T0 + 2 * DAY,
            ),
            "lee": person(centre, "Ann", "Lee", postcode=None, at=T0 + 3 * DAY),
        }
        async with backend.uow(centre) as uow:
            for c in clients.values():
                await backend.clients(uow).add(c)
            await backend.cases(uow).add(make_case(centre, clients["lee"].id, reference="C-000042"))
            await uow.commit()
        return centre, clients

    async def found(self, backend: Backend, centre: CentreId, **query: object) -> list[str]:
        async with backend.uow(centre) as uow:
            page = await backend.clients(uow).lookup(
                ClientLookup.of(**query),  # type: ignore[arg-type]
                limit=50,
                offset=0,
            )
        return [f"{c.first_name} {c.last_name}" for c in page.items]

    async def test_name_words_prefixes_and_sound_alikes(
        self, backend: Backend, people: tuple[CentreId, dict[str, Client]]
    ) -> None:
        centre, _ = people
        # Smith and Smyth sound alike (Metaphone SM0): newest first.
        assert await self.found(backend, centre, name="smith") == [
            "Katherine Smyth",
            "John Smith",
        ]
        # A 4-letter word: the prefix of Smith, and Metaphone SMT matches neither Smyth.
        assert await self.found(backend, centre, name="SMIT") == ["John Smith"]
        # 3 letters: a surname prefix of both.
        assert await self.found(backend, centre, name="smy") == ["Katherine Smyth"]
        assert await self.found(backend, centre, name="Smythe") == [
            "Katherine Smyth",
            "John Smith",
        ]
        assert await self.found(backend, centre, name="catherine") == ["Katherine Smyth"]
        assert await self.found(backend, centre, name="john smith") == ["John Smith"]
        assert await self.found(backend, centre, name="john smyth") == ["John Smith"]
        assert await self.found(backend, centre, name="jones") == ["Zoë O'Neill-Jones"]
        assert await self.found(backend, centre, name="zoe oneill") == ["Zoë O'Neill-Jones"]
        # "o'nei" is the 4-letter prefix "onei"; "oneil" (5) sounds like O'Neill (ONL).
        assert await self.found(backend, centre, name="o'nei") == ["Zoë O'Neill-Jones"]
        assert await self.found(backend, centre, name="oneil") == ["Zoë O'Neill-Jones"]
        assert await self.found(backend, centre, name="onex") == []
        assert await self.found(backend, centre, name="LEE") == ["Ann Lee"]
        assert await self.found(backend, centre, name="john lee") == []
        # First names are whole or sound-alike only, never prefixes.
        assert await self.found(backend, centre, name="joh") == []

    async def test_postcode_dob_reference_and_combinations(
        self, backend: Backend, people: tuple[CentreId, dict[str, Client]]
    ) -> None:
        centre, _ = people
        assert await self.found(backend, centre, postcode="ls14ap") == ["John Smith"]
        assert await self.found(backend, centre, postcode="LS1") == ["John Smith"]
        assert await self.found(backend, centre, postcode="LS2") == ["Katherine Smyth"]
        with pytest.raises(ValidationError):
            await self.found(backend, centre, postcode="LS")
        assert await self.found(backend, centre, dob=dt.date(1990, 1, 5)) == ["Zoë O'Neill-Jones"]
        assert await self.found(backend, centre, dob=dt.date(1984, 3, 2)) == [
            "Ann Lee",
            "Katherine Smyth",
            "John Smith",
        ]
        assert await self.found(backend, centre, reference="C-000042") == ["Ann Lee"]
        assert await self.found(backend, centre, reference="42") == ["Ann Lee"]
        assert await self.found(backend, centre, reference="C-000043") == []
        assert await self.found(
            backend, centre, name="smi", postcode="LS1", dob=dt.date(1984, 3, 2)
        ) == ["John Smith"]
        assert await self.found(backend, centre, name="john", postcode="LS2") == []
        assert await self.found(backend, centre, name="lee", reference="C-000042") == ["Ann Lee"]

    async def test_paging_and_total(
        self, backend: Backend, people: tuple[CentreId, dict[str, Client]]
    ) -> None:
        centre, _ = people
        async with backend.uow(centre) as uow:
            page = await backend.clients(uow).lookup(
                ClientLookup.of(dob=dt.date(1984, 3, 2)), limit=2, offset=1
            )
        assert page.total == 3
        assert [c.last_name for c in page.items] == ["Smyth", "Smith"]

    async def test_a_change_of_name_or_address_moves_the_indexes(
        self, backend: Backend, people: tuple[CentreId, dict[str, Client]]
    ) -> None:
        centre, clients = people
        async with backend.uow(centre) as uow:
            repo = backend.clients(uow)
            client = await repo.get(clients["smith"].id)
            assert client is not None
            client.update(
                {"last_name": "Brown", "address": PostalAddress.of(["2 Low Rd"], "BD1 1AA")},
                now=T0 + 5 * DAY,
                by=None,
            )
            await repo.save(client)
            await uow.commit()
        assert await self.found(backend, centre, name="smith") == ["Katherine Smyth"]
        assert await self.found(backend, centre, postcode="LS1") == []
        assert await self.found(backend, centre, name="brown", postcode="BD1 1AA") == ["John Brown"]

    async def test_another_centre_finds_nothing_of_ours(
        self, backend: Backend, people: tuple[CentreId, dict[str, Client]]
    ) -> None:
        other = await new_centre(backend, "Other")
        async with backend.uow(other) as uow:
            await backend.clients(uow).add(person(other, "Jo", "Smith", postcode="LS1 4AP"))
            await uow.commit()
        assert await self.found(backend, other, name="smith") == ["Jo Smith"]
        assert await self.found(backend, other, name="katherine") == []
        assert await self.found(backend, other, reference="C-000042") == []
        assert await self.found(backend, other, postcode="M1 1AE") == []

    async def test_ids_oldest_first_and_refresh_counts_own_clients(
        self, backend: Backend, people: tuple[CentreId, dict[str, Client]]
    ) -> None:
        centre, clients = people
        async with backend.uow(centre) as uow:
            repo = backend.clients(uow)
            ids = await repo.ids(limit=10, offset=0)
            assert list(ids) == [c.id for c in clients.values()]
            assert list(await repo.ids(limit=2, offset=3)) == [clients["lee"].id]
            assert await repo.refresh_lookup([*ids, ClientId(uid())]) == 4
            await uow.commit()
        assert await self.found(backend, centre, name="smit") == ["John Smith"]


class TaskQueueContract:
    @pytest.fixture
    def backend(self) -> Backend:
        raise NotImplementedError

    async def test_save_bumps_version_and_refuses_a_stale_one(self, backend: Backend) -> None:
        centre = await new_centre(backend)
        task = make_task(centre, None)  # type: ignore[arg-type]
        async with backend.uow(centre) as uow:
            await backend.tasks(uow).add(task)
            await uow.commit()
        async with backend.uow(centre) as uow:
            loaded = await backend.tasks(uow).get(task.id)
            assert loaded is not None
            assert loaded.case_id is None
            assert loaded.version == 1
            loaded.complete("Phoned", now=T0 + DAY, by=UserId(uid()))
            await backend.tasks(uow).save(loaded)
            await uow.commit()
        assert loaded.version == 2
        async with backend.uow(centre) as uow:
            again = await backend.tasks(uow).get(task.id)
        assert again == loaded
        task.title = "stale"
        async with backend.uow(centre) as uow:
            with pytest.raises(StaleVersion):
                await then_commit(uow, backend.tasks(uow).save(task))

    async def test_filters_sorts_and_visibility(self, backend: Backend) -> None:
        centre = await new_centre(backend)
        me, other = UserId(uid()), UserId(uid())
        a = make_task(centre, None, due_at=T0 + DAY, assignee_id=me, title="a")  # type: ignore[arg-type]
        b = make_task(
            centre,
            None,
            due_at=T0 - DAY,
            assignee_id=other,
            title="b",
            created_at=T0 + HOUR,  # type: ignore[arg-type]
        )
        c = make_task(centre, None, assignee_id=other, title="c", created_at=T0 + DAY)  # type: ignore[arg-type]
        a.priority, b.priority, c.priority = (
            TaskPriority.LOW,
            TaskPriority.NORMAL,
            TaskPriority.URGENT,
        )
        c.created_by = me
        async with backend.uow(centre) as uow:
            for t in (a, b, c):
                await backend.tasks(uow).add(t)
            await uow.commit()

        async def titles(sort: TaskSort = TaskSort.DUE, **f: object) -> list[str]:
            async with backend.uow(centre) as uow:
                page = await backend.tasks(uow).list(
                    limit=10,
                    offset=0,
                    where=TaskFilter(**f),  # type: ignore[arg-type]
                    sort=sort,
                )
            return [t.title for t in page.items]

        assert await titles() == ["b", "a", "c"]
        assert await titles(TaskSort.PRIORITY) == ["c", "b", "a"]
        assert await titles(TaskSort.CREATED) == ["c", "b", "a"]
        assert await titles(due_after=T0) == ["a"]
        assert await titles(due_before=T0) == ["b"]
        assert await titles(visible_to=me) == ["a", "c"]
        assert await titles(assignee_id=other, visible_to=me) == ["c"]
        assert await titles(status=TaskStatus.DONE) == []


class TestInMemoryLookup(ClientLookupContract):
    @pytest.fixture
    def backend(self) -> Backend:
        return memory_backend()


class TestSqliteLookup(ClientLookupContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[Backend]:
        async for backend in sqlalchemy_backend(sqlite_url):
            yield backend


@pytest.mark.postgres
class TestPostgresLookup(ClientLookupContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[Backend]:
        async for backend in sqlalchemy_backend(postgres_url):
            yield backend


class TestInMemoryTaskQueue(TaskQueueContract):
    @pytest.fixture
    def backend(self) -> Backend:
        return memory_backend()


class TestSqliteTaskQueue(TaskQueueContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[Backend]:
        async for backend in sqlalchemy_backend(sqlite_url):
            yield backend


@pytest.mark.postgres
class TestPostgresTaskQueue(TaskQueueContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[Backend]:
        async for backend in sqlalchemy_backend(postgres_url):
            yield backend
