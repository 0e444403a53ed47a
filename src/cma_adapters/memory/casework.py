"""In-memory repositories of the casework area, on record tables (:mod:`.records`),
joined to ``InMemoryUnitOfWork``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.memory.records import RecordTable, by_created, in_case
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.casework.model import (
    BreathingSpace,
    ChecklistRecord,
    Complaint,
    Contact,
    CreditReport,
    EligibilityRecord,
    Screening,
    Settlement,
)
from cma_core.casework.ports import (
    BreathingSpaceRepository,
    ChecklistRepository,
    ComplaintRepository,
    ContactRepository,
    CreditReportRepository,
    EligibilityRepository,
    ScreeningRepository,
    SettlementRepository,
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


class InMemorySettlementRepository(SettlementRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[Settlement] = RecordTable(uow, "casework_settlements", "settlement")

    async def add(self, settlement: Settlement) -> None:
        self._t.add(settlement)

    async def get(self, settlement_id: uuid.UUID) -> Settlement | None:
        return self._t.get(settlement_id)

    async def save(self, settlement: Settlement) -> None:
        self._t.save(settlement)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Settlement]:
        return self._t.where(in_case(case_id), by_created)


class InMemoryComplaintRepository(ComplaintRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[Complaint] = RecordTable(uow, "casework_complaints", "complaint")

    async def add(self, complaint: Complaint) -> None:
        self._t.add(complaint)

    async def get(self, complaint_id: uuid.UUID) -> Complaint | None:
        return self._t.get(complaint_id)

    async def save(self, complaint: Complaint) -> None:
        self._t.save(complaint)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Complaint]:
        return self._t.where(in_case(case_id), lambda c: (c.received_on, c.created_at, str(c.id)))


def settlements(uow: UnitOfWork) -> SettlementRepository:
    return InMemorySettlementRepository(InMemoryUnitOfWork.of(uow))


def complaints(uow: UnitOfWork) -> ComplaintRepository:
    return InMemoryComplaintRepository(InMemoryUnitOfWork.of(uow))


class InMemoryBreathingSpaceRepository(BreathingSpaceRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[BreathingSpace] = RecordTable(
            uow, "casework_breathing_spaces", "breathing space"
        )

    async def add(self, record: BreathingSpace) -> None:
        self._t.add(record)

    async def get(self, record_id: uuid.UUID) -> BreathingSpace | None:
        return self._t.get(record_id)

    async def save(self, record: BreathingSpace) -> None:
        self._t.save(record)

    async def list_for_case(self, case_id: CaseId) -> Sequence[BreathingSpace]:
        return self._t.where(in_case(case_id), lambda b: (b.applied_on, b.created_at, str(b.id)))


def breathing_spaces(uow: UnitOfWork) -> BreathingSpaceRepository:
    return InMemoryBreathingSpaceRepository(InMemoryUnitOfWork.of(uow))
