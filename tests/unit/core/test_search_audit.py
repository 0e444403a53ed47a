"""A search is audited durably before any result leaves, though the audit's commit now
runs while the index answers (on the embedded default that commit is an fsync)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from cma_adapters.memory.clients import clients as memory_clients
from cma_adapters.search_memory import InMemorySearchIndex
from cma_core.identity.permissions import Role
from cma_core.search.model import SearchQuery, SearchResults
from cma_core.search.service import SearchService
from cma_core.search.terms import SearchKey

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
