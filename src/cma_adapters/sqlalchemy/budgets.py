"""SQL repositories of the budgets area (budgets, offer plans), on record tables."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.sqlalchemy.records import RecordTable
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.budgets.ports import BudgetRecord, BudgetRepository, OfferPlanRecord, OfferRepository
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork

#: The parts of a budget's record sealed with the centre's key (migration 1841): the
#: lines with their free-text notes, the household and the statement's details.
BUDGET_SEALED = ("budget", "details")


class SqlAlchemyBudgetRepository(BudgetRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(ctx, "advice_budgets", BudgetRecord, "budget", sealed=BUDGET_SEALED)

    async def get(self, case_id: CaseId) -> BudgetRecord | None:
        return await self._t.get(case_id)

    async def add(self, record: BudgetRecord) -> None:
        await self._t.add(record)

    async def save(self, record: BudgetRecord) -> None:
        await self._t.save(record)


class SqlAlchemyOfferRepository(OfferRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(ctx, "advice_offer_plans", OfferPlanRecord, "offer plan")

    async def add(self, record: OfferPlanRecord) -> None:
        await self._t.add(record)

    async def get(self, plan_id: uuid.UUID) -> OfferPlanRecord | None:
        return await self._t.get(plan_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[OfferPlanRecord]:
        return await self._t.for_case(case_id)


def budgets(uow: UnitOfWork) -> BudgetRepository:
    return SqlAlchemyBudgetRepository(SqlAlchemyUnitOfWork.of(uow).context)


def offers(uow: UnitOfWork) -> OfferRepository:
    return SqlAlchemyOfferRepository(SqlAlchemyUnitOfWork.of(uow).context)
