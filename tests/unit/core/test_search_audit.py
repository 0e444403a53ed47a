"""A search is audited durably before any result leaves, though the audit's commit now
runs while the index answers (on the embedded default that commit is an fsync)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

import pytest

from cma_adapters.memory.clients import clients as memory_clients
from cma_adapters.search_memory import InMemorySearchIndex
from cma_core.clients.service import RegisterClient
from cma_core.identity.permissions import Role
from cma_core.search.model import SearchDocument, SearchKind, SearchQuery, SearchResults
from cma_core.search.service import SearchService
from cma_core.search.terms import SearchKey
from cma_core.shared.ids import ClientId

from .support import App


class _Index(InMemorySearchIndex):
    def __init__(self, *, fail: bool = False) -> None:
        super().__init__()
        self.fail = fail

    async def search(self, query: SearchQuery) -> SearchResults:
        await asyncio.sleep(0)  # let the audit task start: they overlap
        if self.fail:
            raise RuntimeError("index down")
        return await super().search(query)


def _service(app: App, index: Any) -> SearchService:
    return SearchService(
        uow=app.uow, index=index, key=SearchKey(b"s" * 32), clock=app.clock,
        clients=memory_clients,
    )  # fmt: skip


async def test_a_search_is_audited_once_and_a_failed_one_too(app: App) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER)
    await _service(app, _Index()).search(ctx, "council tax")
    assert [e.action for e in await app.audit(centre.id, action="search.performed")] == [
        "search.performed"
    ]
    with pytest.raises(RuntimeError, match="index down"):
        await _service(app, _Index(fail=True)).search(ctx, "council tax")
    assert len(await app.audit(centre.id, action="search.performed")) == 2


class _AuditFails(SearchService):
    async def _audit(self, ctx: Any) -> None:
        raise OSError("disk full")


async def test_no_result_leaves_when_the_audit_cannot_be_written(app: App) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER)
    service = _AuditFails(
        uow=app.uow, index=_Index(), key=SearchKey(b"s" * 32), clock=app.clock,
        clients=memory_clients,
    )  # fmt: skip
    with pytest.raises(OSError, match="disk full"):
        await service.search(ctx, "council tax")


class _CountingClients:
    """The memory client repository, counting its reads."""

    def __init__(self) -> None:
        self.batches: list[list[Any]] = []
        self.singles = 0

    def __call__(self, uow: Any) -> Any:
        repo = memory_clients(uow)
        counter = self

        class Counting:
            async def display_names(self, ids: Any) -> Any:
                counter.batches.append(list(ids))
                return await repo.display_names(ids)

            async def get(self, client_id: Any) -> Any:
                counter.singles += 1
                return await repo.get(client_id)

        return Counting()


async def test_client_hits_are_named_in_one_read_and_an_erased_client_is_left_out(
    app: App,
) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.SUPERVISOR)
    made = [
        await app.clients.register(
            ctx,
            RegisterClient(
                first_name=f"Ada{i}", last_name="Zebedee", date_of_birth=dt.date(1980, 1, 1)
            ),
        )
        for i in range(3)
    ]
    gone = ClientId(uuid.uuid4())  # in the index, not in the store (erased since)
    index = _Index()
    await index.upsert(
        [
            SearchDocument(
                centre_id=centre.id,
                kind=SearchKind.CLIENT,
                entity_id=cid,
                case_id=None,
                client_id=ClientId(cid),
                adviser_id=None,
                title="(indexed title)",
                body="zebedee",
                updated_at=app.clock.now(),
            )
            for cid in [*(c.id for c in made), gone]
        ]
    )
    counting = _CountingClients()
    service = SearchService(
        uow=app.uow, index=index, key=SearchKey(b"s" * 32), clock=app.clock, clients=counting
    )
    found = await service.search(ctx, "zebedee")
    assert sorted(h.title for h in found.items) == ["Ada0 Zebedee", "Ada1 Zebedee", "Ada2 Zebedee"]
    assert len(counting.batches) == 1
    assert counting.singles == 0
    assert set(counting.batches[0]) == {*(c.id for c in made), gone}
