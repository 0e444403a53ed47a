"""In-memory repositories of the budgets area (budgets, offer plans)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.memory.records import RecordTable, by_created, in_case
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.budgets.ports import BudgetRecord, BudgetRepository, OfferPlanRecord, OfferRepository
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork


class InMemoryBudgetRepository(BudgetRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[BudgetRecord] = RecordTable(uow, "budgets", "budget")

    async def get(self, case_id: CaseId) -> BudgetRecord | None:
        return self._t.get(case_id)

    async def add(self, record: BudgetRecord) -> None:
        self._t.add(record)

    async def save(self, record: BudgetRecord) -> None:
        self._t.save(record)


class InMemoryOfferRepository(OfferRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[OfferPlanRecord] = RecordTable(uow, "offer_plans", "offer plan")

    async def add(self, record: OfferPlanRecord) -> None:
        self._t.add(record)

    async def get(self, plan_id: uuid.UUID) -> OfferPlanRecord | None:
        return self._t.get(plan_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[OfferPlanRecord]:
        return self._t.where(in_case(case_id), by_created)


def budgets(uow: UnitOfWork) -> BudgetRepository:
    return InMemoryBudgetRepository(InMemoryUnitOfWork.of(uow))


def offers(uow: UnitOfWork) -> OfferRepository:
    return InMemoryOfferRepository(InMemoryUnitOfWork.of(uow))
