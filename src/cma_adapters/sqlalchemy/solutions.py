"""SQL repository of the solutions area (saved appraisals), on a record table."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.sqlalchemy.records import RecordTable
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork
from cma_core.solutions.ports import AppraisalRecord, AppraisalRepository


class SqlAlchemyAppraisalRepository(AppraisalRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(ctx, "advice_appraisals", AppraisalRecord, "appraisal")

    async def add(self, record: AppraisalRecord) -> None:
        await self._t.add(record)

    async def get(self, appraisal_id: uuid.UUID) -> AppraisalRecord | None:
        return await self._t.get(appraisal_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[AppraisalRecord]:
        return await self._t.for_case(case_id)


def appraisals(uow: UnitOfWork) -> AppraisalRepository:
    return SqlAlchemyAppraisalRepository(SqlAlchemyUnitOfWork.of(uow).context)
