"""SQL repositories of the debt-advice area, joined to ``SqlAlchemyUnitOfWork``.

Every table has the same shape: the record's id, its centre (Row Level Security filters on
it), the case it belongs to, a ``kind`` and ``sort_key`` for the queries the ports make,
``created_at``, ``version`` (optimistic concurrency), and ``data``: the whole record as
plain JSON (:func:`cma_core.debts.ports.to_data`). Columns exist for what is queried;
the record itself is one JSON document, so a new optional fact needs no migration.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from cma_adapters.sqlalchemy.rows import TABLES
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.advice.ports import (
    AdviceRecord,
    AdviceRepository,
    Letter,
    LetterKind,
    LetterRepository,
    LetterTemplate,
    LetterTemplateRepository,
    template_id,
)
from cma_core.budgets.ports import BudgetRecord, BudgetRepository, OfferPlanRecord, OfferRepository
from cma_core.debts.model import CreditorId, DebtId
from cma_core.debts.ports import (
    CaseFinancialFacts,
    CreditorDirectory,
    CreditorEntry,
    DebtEntry,
    DebtRepository,
    FactsRepository,
)
from cma_core.reference.ports import CentreReference, ReferenceDataRepository
from cma_core.shared.data import from_data, to_data
from cma_core.shared.errors import Conflict, StaleVersion
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork
from cma_core.solutions.ports import AppraisalRecord, AppraisalRepository

R = TypeVar("R")


class _Table(Generic[R]):
    def __init__(
        self,
        ctx: SqlContext,
        table: str,
        cls: type[R],
        entity: str,
        *,
        kind: Any = None,
        sort_key: Any = None,
    ) -> None:
        self._x, self._t, self._cls, self._entity = ctx, TABLES[table], cls, entity
        self._kind = kind or (lambda _: None)
        self._sort_key = sort_key or (lambda _: None)

    def _load(self, row: Any) -> R:
        data = dict(row["data"])
        data["version"] = row["version"]
        return from_data(self._cls, data)  # type: ignore[no-any-return]

    async def add(self, rec: R) -> None:
        r: Any = rec
        self._x.own(r.centre_id, self._entity)
        values = {
            "id": r.id,
            "centre_id": r.centre_id,
            "case_id": getattr(r, "case_id", None),
            "kind": self._kind(r),
            "sort_key": self._sort_key(r),
            "created_at": r.created_at,
            "version": r.version,
            "data": to_data(rec),
        }
        # Checked first rather than with a SAVEPOINT: on SQLite (pysqlite) a SAVEPOINT as
        # the first statement opens no outer transaction, so its RELEASE would commit.
        taken = (await self._x.c.execute(select(self._t.c.id).where(self._t.c.id == r.id))).first()
        if taken is not None:
            raise Conflict(f"{self._entity} already exists")
        try:
            await self._x.c.execute(insert(self._t).values(values))
        except IntegrityError as exc:  # a concurrent insert won the race
            raise Conflict(f"{self._entity} already exists") from exc

    async def get(self, rec_id: Any) -> R | None:
        row = (
            (
                await self._x.c.execute(
                    select(self._t).where(
                        self._t.c.id == rec_id, self._t.c.centre_id == self._x.centre_id
                    )
                )
            )
            .mappings()
            .first()
        )
        return self._load(row) if row else None

    async def where(self, *conditions: Any, order: Sequence[Any] = ()) -> list[R]:
        stmt = (
            select(self._t)
            .where(self._t.c.centre_id == self._x.centre_id, *conditions)
            .order_by(*(order or (self._t.c.created_at, self._t.c.id)))
        )
        rows = (await self._x.c.execute(stmt)).mappings().all()
        return [self._load(r) for r in rows]

    async def _actual(self, rec_id: Any) -> int:
        found = (
            await self._x.c.execute(
                select(self._t.c.version).where(
                    self._t.c.id == rec_id, self._t.c.centre_id == self._x.centre_id
                )
            )
        ).scalar()
        return int(found or 0)

    async def save(self, rec: R) -> None:
        r: Any = rec
        self._x.own(r.centre_id, self._entity)
        expected = r.version
        r.version = expected + 1
        try:
            result = await self._x.c.execute(
                update(self._t)
                .where(
                    self._t.c.id == r.id,
                    self._t.c.centre_id == self._x.centre_id,
                    self._t.c.version == expected,
                )
                .values(
                    version=expected + 1,
                    kind=self._kind(r),
                    sort_key=self._sort_key(r),
                    data=to_data(rec),
                )
            )
        except BaseException:
            r.version = expected
            raise
        if result.rowcount != 1:
            r.version = expected
            raise StaleVersion(self._entity, expected, await self._actual(r.id))

    async def remove(self, rec: R) -> None:
        r: Any = rec
        self._x.own(r.centre_id, self._entity)
        result = await self._x.c.execute(
            delete(self._t).where(
                self._t.c.id == r.id,
                self._t.c.centre_id == self._x.centre_id,
                self._t.c.version == r.version,
            )
        )
        if result.rowcount != 1:
            raise StaleVersion(self._entity, r.version, await self._actual(r.id))


class SqlAlchemyCreditorDirectory(CreditorDirectory):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = _Table(
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
        self._t = _Table(
            ctx, "advice_debts", DebtEntry, "debt", kind=lambda e: e.debt.debt_type.value
        )

    async def add(self, entry: DebtEntry) -> None:
        await self._t.add(entry)

    async def get(self, debt_id: DebtId) -> DebtEntry | None:
        return await self._t.get(debt_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[DebtEntry]:
        return await self._t.where(TABLES["advice_debts"].c.case_id == case_id)

    async def save(self, entry: DebtEntry) -> None:
        await self._t.save(entry)

    async def remove(self, entry: DebtEntry) -> None:
        await self._t.remove(entry)


class SqlAlchemyFactsRepository(FactsRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = _Table(ctx, "advice_facts", CaseFinancialFacts, "facts")

    async def get(self, case_id: CaseId) -> CaseFinancialFacts | None:
        return await self._t.get(case_id)

    async def add(self, facts: CaseFinancialFacts) -> None:
        await self._t.add(facts)

    async def save(self, facts: CaseFinancialFacts) -> None:
        await self._t.save(facts)


class SqlAlchemyBudgetRepository(BudgetRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = _Table(ctx, "advice_budgets", BudgetRecord, "budget")

    async def get(self, case_id: CaseId) -> BudgetRecord | None:
        return await self._t.get(case_id)

    async def add(self, record: BudgetRecord) -> None:
        await self._t.add(record)

    async def save(self, record: BudgetRecord) -> None:
        await self._t.save(record)


class SqlAlchemyAppraisalRepository(AppraisalRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = _Table(ctx, "advice_appraisals", AppraisalRecord, "appraisal")

    async def add(self, record: AppraisalRecord) -> None:
        await self._t.add(record)

    async def get(self, appraisal_id: uuid.UUID) -> AppraisalRecord | None:
        return await self._t.get(appraisal_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[AppraisalRecord]:
        return await self._t.where(TABLES["advice_appraisals"].c.case_id == case_id)


class SqlAlchemyOfferRepository(OfferRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = _Table(ctx, "advice_offer_plans", OfferPlanRecord, "offer plan")

    async def add(self, record: OfferPlanRecord) -> None:
        await self._t.add(record)

    async def get(self, plan_id: uuid.UUID) -> OfferPlanRecord | None:
        return await self._t.get(plan_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[OfferPlanRecord]:
        return await self._t.where(TABLES["advice_offer_plans"].c.case_id == case_id)


class SqlAlchemyAdviceRepository(AdviceRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = _Table(ctx, "advice_records", AdviceRecord, "advice record")

    async def add(self, record: AdviceRecord) -> None:
        await self._t.add(record)

    async def get(self, advice_id: uuid.UUID) -> AdviceRecord | None:
        return await self._t.get(advice_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[AdviceRecord]:
        return await self._t.where(TABLES["advice_records"].c.case_id == case_id)

    async def save(self, record: AdviceRecord) -> None:
        await self._t.save(record)


class SqlAlchemyLetterTemplateRepository(LetterTemplateRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx
        self._t = _Table(
            ctx,
            "advice_letter_templates",
            LetterTemplate,
            "letter template",
            kind=lambda t: t.kind.value,
        )

    async def get(self, kind: LetterKind) -> LetterTemplate | None:
        return await self._t.get(template_id(self._x.centre_id, kind))

    async def list(self) -> Sequence[LetterTemplate]:
        return await self._t.where(order=(TABLES["advice_letter_templates"].c.kind,))

    async def add(self, template: LetterTemplate) -> None:
        if template.id != template_id(template.centre_id, template.kind):
            raise ValueError("a letter template's id must be template_id(centre, kind)")
        await self._t.add(template)

    async def save(self, template: LetterTemplate) -> None:
        await self._t.save(template)


class SqlAlchemyLetterRepository(LetterRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = _Table(ctx, "advice_letters", Letter, "letter", kind=lambda x: x.kind.value)

    async def add(self, letter: Letter) -> None:
        await self._t.add(letter)

    async def get(self, letter_id: uuid.UUID) -> Letter | None:
        return await self._t.get(letter_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Letter]:
        return await self._t.where(TABLES["advice_letters"].c.case_id == case_id)

    async def save(self, letter: Letter) -> None:
        await self._t.save(letter)


class SqlAlchemyReferenceDataRepository(ReferenceDataRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx
        self._t = _Table(ctx, "advice_reference", CentreReference, "reference data")

    async def get(self) -> CentreReference | None:
        return await self._t.get(self._x.centre_id)

    async def add(self, ref: CentreReference) -> None:
        await self._t.add(ref)

    async def save(self, ref: CentreReference) -> None:
        await self._t.save(ref)


# RepositoryFactory functions: given the unit of work, the repository in its transaction.
def creditors(uow: UnitOfWork) -> CreditorDirectory:
    return SqlAlchemyCreditorDirectory(SqlAlchemyUnitOfWork.of(uow).context)


def debts(uow: UnitOfWork) -> DebtRepository:
    return SqlAlchemyDebtRepository(SqlAlchemyUnitOfWork.of(uow).context)


def facts(uow: UnitOfWork) -> FactsRepository:
    return SqlAlchemyFactsRepository(SqlAlchemyUnitOfWork.of(uow).context)


def budgets(uow: UnitOfWork) -> BudgetRepository:
    return SqlAlchemyBudgetRepository(SqlAlchemyUnitOfWork.of(uow).context)


def appraisals(uow: UnitOfWork) -> AppraisalRepository:
    return SqlAlchemyAppraisalRepository(SqlAlchemyUnitOfWork.of(uow).context)


def offers(uow: UnitOfWork) -> OfferRepository:
    return SqlAlchemyOfferRepository(SqlAlchemyUnitOfWork.of(uow).context)


def advice(uow: UnitOfWork) -> AdviceRepository:
    return SqlAlchemyAdviceRepository(SqlAlchemyUnitOfWork.of(uow).context)


def letter_templates(uow: UnitOfWork) -> LetterTemplateRepository:
    return SqlAlchemyLetterTemplateRepository(SqlAlchemyUnitOfWork.of(uow).context)


def letters(uow: UnitOfWork) -> LetterRepository:
    return SqlAlchemyLetterRepository(SqlAlchemyUnitOfWork.of(uow).context)


def reference(uow: UnitOfWork) -> ReferenceDataRepository:
    return SqlAlchemyReferenceDataRepository(SqlAlchemyUnitOfWork.of(uow).context)
