"""SQL repository of a centre's reference data, on a record table."""

from __future__ import annotations

from cma_adapters.sqlalchemy.records import RecordTable
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.reference.ports import CentreReference, ReferenceDataRepository
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
