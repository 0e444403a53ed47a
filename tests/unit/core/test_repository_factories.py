"""The one way a repository joins a unit of work: through its factory, never as an
attribute of the unit of work, which holds only its own journal."""

from __future__ import annotations

import typing
import uuid
from pathlib import Path

import pytest

from cma_adapters.memory import InMemoryDatabase, in_memory_uow_factory
from cma_adapters.memory.cases import cases as memory_cases
from cma_adapters.memory.clients import clients as memory_clients
from cma_adapters.memory.tasks import tasks as memory_tasks
from cma_adapters.sqlalchemy import SqlAlchemyUnitOfWork, create_engine_for
from cma_adapters.sqlalchemy.cases import cases as sql_cases
from cma_adapters.sqlalchemy.clients import clients as sql_clients
from cma_adapters.sqlalchemy.tasks import tasks as sql_tasks
from cma_core.shared.ids import CentreId
from cma_core.shared.uow import RepositoryFactory, UnitOfWork


def test_the_unit_of_work_holds_only_its_own_journal() -> None:
    assert set(typing.get_type_hints(UnitOfWork, localns={"AuditLog": object})) == {
        "centre_id",
        "audit",
        "outbox",
        "inbox",
    }


@pytest.mark.parametrize("factory", [sql_cases, sql_clients, sql_tasks])
def test_sql_factories_refuse_another_adapters_unit_of_work(
    factory: RepositoryFactory[object],
) -> None:
    uow = in_memory_uow_factory(InMemoryDatabase())(CentreId(uuid.uuid4()))
    with pytest.raises(TypeError, match="SqlAlchemyUnitOfWork"):
        factory(uow)


@pytest.mark.parametrize("factory", [memory_cases, memory_clients, memory_tasks])
async def test_memory_factories_refuse_another_adapters_unit_of_work(
    factory: RepositoryFactory[object], tmp_path: Path
) -> None:
    engine = create_engine_for(f"sqlite:///{tmp_path / 'unused.db'}")  # never connected
    try:
        uow = SqlAlchemyUnitOfWork(engine, CentreId(uuid.uuid4()))
        with pytest.raises(TypeError, match="InMemoryUnitOfWork"):
            factory(uow)
    finally:
        await engine.dispose()
