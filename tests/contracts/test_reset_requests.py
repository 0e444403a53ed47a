"""The ``ResetRequestQueue`` port (forgotten-password requests between the API and the
worker), one suite run against every adapter: queued oldest first, claimed by one worker
at a time, taken again once a claim is older than the cut-off, forgotten when done; and on
the databases the address is sealed at rest."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text

from cma_adapters.memory.identity import InMemoryResetRequestQueue
from cma_adapters.sqlalchemy import create_engine_for
from cma_adapters.sqlalchemy.identity import SqlAlchemyResetRequestQueue, reset_request_key
from cma_core.identity.ports import ResetRequestQueue
from cma_core.identity.sessions import ResetRequest

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


def _request(email: str, at: dt.datetime) -> ResetRequest:
    return ResetRequest(id=uuid.uuid4(), email=email, requested_at=at)


class ResetRequestContract:
    @pytest.fixture
    def queue(self) -> ResetRequestQueue:
        raise NotImplementedError

    async def test_queued_claimed_once_retaken_after_the_cut_off_and_done(
        self, queue: ResetRequestQueue
    ) -> None:
        tag = uuid.uuid4().hex[:8]
        first, second = (
            _request(f"a-{tag}@x.example", T0),
            _request(f"b-{tag}@x.example", T0 + MINUTE),
        )
        await queue.add(second)
        await queue.add(first)
        pending = [r for r in await queue.pending(claimed_before=T0, limit=100) if tag in r.email]
        assert pending == [first, second]
        assert await queue.claim(first.id, T0 + MINUTE, claimed_before=T0)
        assert not await queue.claim(first.id, T0 + MINUTE, claimed_before=T0)
        held = [r for r in await queue.pending(claimed_before=T0, limit=100) if tag in r.email]
        assert held == [second]
        later = T0 + 5 * MINUTE  # the claim is older than the cut-off: taken again
        retaken = [r.id for r in await queue.pending(claimed_before=later, limit=100)]
        assert first.id in retaken
        assert await queue.claim(first.id, later, claimed_before=later)
        await queue.done(first.id)
        await queue.done(second.id)
        left = await queue.pending(claimed_before=later + MINUTE, limit=100)
        assert [r for r in left if tag in r.email] == []


class TestInMemoryResetRequests(ResetRequestContract):
    @pytest.fixture
    def queue(self) -> ResetRequestQueue:
        return InMemoryResetRequestQueue()


async def _sql_queue(url: str) -> AsyncIterator[ResetRequestQueue]:
    engine = create_engine_for(url)
    yield SqlAlchemyResetRequestQueue(engine, reset_request_key("s" * 48))
    await engine.dispose()


async def test_the_address_is_sealed_at_rest(sqlite_url: str) -> None:
    engine = create_engine_for(sqlite_url)
    queue = SqlAlchemyResetRequestQueue(engine, reset_request_key("s" * 48))
    request = _request("sealed.person@x.example", T0)
    await queue.add(request)
    async with engine.begin() as conn:
        [(raw,)] = (
            await conn.execute(text("SELECT email_sealed FROM password_reset_requests"))
        ).all()
    other = SqlAlchemyResetRequestQueue(engine, reset_request_key("t" * 48))
    assert await other.pending(claimed_before=T0, limit=5) == []  # unopenable: dropped
    await engine.dispose()
    assert "sealed.person" not in raw
    assert "x.example" not in raw


class TestSqliteResetRequests(ResetRequestContract):
    @pytest.fixture
    async def queue(self, sqlite_url: str) -> AsyncIterator[ResetRequestQueue]:
        async for queue in _sql_queue(sqlite_url):
            yield queue


@pytest.mark.postgres
class TestPostgresResetRequests(ResetRequestContract):
    @pytest.fixture
    async def queue(self, postgres_url: str) -> AsyncIterator[ResetRequestQueue]:
        async for queue in _sql_queue(postgres_url):
            yield queue
