"""SQL repositories of the casework area, on record tables (:mod:`.records`), joined to
``SqlAlchemyUnitOfWork``. Contacts' names and summaries, screenings' sensitive parts and
credit report accounts are sealed with the centre's data key."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.sqlalchemy.records import RecordTable
from cma_adapters.sqlalchemy.rows import TABLES
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.casework.model import (
    SCREENING_SENSITIVE,
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

_CONTACTS = TABLES["casework_contacts"]
_SCREENINGS = TABLES["casework_screenings"]
_REPORTS = TABLES["casework_credit_reports"]
_SETTLEMENTS = TABLES["casework_settlements"]
_COMPLAINTS = TABLES["casework_complaints"]
_BREATHING = TABLES["casework_breathing_spaces"]


class SqlAlchemyContactRepository(ContactRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx,
            "casework_contacts",
            Contact,
            "contact",
            kind=lambda c: c.channel.value,
            # ISO UTC instants sort as text: the log's order is a column, not a JSON path.
            sort_key=lambda c: c.at.isoformat(),
            sealed=("with_whom", "summary"),
        )

    async def add(self, contact: Contact) -> None:
        await self._t.add(contact)

    async def get(self, contact_id: uuid.UUID) -> Contact | None:
        return await self._t.get(contact_id)

    async def save(self, contact: Contact) -> None:
        await self._t.save(contact)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Contact]:
        return await self._t.for_case(case_id)


class SqlAlchemyChecklistRepository(ChecklistRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(ctx, "casework_checklists", ChecklistRecord, "checklist")

    async def add(self, record: ChecklistRecord) -> None:
        await self._t.add(record)

    async def get(self, case_id: CaseId) -> ChecklistRecord | None:
        return await self._t.get(case_id)

    async def save(self, record: ChecklistRecord) -> None:
        await self._t.save(record)


class SqlAlchemyScreeningRepository(ScreeningRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx,
            "casework_screenings",
            Screening,
            "screening",
            sort_key=lambda s: s.on.isoformat(),
            sealed=SCREENING_SENSITIVE,
        )

    async def add(self, screening: Screening) -> None:
        await self._t.add(screening)

    async def get(self, screening_id: uuid.UUID) -> Screening | None:
        return await self._t.get(screening_id)

    async def save(self, screening: Screening) -> None:
        await self._t.save(screening)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Screening]:
        return await self._t.for_case(case_id)


class SqlAlchemyCreditReportRepository(CreditReportRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx, "casework_credit_reports", CreditReport, "credit report", sealed=("lines",)
        )

    async def add(self, report: CreditReport) -> None:
        await self._t.add(report)

    async def get(self, report_id: uuid.UUID) -> CreditReport | None:
        return await self._t.get(report_id)

    async def save(self, report: CreditReport) -> None:
        await self._t.save(report)

    async def list_for_case(self, case_id: CaseId) -> Sequence[CreditReport]:
        return await self._t.for_case(case_id)


class SqlAlchemyEligibilityRepository(EligibilityRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(ctx, "casework_eligibility", EligibilityRecord, "eligibility")

    async def add(self, record: EligibilityRecord) -> None:
        await self._t.add(record)

    async def get(self, case_id: CaseId) -> EligibilityRecord | None:
        return await self._t.get(case_id)

    async def save(self, record: EligibilityRecord) -> None:
        await self._t.save(record)


class SqlAlchemySettlementRepository(SettlementRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx, "casework_settlements", Settlement, "settlement", sealed=("note",)
        )

    async def add(self, settlement: Settlement) -> None:
        await self._t.add(settlement)

    async def get(self, settlement_id: uuid.UUID) -> Settlement | None:
        return await self._t.get(settlement_id)

    async def save(self, settlement: Settlement) -> None:
        await self._t.save(settlement)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Settlement]:
        return await self._t.for_case(case_id)


class SqlAlchemyComplaintRepository(ComplaintRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx,
            "casework_complaints",
            Complaint,
            "complaint",
            kind=lambda c: c.kind.value,
            sort_key=lambda c: c.received_on.isoformat(),
            sealed=("summary", "outcome"),
        )

    async def add(self, complaint: Complaint) -> None:
        await self._t.add(complaint)

    async def get(self, complaint_id: uuid.UUID) -> Complaint | None:
        return await self._t.get(complaint_id)

    async def save(self, complaint: Complaint) -> None:
        await self._t.save(complaint)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Complaint]:
        return await self._t.for_case(case_id)


def _ctx(uow: UnitOfWork) -> SqlContext:
    return SqlAlchemyUnitOfWork.of(uow).context


def contacts(uow: UnitOfWork) -> ContactRepository:
    return SqlAlchemyContactRepository(_ctx(uow))


def checklists(uow: UnitOfWork) -> ChecklistRepository:
    return SqlAlchemyChecklistRepository(_ctx(uow))


def screenings(uow: UnitOfWork) -> ScreeningRepository:
    return SqlAlchemyScreeningRepository(_ctx(uow))


def credit_reports(uow: UnitOfWork) -> CreditReportRepository:
    return SqlAlchemyCreditReportRepository(_ctx(uow))


def eligibility(uow: UnitOfWork) -> EligibilityRepository:
    return SqlAlchemyEligibilityRepository(_ctx(uow))


def settlements(uow: UnitOfWork) -> SettlementRepository:
    return SqlAlchemySettlementRepository(_ctx(uow))


def complaints(uow: UnitOfWork) -> ComplaintRepository:
    return SqlAlchemyComplaintRepository(_ctx(uow))


class SqlAlchemyBreathingSpaceRepository(BreathingSpaceRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx,
            "casework_breathing_spaces",
            BreathingSpace,
            "breathing space",
            kind=lambda b: b.kind.value,
            sort_key=lambda b: b.applied_on.isoformat(),
            sealed=("note", "creditor_reviews"),
        )

    async def add(self, record: BreathingSpace) -> None:
        await self._t.add(record)

    async def get(self, record_id: uuid.UUID) -> BreathingSpace | None:
        return await self._t.get(record_id)

    async def save(self, record: BreathingSpace) -> None:
        await self._t.save(record)

    async def list_for_case(self, case_id: CaseId) -> Sequence[BreathingSpace]:
        return await self._t.for_case(case_id)


def breathing_spaces(uow: UnitOfWork) -> BreathingSpaceRepository:
    return SqlAlchemyBreathingSpaceRepository(_ctx(uow))
