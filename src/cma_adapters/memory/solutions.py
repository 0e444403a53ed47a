"""In-memory repository of the solutions area (saved appraisals)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.memory.records import RecordTable, by_created, in_case
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork
from cma_core.solutions.ports import AppraisalRecord, AppraisalRepository


class InMemoryAppraisalRepository(AppraisalRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[AppraisalRecord] = RecordTable(uow, "appraisals", "appraisal")

    async def add(self, record: AppraisalRecord) -> None:
        self._t.add(record)

    async def get(self, appraisal_id: uuid.UUID) -> AppraisalRecord | None:
        return self._t.get(appraisal_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[AppraisalRecord]:
        return self._t.where(in_case(case_id), by_created)


def appraisals(uow: UnitOfWork) -> AppraisalRepository:
    return InMemoryAppraisalRepository(InMemoryUnitOfWork.of(uow))
