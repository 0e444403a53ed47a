"""In-memory repository of a centre's reference data."""

from __future__ import annotations

from cma_adapters.memory.records import RecordTable
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.reference.ports import CentreReference, ReferenceDataRepository
from cma_core.shared.uow import UnitOfWork


class InMemoryReferenceDataRepository(ReferenceDataRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._t: RecordTable[CentreReference] = RecordTable(uow, "reference", "reference data")

    async def get(self) -> CentreReference | None:
        return self._t.get(self._uow.centre_id)

    async def add(self, ref: CentreReference) -> None:
        self._t.add(ref)

    async def save(self, ref: CentreReference) -> None:
        self._t.save(ref)


def reference(uow: UnitOfWork) -> ReferenceDataRepository:
    return InMemoryReferenceDataRepository(InMemoryUnitOfWork.of(uow))
