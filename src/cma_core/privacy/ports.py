"""Ports of the privacy area: the key management that wraps the centres' data keys
(field encryption), and the port that removes a case's or a client's records for good
(case deletion, right to erasure).

The eraser joins a unit of work through a ``RepositoryFactory`` (see ``cma_core.shared.uow``) and
sees only that centre's rows, like every repository. It removes *records*; the stored
objects of documents are the document store's, and the privacy service deletes them
first (see ``cma_core.privacy.service``).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from attrs import frozen

from cma_core.advice.ports import AdviceRepository, LetterRepository
from cma_core.budgets.ports import BudgetRepository, OfferRepository
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
from cma_core.compliance.ports import FindingRepository, QaRepository
from cma_core.debts.ports import DebtRepository, FactsRepository
from cma_core.privacy.requests import DataSubjectRequest, LegalHold
from cma_core.scheduling.ports import (
    AppointmentRepository,
    ConsentRepository,
    DeadlineRepository,
    FactRepository,
)
from cma_core.shared.ids import CaseId, CentreId, ClientId
from cma_core.shared.uow import RepositoryFactory
from cma_core.solutions.ports import AppraisalRepository


class ErasedCopies(Protocol):
    """Copies of a case's or client's data held outside the database's tables (a search
    index). The privacy service removes them as soon as an erasure commits, so the erasure
    is complete when it answers; the ``CaseErased`` / ``ClientErased`` events it emits in
    the same transaction make the handlers of those copies retry if this fails."""

    async def delete_case(self, centre_id: CentreId, case_id: CaseId) -> None: ...

    async def delete_client(self, centre_id: CentreId, client_id: ClientId) -> None:
        """Remove the client's copies and those of every case of theirs."""
        ...


class CaseDataEraser(Protocol):
    async def hold(self, case_ids: Collection[CaseId]) -> None:
        """Wait for the read models' projections writing these cases to finish, and keep
        any further one off them until this unit of work ends. Called before the erasure
        writes anything: a projection that read a case before it was erased must not write
        its rows after the erasure swept them (they would outlive the case). A no-op where
        units of work never run side by side."""
        ...

    async def erase_case(self, case_id: CaseId) -> Mapping[str, int]:
        """Delete the case and every record of this centre that belongs to it: every table
        with a ``case_id`` (notes, tasks, debts, budget, facts, appraisals, offers, advice,
        letters, case facts, deadlines, appointments, findings, QA reviews, documents,
        suggestions, and whatever a later area adds), the reminders about its
        appointments and deadlines, and the outbox events that name it.

        Returns how many rows went, by table (tables with none left out; ``cases`` is 1
        when the case itself was there). Idempotent: a missing case returns what was left
        to remove, usually ``{}``. Audit entries are never touched.
        """
        ...

    async def erase_client(self, client_id: ClientId) -> Mapping[str, int]:
        """Delete the client's own records: contact consents, reminders addressed to the
        client, outbox events that name the client, and the client row itself (its sealed
        personal fields and blind-index entries). Erase the client's cases first: the
        client of a remaining case is refused with ``Conflict``.

        Returns rows removed by table, as ``erase_case``. Idempotent.
        """
        ...


@frozen(kw_only=True)
class AdviceRecordSources:
    """The debt-advice records a subject access export reads, each joining the unit of
    work through its own ``RepositoryFactory`` (grouped here because the export reads them
    together, and leaves them out together when the area is not wired)."""

    debts: RepositoryFactory[DebtRepository]
    facts: RepositoryFactory[FactsRepository]
    budgets: RepositoryFactory[BudgetRepository]
    appraisals: RepositoryFactory[AppraisalRepository]
    offers: RepositoryFactory[OfferRepository]
    advice: RepositoryFactory[AdviceRepository]
    letters: RepositoryFactory[LetterRepository]


@frozen(kw_only=True)
class SchedulingRecordSources:
    """The case clock and compliance records a subject access export reads (as above)."""

    dated_facts: RepositoryFactory[FactRepository]
    deadlines: RepositoryFactory[DeadlineRepository]
    appointments: RepositoryFactory[AppointmentRepository]
    consents: RepositoryFactory[ConsentRepository]
    findings: RepositoryFactory[FindingRepository]
    qa: RepositoryFactory[QaRepository]


@frozen(kw_only=True)
class CaseworkRecordSources:
    """The casework records a subject access export reads (as above): the contact log,
    first-contact checklist, screenings, credit reports, eligibility decisions,
    settlements, complaints and Breathing Space applications."""

    contacts: RepositoryFactory[ContactRepository]
    checklists: RepositoryFactory[ChecklistRepository]
    screenings: RepositoryFactory[ScreeningRepository]
    credit_reports: RepositoryFactory[CreditReportRepository]
    eligibility: RepositoryFactory[EligibilityRepository]
    settlements: RepositoryFactory[SettlementRepository]
    complaints: RepositoryFactory[ComplaintRepository]
    breathing_spaces: RepositoryFactory[BreathingSpaceRepository]


@frozen
class DataKey:
    """A fresh data key: ``plaintext`` (32 bytes, kept in memory only) and ``wrapped`` (what
    is stored)."""

    plaintext: bytes
    wrapped: bytes


class KeyUnavailable(Exception):
    """The key service refused or could not unwrap a key (wrong centre, wrong master key,
    service down). Never answered with wrong data."""


class KeyManagement(Protocol):
    """Makes and unwraps per-centre data keys."""

    async def generate_data_key(self, centre_id: CentreId) -> DataKey:
        """A new random 256-bit data key wrapped for ``centre_id``; every call is a new key."""
        ...

    async def unwrap_data_key(self, centre_id: CentreId, wrapped: bytes) -> bytes:
        """The plaintext of ``wrapped``.

        Raises:
            KeyUnavailable: ``wrapped`` was not made for ``centre_id`` under this service's
                master key, was altered, or the service could not be reached.
        """
        ...


class CiphertextRejected(Exception):
    """A stored ciphertext failed authentication (altered, moved to another row or column,
    or sealed under another key). Raised instead of returning wrong data."""


class DataSubjectRequestRepository(Protocol):
    """The centre's register of data-subject requests (small: listed whole)."""

    async def add(self, request: DataSubjectRequest) -> None: ...

    async def get(self, request_id: uuid.UUID) -> DataSubjectRequest | None: ...

    async def save(self, request: DataSubjectRequest) -> None: ...

    async def list(
        self, *, data_subject_id: ClientId | None = None
    ) -> Sequence[DataSubjectRequest]:
        """The centre's requests (of one client if given), by date received."""
        ...


class LegalHoldRepository(Protocol):
    async def add(self, hold: LegalHold) -> None: ...

    async def get(self, hold_id: uuid.UUID) -> LegalHold | None: ...

    async def save(self, hold: LegalHold) -> None: ...

    async def list(self, *, active_only: bool = False) -> Sequence[LegalHold]:
        """The centre's holds, oldest placed first."""
        ...
