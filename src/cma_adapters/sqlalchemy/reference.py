"""Repositories of a centre's reference data and its profile."""

from __future__ import annotations

from cma_adapters.sqlalchemy.records import RecordTable
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.reference.centre import CentreProfile
from cma_core.reference.ports import (
    CentreProfileRepository,
    CentreReference,
    ReferenceDataRepository,
)
from cma_core.shared.uow import UnitOfWork


class SqlAlchemyReferenceDataRepository(ReferenceDataRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx
        self._t = RecordTable(ctx, "advice_reference", CentreReference, "reference data")

    async def get(self) -> CentreReference | None:
        return await self._t.get(self._x.centre_id)

    async def add(self, ref: CentreReference) -> None:
        await self._t.add(ref)

    async def save(self, ref: CentreReference) -> None:
        await self._t.save(ref)


def reference(uow: UnitOfWork) -> ReferenceDataRepository:
    return SqlAlchemyReferenceDataRepository(SqlAlchemyUnitOfWork.of(uow).context)


class SqlAlchemyCentreProfileRepository(CentreProfileRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx
        self._t = RecordTable(ctx, "centre_profiles", CentreProfile, "centre profile")

    async def get(self) -> CentreProfile | None:
        return await self._t.get(self._x.centre_id)

    async def add(self, profile: CentreProfile) -> None:
        await self._t.add(profile)

    async def save(self, profile: CentreProfile) -> None:
        await self._t.save(profile)


def centre_profiles(uow: UnitOfWork) -> CentreProfileRepository:
    return SqlAlchemyCentreProfileRepository(SqlAlchemyUnitOfWork.of(uow).context)
