"""Ports of the compliance area: stored findings, QA samples and reviews, the centre's policy."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, NewType, Protocol

import attrs
from attrs import frozen

from cma_core.advice.ports import AdviceRepository, LetterRepository
from cma_core.budgets.ports import BudgetRepository, OfferRepository
from cma_core.compliance import casefile as cf
from cma_core.compliance.model import CompliancePolicy, Finding, Status
from cma_core.debts.model import CreditorId
from cma_core.debts.ports import CreditorDirectory, DebtRepository, FactsRepository
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork
from cma_core.solutions.ports import AppraisalRepository

QaSampleId = NewType("QaSampleId", uuid.UUID)

QaReviewId = NewType("QaReviewId", uuid.UUID)

#: The policy values a centre may set (``GET/PUT /api/v1/compliance/policy``); the rest of
#: ``CompliancePolicy`` (tolerances, limitation periods, required options) is not a
#: centre's to change. DRO limits are not policy at all: CR-14 reads the saved appraisal.
POLICY_FIELDS = (
    "written_advice_working_days",
    "file_review_quota",
    "file_review_period_months",
    "retention_years",
    "disposal_grace_days",
    "complaint_final_response_days",
    "dp_complaint_ack_days",
    "vulnerability_review_tolerance_days",
)


@frozen(kw_only=True)
class StoredFinding:
    centre_id: CentreId
    case_id: CaseId
    adviser_id: UserId | None
    finding: Finding
    evaluated_at: dt.datetime


@frozen(kw_only=True)
class FindingOutcome:
    """One rule's outcome on one case from one evaluation: a row of the findings history
    (``compliance.history``), kept when the outcome changed."""

    case_id: CaseId
    rule_id: str
    adviser_id: UserId | None
    status: Status
    evaluated_at: dt.datetime


@frozen(kw_only=True)
class QaSample:
    id: QaSampleId
    centre_id: CentreId
    seed: str
    quota: int
    picks: Mapping[UserId, tuple[CaseId, ...]]
    drawn_at: dt.datetime
    drawn_by: UserId | None


@frozen(kw_only=True)
class QaReview:
    id: QaReviewId
    centre_id: CentreId
    case_id: CaseId
    adviser_id: UserId | None
    reviewer_id: UserId | None
    reviewed_on: dt.date
    answers: Mapping[str, str]
    percent: int
    passed: bool
    actions: str | None
    created_at: dt.datetime


def policy_values(policy: CompliancePolicy) -> dict[str, int]:
    """The centre-settable values of ``policy``."""
    return {name: int(getattr(policy, name)) for name in POLICY_FIELDS}


def policy_from(
    values: Mapping[str, Any], base: CompliancePolicy | None = None
) -> CompliancePolicy:
    """``base`` (the defaults) with the known ``values`` applied; unknown names are ignored
    (a value stored by a newer release), bad values raise ``ValidationError``."""
    known: dict[str, Any] = {k: int(v) for k, v in values.items() if k in POLICY_FIELDS}
    return attrs.evolve(base or CompliancePolicy(), **known)


@frozen(kw_only=True)
class StoredPolicy:
    """A centre's compliance policy, with the version used for ``ETag``/``If-Match``."""

    centre_id: CentreId
    policy: CompliancePolicy
    version: int
    updated_at: dt.datetime
    updated_by: UserId | None


class FindingRepository(Protocol):
    async def replace(
        self,
        case_id: CaseId,
        adviser_id: UserId | None,
        findings: Sequence[Finding],
        evaluated_at: dt.datetime,
    ) -> None:
        """Replace the stored findings of the case with ``findings`` (idempotent)."""
        ...

    async def for_case(self, case_id: CaseId) -> Sequence[StoredFinding]:
        """The case's stored findings, in rule order; empty if never evaluated."""
        ...

    async def list(
        self,
        *,
        adviser_id: UserId | None = None,
        rule_id: str | None = None,
        severity: str | None = None,
        status: str | None = None,
    ) -> Sequence[StoredFinding]:
        """Stored findings of this centre matching every filter given."""
        ...


class FindingHistoryRepository(Protocol):
    async def append(self, outcomes: Sequence[FindingOutcome]) -> None:
        """Add ``outcomes`` to this centre's history (in the unit of work's transaction)."""
        ...

    async def until(
        self, before: dt.datetime, *, rule_id: str | None = None
    ) -> Sequence[FindingOutcome]:
        """This centre's outcomes evaluated before ``before`` (of one rule if given), in
        evaluation order."""
        ...


class QaRepository(Protocol):
    async def add_sample(self, sample: QaSample) -> None: ...

    async def add_review(self, review: QaReview) -> None: ...

    async def list_reviews(self, *, case_id: CaseId | None = None) -> Sequence[QaReview]:
        """Reviews of this centre, oldest first."""
        ...

    async def get_sample(self, sample_id: QaSampleId) -> QaSample | None: ...

    async def list_samples(self, *, limit: int, offset: int) -> Page[QaSample]:
        """Samples of this centre, newest first."""
        ...


class PolicyRepository(Protocol):
    async def get(self) -> StoredPolicy | None:
        """The centre's stored policy; ``None`` while it uses the defaults."""
        ...

    async def put(self, stored: StoredPolicy, expected_version: int) -> None:
        """Store ``stored`` (version already bumped) if the stored version is still
        ``expected_version`` (0: none stored yet); else ``StaleVersion``."""
        ...


@frozen(kw_only=True)
class CaseFileSources:
    """The debt-advice repositories the case file reads, each joining the unit of work
    through its own ``RepositoryFactory`` (grouped here only because the case file reads
    them together; without them those sections stay ``not_assessable``)."""

    creditors: RepositoryFactory[CreditorDirectory]
    debts: RepositoryFactory[DebtRepository]
    facts: RepositoryFactory[FactsRepository]
    budgets: RepositoryFactory[BudgetRepository]
    appraisals: RepositoryFactory[AppraisalRepository]
    offers: RepositoryFactory[OfferRepository]
    advice: RepositoryFactory[AdviceRepository]
    letters: RepositoryFactory[LetterRepository]

    async def creditor_names(self, uow: UnitOfWork) -> dict[CreditorId, str]:
        """The centre's creditor directory as id -> name (one query)."""
        return {e.id: e.creditor.name for e in await self.creditors(uow).list()}


class CaseReadAhead(Protocol):
    """Reads a case's records for its case file together (one statement for every
    debt-advice and casework register) while the context is open, so the repositories
    the case file reads serve them without a query each. What is read is the same as the
    repositories would read; a write to a register inside the context drops it."""

    def case(self, uow: UnitOfWork, case_id: CaseId) -> AbstractAsyncContextManager[None]: ...


class PrivacyRecords(Protocol):
    """What the privacy area (above compliance in the layer order) holds about a case for
    the rules: the client's data-subject requests (CR-23) and whether a legal hold covers
    the case (CR-22). ``privacy.rights.PrivacyRecordsReader`` provides it."""

    async def data_subject_requests(
        self, uow: UnitOfWork, client_id: ClientId
    ) -> tuple[cf.DataSubjectRequest, ...]: ...

    async def on_hold(self, uow: UnitOfWork, case_id: CaseId, client_id: ClientId) -> bool: ...


class StaffStarts(Protocol):
    """When a member of staff started (their account was made): CR-21 does not judge a
    review period an adviser was not there for the whole of. Read in the unit of work's
    own transaction (accounts are not a centre's records)."""

    async def started_at(self, user_id: UserId) -> dt.datetime | None: ...
