"""The ``StaffStarts`` port (CR-21's "when did this adviser start"), one suite run against
every adapter: a member's account creation time, read in a centre's unit of work; an
unknown id is ``None``."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from tests.contracts.test_repositories import (
    T0,
    Backend,
    make_user,
    memory_backend,
    new_centre,
    sqlalchemy_backend,
)

from cma_core.shared.ids import UserId


class StaffStartsContract:
    @pytest.fixture
    def backend(self) -> Backend:
        raise NotImplementedError

    async def test_a_members_start_is_when_their_account_was_made(self, backend: Backend) -> None:
        centre = await new_centre(backend)
        user = make_user(centre)
        await backend.identity.add_user(user)
        async with backend.uow(centre) as uow:
            starts = backend.find("staff_starts")["staff_starts"](uow)
            assert await starts.started_at(user.id) == T0
            assert await starts.started_at(UserId(uuid.uuid4())) is None


class TestInMemoryStaffStarts(StaffStartsContract):
    @pytest.fixture
    def backend(self) -> Backend:
        return memory_backend()


class TestSqliteStaffStarts(StaffStartsContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[Backend]:
        async for base in sqlalchemy_backend(sqlite_url):
            yield base


@pytest.mark.postgres
class TestPostgresStaffStarts(StaffStartsContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[Backend]:
        async for base in sqlalchemy_backend(postgres_url):
            yield base
