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
    """What ``advice_debts.sort_key`` is the blind index of (``CREDITOR_INDEX``): the
    debt's creditor's id, for a debt that has an account reference — the debts a
    creditor's reference format is learned from (``references_to``; index
    ``ix_advice_debts_centre_creditor``, migration 2110). Only the index is stored: which
    creditor a case's debt is owed to stays sealed with the debt. No debt is listed in
    this order."""
    debt = entry.debt
    if debt.creditor_id is None or not (debt.account_reference or "").strip():
        return None
    return debt.creditor_id.hex


#: The purpose the creditor's id is blind-indexed under in ``advice_debts.sort_key``.
CREDITOR_INDEX = "advice_debts.creditor_id"


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
            sort_key_index=CREDITOR_INDEX,
        )

    async def add(self, entry: DebtEntry) -> None:
        await self._t.add(entry)

    async def get(self, debt_id: DebtId) -> DebtEntry | None:
        return await self._t.get(debt_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[DebtEntry]:
        return await self._t.for_case(case_id)

    async def references_to(self, creditor_id: CreditorId, *, limit: int) -> Sequence[str]:
        t = TABLES["advice_debts"]
        owed = await self._t.where(
            t.c.sort_key.in_(await self._t.sort_key_indexes(creditor_id.hex)),
            order=(t.c.created_at.desc(), t.c.id.desc()),
            limit=limit,
        )
        return [e.debt.account_reference for e in owed if e.debt.account_reference]

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
