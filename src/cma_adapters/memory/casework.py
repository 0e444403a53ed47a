"""In-memory repositories of the casework area, on record tables (:mod:`.records`),
joined to ``InMemoryUnitOfWork``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.memory.records import RecordTable, by_created, in_case
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.casework.model import (
    ChecklistRecord,
    Contact,
    CreditReport,
    EligibilityRecord,
    Screening,
)
from cma_core.casework.ports import (
    ChecklistRepository,
    ContactRepository,
    CreditReportRepository,
    EligibilityRepository,
    ScreeningRepository,
)
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork


class InMemoryContactRepository(ContactRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[Contact] = RecordTable(uow, "casework_contacts", "contact")

    async def add(self, contact: Contact) -> None:
        self._t.add(contact)

    async def get(self, contact_id: uuid.UUID) -> Contact | None:
        return self._t.get(contact_id)

    async def save(self, contact: Contact) -> None:
        self._t.save(contact)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Contact]:
        return self._t.where(in_case(case_id), lambda c: (c.at, str(c.id)))


class InMemoryChecklistRepository(ChecklistRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[ChecklistRecord] = RecordTable(uow, "casework_checklists", "checklist")

    async def add(self, record: ChecklistRecord) -> None:
        self._t.add(record)

    async def get(self, case_id: CaseId) -> ChecklistRecord | None:
        return self._t.get(case_id)

    async def save(self, record: ChecklistRecord) -> None:
        self._t.save(record)


class InMemoryScreeningRepository(ScreeningRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[Screening] = RecordTable(uow, "casework_screenings", "screening")

    async def add(self, screening: Screening) -> None:
        self._t.add(screening)

    async def get(self, screening_id: uuid.UUID) -> Screening | None:
        return self._t.get(screening_id)

    async def save(self, screening: Screening) -> None:
        self._t.save(screening)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Screening]:
        return self._t.where(in_case(case_id), lambda s: (s.on, s.created_at, str(s.id)))


class InMemoryCreditReportRepository(CreditReportRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[CreditReport] = RecordTable(
            uow, "casework_credit_reports", "credit report"
        )

    async def add(self, report: CreditReport) -> None:
        self._t.add(report)

    async def get(self, report_id: uuid.UUID) -> CreditReport | None:
        return self._t.get(report_id)

    async def save(self, report: CreditReport) -> None:
        self._t.save(report)

    async def list_for_case(self, case_id: CaseId) -> Sequence[CreditReport]:
        return self._t.where(in_case(case_id), by_created)


class InMemoryEligibilityRepository(EligibilityRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[EligibilityRecord] = RecordTable(
            uow, "casework_eligibility", "eligibility"
        )

    async def add(self, record: EligibilityRecord) -> None:
        self._t.add(record)

    async def get(self, case_id: CaseId) -> EligibilityRecord | None:
        return self._t.get(case_id)

    async def save(self, record: EligibilityRecord) -> None:
        self._t.save(record)


def contacts(uow: UnitOfWork) -> ContactRepository:
    return InMemoryContactRepository(InMemoryUnitOfWork.of(uow))


def checklists(uow: UnitOfWork) -> ChecklistRepository:
    return InMemoryChecklistRepository(InMemoryUnitOfWork.of(uow))


def screenings(uow: UnitOfWork) -> ScreeningRepository:
    return InMemoryScreeningRepository(InMemoryUnitOfWork.of(uow))


def credit_reports(uow: UnitOfWork) -> CreditReportRepository:
    return InMemoryCreditReportRepository(InMemoryUnitOfWork.of(uow))


def eligibility(uow: UnitOfWork) -> EligibilityRepository:
    return InMemoryEligibilityRepository(InMemoryUnitOfWork.of(uow))
