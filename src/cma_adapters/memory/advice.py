"""In-memory repositories of the debt-advice area, joined to ``InMemoryUnitOfWork``.

Each repository keeps its records in one named table of the shared ``InMemoryDatabase``
and stages writes through the unit of work, so they commit (or roll back) with everything
else. Reads hand out deep copies. The contract suite holds them to what SQL does.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from cma_adapters.memory.uow import InMemoryUnitOfWork
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
from cma_core.shared.errors import Conflict, CrossTenantAccess, StaleVersion
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork
from cma_core.solutions.ports import AppraisalRecord, AppraisalRepository

R = TypeVar("R")


class _Table(Generic[R]):
    """One table of records that have ``id``, ``centre_id``, ``version``, ``created_at``."""

    def __init__(self, uow: InMemoryUnitOfWork, name: str, entity: str) -> None:
        self._uow, self._name, self._entity = uow, name, entity

    @property
    def _rows(self) -> dict[Any, Any]:
        return self._uow.db.table(f"advice.{self._name}")

    def _own(self, rec: Any) -> None:
        if rec.centre_id != self._uow.centre_id:
            raise CrossTenantAccess(f"{self._entity} belongs to another centre")

    def add(self, rec: R) -> None:
        self._own(rec)
        st = self._uow.staging
        key = (self._name, getattr(rec, "id"))  # noqa: B009 - R is any record type
        pending = st.base_versions
        if getattr(rec, "id") in self._rows or key in pending:  # noqa: B009
            raise Conflict(f"{self._entity} already exists")
        # Marks the id as taken by this unit of work (the database's primary key does).
        pending[key] = 0
        stored = copy.deepcopy(rec)
        rec_id = getattr(rec, "id")  # noqa: B009

        def check() -> None:
            if rec_id in self._rows:
                raise Conflict(f"{self._entity} already exists")

        st.checks.append(check)
        st.ops.append(lambda: self._rows.__setitem__(rec_id, stored))

    def get(self, rec_id: Any) -> R | None:
        rec = self._rows.get(rec_id)
        if rec is None or rec.centre_id != self._uow.centre_id:
            return None
        return copy.deepcopy(rec)  # type: ignore[no-any-return]

    def where(self, keep: Callable[[Any], bool], order: Callable[[Any], Any]) -> list[R]:
        rows = [r for r in self._rows.values() if r.centre_id == self._uow.centre_id and keep(r)]
        rows.sort(key=order)
        return [copy.deepcopy(r) for r in rows]

    def _expect(self, rec: Any) -> int:
        key = (self._name, rec.id, "saved")
        return self._uow.staging.base_versions.setdefault(key, rec.version)

    def _current_version(self, rec_id: Any) -> int:
        now = self._rows.get(rec_id)
        if now is None or now.centre_id != self._uow.centre_id:
            return 0
        return int(now.version)

    def save(self, rec: R) -> None:
        self._own(rec)
        r: Any = rec
        expected = self._expect(r)
        if self._current_version(r.id) != expected:
            raise StaleVersion(self._entity, expected, self._current_version(r.id))
        r.version += 1
        stored = copy.deepcopy(rec)
        rec_id = r.id

        def check() -> None:
            actual = self._current_version(rec_id)
            if actual != expected:
                raise StaleVersion(self._entity, expected, actual)

        self._uow.staging.checks.append(check)
        self._uow.staging.ops.append(lambda: self._rows.__setitem__(rec_id, stored))

    def remove(self, rec: R) -> None:
        self._own(rec)
        r: Any = rec
        actual = self._current_version(r.id)
        if actual != r.version:
            raise StaleVersion(self._entity, r.version, actual)
        rec_id, expected = r.id, r.version

        def check() -> None:
            now = self._current_version(rec_id)
            if now != expected:
                raise StaleVersion(self._entity, expected, now)

        self._uow.staging.checks.append(check)
        self._uow.staging.ops.append(lambda: self._rows.pop(rec_id, None))


def _by_created(rec: Any) -> Any:
    return (rec.created_at, rec.id)


def _in_case(case_id: CaseId) -> Callable[[Any], bool]:
    return lambda r: r.case_id == case_id


class InMemoryCreditorDirectory(CreditorDirectory):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: _Table[CreditorEntry] = _Table(uow, "creditors", "creditor")

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
        self._t: _Table[DebtEntry] = _Table(uow, "debts", "debt")

    async def add(self, entry: DebtEntry) -> None:
        self._t.add(entry)

    async def get(self, debt_id: DebtId) -> DebtEntry | None:
        return self._t.get(debt_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[DebtEntry]:
        return self._t.where(_in_case(case_id), _by_created)

    async def save(self, entry: DebtEntry) -> None:
        self._t.save(entry)

    async def remove(self, entry: DebtEntry) -> None:
        self._t.remove(entry)


class InMemoryFactsRepository(FactsRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: _Table[CaseFinancialFacts] = _Table(uow, "facts", "facts")

    async def get(self, case_id: CaseId) -> CaseFinancialFacts | None:
        return self._t.get(case_id)

    async def add(self, facts: CaseFinancialFacts) -> None:
        self._t.add(facts)

    async def save(self, facts: CaseFinancialFacts) -> None:
        self._t.save(facts)


class InMemoryBudgetRepository(BudgetRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: _Table[BudgetRecord] = _Table(uow, "budgets", "budget")

    async def get(self, case_id: CaseId) -> BudgetRecord | None:
        return self._t.get(case_id)

    async def add(self, record: BudgetRecord) -> None:
        self._t.add(record)

    async def save(self, record: BudgetRecord) -> None:
        self._t.save(record)


class InMemoryAppraisalRepository(AppraisalRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: _Table[AppraisalRecord] = _Table(uow, "appraisals", "appraisal")

    async def add(self, record: AppraisalRecord) -> None:
        self._t.add(record)

    async def get(self, appraisal_id: uuid.UUID) -> AppraisalRecord | None:
        return self._t.get(appraisal_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[AppraisalRecord]:
        return self._t.where(_in_case(case_id), _by_created)


class InMemoryOfferRepository(OfferRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: _Table[OfferPlanRecord] = _Table(uow, "offer_plans", "offer plan")

    async def add(self, record: OfferPlanRecord) -> None:
        self._t.add(record)

    async def get(self, plan_id: uuid.UUID) -> OfferPlanRecord | None:
        return self._t.get(plan_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[OfferPlanRecord]:
        return self._t.where(_in_case(case_id), _by_created)


class InMemoryAdviceRepository(AdviceRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: _Table[AdviceRecord] = _Table(uow, "advice_records", "advice record")

    async def add(self, record: AdviceRecord) -> None:
        self._t.add(record)

    async def get(self, advice_id: uuid.UUID) -> AdviceRecord | None:
        return self._t.get(advice_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[AdviceRecord]:
        return self._t.where(_in_case(case_id), _by_created)

    async def save(self, record: AdviceRecord) -> None:
        self._t.save(record)


class InMemoryLetterTemplateRepository(LetterTemplateRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._t: _Table[LetterTemplate] = _Table(uow, "letter_templates", "letter template")

    async def get(self, kind: LetterKind) -> LetterTemplate | None:
        return self._t.get(template_id(self._uow.centre_id, kind))

    async def list(self) -> Sequence[LetterTemplate]:
        return self._t.where(lambda _: True, lambda t: t.kind.value)

    async def add(self, template: LetterTemplate) -> None:
        if template.id != template_id(template.centre_id, template.kind):
            raise ValueError("a letter template's id must be template_id(centre, kind)")
        self._t.add(template)

    async def save(self, template: LetterTemplate) -> None:
        self._t.save(template)


class InMemoryLetterRepository(LetterRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: _Table[Letter] = _Table(uow, "letters", "letter")

    async def add(self, letter: Letter) -> None:
        self._t.add(letter)

    async def get(self, letter_id: uuid.UUID) -> Letter | None:
        return self._t.get(letter_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Letter]:
        return self._t.where(_in_case(case_id), _by_created)

    async def save(self, letter: Letter) -> None:
        self._t.save(letter)


class InMemoryReferenceDataRepository(ReferenceDataRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._t: _Table[CentreReference] = _Table(uow, "reference", "reference data")

    async def get(self) -> CentreReference | None:
        return self._t.get(self._uow.centre_id)

    async def add(self, ref: CentreReference) -> None:
        self._t.add(ref)

    async def save(self, ref: CentreReference) -> None:
        self._t.save(ref)


# RepositoryFactory functions: given the unit of work, the repository in its transaction.
def creditors(uow: UnitOfWork) -> CreditorDirectory:
    return InMemoryCreditorDirectory(InMemoryUnitOfWork.of(uow))


def debts(uow: UnitOfWork) -> DebtRepository:
    return InMemoryDebtRepository(InMemoryUnitOfWork.of(uow))


def facts(uow: UnitOfWork) -> FactsRepository:
    return InMemoryFactsRepository(InMemoryUnitOfWork.of(uow))


def budgets(uow: UnitOfWork) -> BudgetRepository:
    return InMemoryBudgetRepository(InMemoryUnitOfWork.of(uow))


def appraisals(uow: UnitOfWork) -> AppraisalRepository:
    return InMemoryAppraisalRepository(InMemoryUnitOfWork.of(uow))


def offers(uow: UnitOfWork) -> OfferRepository:
    return InMemoryOfferRepository(InMemoryUnitOfWork.of(uow))


def advice(uow: UnitOfWork) -> AdviceRepository:
    return InMemoryAdviceRepository(InMemoryUnitOfWork.of(uow))


def letter_templates(uow: UnitOfWork) -> LetterTemplateRepository:
    return InMemoryLetterTemplateRepository(InMemoryUnitOfWork.of(uow))


def letters(uow: UnitOfWork) -> LetterRepository:
    return InMemoryLetterRepository(InMemoryUnitOfWork.of(uow))


def reference(uow: UnitOfWork) -> ReferenceDataRepository:
    return InMemoryReferenceDataRepository(InMemoryUnitOfWork.of(uow))
