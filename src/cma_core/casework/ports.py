"""Ports of the casework area: one repository per record kind.

Every repository is bound to one unit of work, so to one centre: another centre's record
is never returned (``None`` / left out) and writing one raises ``CrossTenantAccess``.
``save`` bumps ``version`` and raises ``StaleVersion`` if the stored one moved on; ``add``
raises ``Conflict`` for an id already taken. Lists are in the order stated, whole: a
case's log is small, and the service pages it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Protocol

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
from cma_core.shared.ids import CaseId


class ContactRepository(Protocol):
    async def add(self, contact: Contact) -> None: ...

    async def get(self, contact_id: uuid.UUID) -> Contact | None: ...

    async def save(self, contact: Contact) -> None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[Contact]:
        """The case's contacts, oldest ``at`` first (then by id)."""
        ...


class ChecklistRepository(Protocol):
    async def add(self, record: ChecklistRecord) -> None: ...

    async def get(self, case_id: CaseId) -> ChecklistRecord | None:
        """The case's checklist, ``None`` before the first tick."""
        ...

    async def save(self, record: ChecklistRecord) -> None: ...


class ScreeningRepository(Protocol):
    async def add(self, screening: Screening) -> None: ...

    async def get(self, screening_id: uuid.UUID) -> Screening | None: ...

    async def save(self, screening: Screening) -> None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[Screening]:
        """The case's screenings, by date then when recorded."""
        ...


class CreditReportRepository(Protocol):
    async def add(self, report: CreditReport) -> None: ...

    async def get(self, report_id: uuid.UUID) -> CreditReport | None: ...

    async def save(self, report: CreditReport) -> None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[CreditReport]:
        """The case's credit reports, oldest recorded first."""
        ...


class EligibilityRepository(Protocol):
    async def add(self, record: EligibilityRecord) -> None: ...

    async def get(self, case_id: CaseId) -> EligibilityRecord | None: ...

    async def save(self, record: EligibilityRecord) -> None: ...


class SettlementRepository(Protocol):
    async def add(self, settlement: Settlement) -> None: ...

    async def get(self, settlement_id: uuid.UUID) -> Settlement | None: ...

    async def save(self, settlement: Settlement) -> None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[Settlement]:
        """The case's settlements, oldest recorded first."""
        ...


class ComplaintRepository(Protocol):
    async def add(self, complaint: Complaint) -> None: ...

    async def get(self, complaint_id: uuid.UUID) -> Complaint | None: ...

    async def save(self, complaint: Complaint) -> None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[Complaint]:
        """The case's complaints, by date received then when recorded."""
        ...


class BreathingSpaceRepository(Protocol):
    async def add(self, record: BreathingSpace) -> None: ...

    async def get(self, record_id: uuid.UUID) -> BreathingSpace | None: ...

    async def save(self, record: BreathingSpace) -> None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[BreathingSpace]:
        """The case's Breathing Space applications, by date applied, then recorded."""
        ...
