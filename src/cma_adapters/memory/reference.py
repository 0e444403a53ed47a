"""Repositories of a centre's reference data and its profile."""

from __future__ import annotations

from cma_adapters.memory.records import RecordTable
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.reference.centre import CentreProfile
from cma_core.reference.ports import (
    CentreProfileRepository,
    CentreReference,
    ReferenceDataRepository,
)
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


class InMemoryCentreProfileRepository(CentreProfileRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._t: RecordTable[CentreProfile] = RecordTable(uow, "centre_profiles", "centre profile")

    async def get(self) -> CentreProfile | None:
        return self._t.get(self._uow.centre_id)

    async def add(self, profile: CentreProfile) -> None:
        self._t.add(profile)

    async def save(self, profile: CentreProfile) -> None:
        self._t.save(profile)


def centre_profiles(uow: UnitOfWork) -> CentreProfileRepository:
    return InMemoryCentreProfileRepository(InMemoryUnitOfWork.of(uow))
