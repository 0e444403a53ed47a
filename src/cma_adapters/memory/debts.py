"""In-memory repositories of the debts area (creditors, debts, financial facts)."""

from __future__ import annotations

from collections.abc import Sequence

from cma_adapters.memory.records import RecordTable, by_created, in_case
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.debts.model import CreditorId, DebtId
from cma_core.debts.ports import (
    CaseFinancialFacts,
    CreditorDirectory,
    CreditorEntry,
    DebtEntry,
    DebtRepository,
    FactsRepository,
)
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork


class InMemoryCreditorDirectory(CreditorDirectory):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[CreditorEntry] = RecordTable(uow, "creditors", "creditor")

    async def add(self, entry: CreditorEntry) -> None:
        self._t.add(entry)

    async def get(self, creditor_id: CreditorId) -> CreditorEntry | None:
        return self._t.get(creditor_id)

    async def list(self) -> Sequence[CreditorEntry]:
        return self._t.where(lambda _: True, lambda e: (e.creditor.name.lower(), e.id))

    async def save(self, entry: CreditorEntry) -> None:
        self._t.save(entry)


class InMemoryDebtRepository(DebtRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[DebtEntry] = RecordTable(uow, "debts", "debt")

    async def add(self, entry: DebtEntry) -> None:
        self._t.add(entry)

    async def get(self, debt_id: DebtId) -> DebtEntry | None:
        return self._t.get(debt_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[DebtEntry]:
        return self._t.where(in_case(case_id), by_created)

    async def references_to(self, creditor_id: CreditorId, *, limit: int) -> Sequence[str]:
        owed = self._t.where(
            lambda e: (
                e.debt.creditor_id == creditor_id and bool((e.debt.account_reference or "").strip())
            ),
            lambda e: (e.created_at, e.id),
        )
        return [e.debt.account_reference for e in reversed(owed) if e.debt.account_reference][
            :limit
        ]

    async def save(self, entry: DebtEntry) -> None:
        self._t.save(entry)

    async def remove(self, entry: DebtEntry) -> None:
        self._t.remove(entry)


class InMemoryFactsRepository(FactsRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[CaseFinancialFacts] = RecordTable(uow, "facts", "facts")

    async def get(self, case_id: CaseId) -> CaseFinancialFacts | None:
        return self._t.get(case_id)

    async def add(self, facts: CaseFinancialFacts) -> None:
        self._t.add(facts)

    async def save(self, facts: CaseFinancialFacts) -> None:
        self._t.save(facts)


# RepositoryFactory functions: given the unit of work, the repository in its transaction.
def creditors(uow: UnitOfWork) -> CreditorDirectory:
    return InMemoryCreditorDirectory(InMemoryUnitOfWork.of(uow))


def debts(uow: UnitOfWork) -> DebtRepository:
    return InMemoryDebtRepository(InMemoryUnitOfWork.of(uow))


def facts(uow: UnitOfWork) -> FactsRepository:
    return InMemoryFactsRepository(InMemoryUnitOfWork.of(uow))
