"""SQL repositories of the debts area (creditors, debts, financial facts), on record tables."""

from __future__ import annotations

from collections.abc import Sequence

from cma_adapters.sqlalchemy.records import RecordTable
from cma_adapters.sqlalchemy.rows import TABLES
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
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

#: The parts of a debt's record sealed with the centre's key (migration 1841): the debt
#: itself (its account reference is an account number; its amounts are the client's
#: finances) and the adviser's free-text notes. Nothing queries inside them.
DEBT_SEALED = ("debt", "notes")


def debt_creditor_key(entry: DebtEntry) -> str | None:
    """What ``advice_debts.sort_key`` holds: the debt's creditor's id (32 hex figures), so
    the centre's debts owed to one creditor are found without opening the others
    (``references_to``; index ``ix_advice_debts_centre_creditor``, migration 2110). No
    debt is listed in its order."""
    creditor = entry.debt.creditor_id
    return creditor.hex if creditor is not None else None


class SqlAlchemyCreditorDirectory(CreditorDirectory):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx,
            "advice_creditors",
            CreditorEntry,
            "creditor",
            sort_key=lambda e: e.creditor.name.lower()[:200],
        )

    async def add(self, entry: CreditorEntry) -> None:
        await self._t.add(entry)

    async def get(self, creditor_id: CreditorId) -> CreditorEntry | None:
        return await self._t.get(creditor_id)

    async def list(self) -> Sequence[CreditorEntry]:
        t = TABLES["advice_creditors"]
        return await self._t.where(order=(t.c.sort_key, t.c.id))

    async def save(self, entry: CreditorEntry) -> None:
        await self._t.save(entry)


class SqlAlchemyDebtRepository(DebtRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx,
            "advice_debts",
            DebtEntry,
            "debt",
            kind=lambda e: e.debt.debt_type.value,
            sort_key=debt_creditor_key,
            sealed=DEBT_SEALED,
        )

    async def add(self, entry: DebtEntry) -> None:
        await self._t.add(entry)

    async def get(self, debt_id: DebtId) -> DebtEntry | None:
        return await self._t.get(debt_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[DebtEntry]:
        return await self._t.for_case(case_id)

    async def references_to(self, creditor_id: CreditorId, *, limit: int) -> Sequence[str]:
        t = TABLES["advice_debts"]
        # Newest first, a few more than ``limit`` opened: debts with no reference are
        # left out after opening (the reference is sealed with the debt).
        owed = await self._t.where(
            t.c.sort_key == creditor_id.hex,
            order=(t.c.created_at.desc(), t.c.id.desc()),
            limit=2 * limit,
        )
        return [e.debt.account_reference for e in owed if e.debt.account_reference][:limit]

    async def save(self, entry: DebtEntry) -> None:
        await self._t.save(entry)

    async def remove(self, entry: DebtEntry) -> None:
        await self._t.remove(entry)


class SqlAlchemyFactsRepository(FactsRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(ctx, "advice_facts", CaseFinancialFacts, "facts")

    async def get(self, case_id: CaseId) -> CaseFinancialFacts | None:
        return await self._t.get(case_id)

    async def add(self, facts: CaseFinancialFacts) -> None:
        await self._t.add(facts)

    async def save(self, facts: CaseFinancialFacts) -> None:
        await self._t.save(facts)


# RepositoryFactory functions: given the unit of work, the repository in its transaction.
def creditors(uow: UnitOfWork) -> CreditorDirectory:
    return SqlAlchemyCreditorDirectory(SqlAlchemyUnitOfWork.of(uow).context)


def debts(uow: UnitOfWork) -> DebtRepository:
    return SqlAlchemyDebtRepository(SqlAlchemyUnitOfWork.of(uow).context)


def facts(uow: UnitOfWork) -> FactsRepository:
    return SqlAlchemyFactsRepository(SqlAlchemyUnitOfWork.of(uow).context)
