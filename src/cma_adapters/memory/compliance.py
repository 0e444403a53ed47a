"""In-memory repositories of the compliance area (findings, QA, the centre's policy)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from cma_adapters.memory.scheduling import RepoBase
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.compliance.model import Finding
from cma_core.compliance.ports import (
    FindingHistoryRepository,
    FindingOutcome,
    FindingRepository,
    PolicyRepository,
    QaRepository,
    QaReview,
    QaSample,
    QaSampleId,
    StaffStarts,
    StoredFinding,
    StoredPolicy,
)
from cma_core.scheduling.ports import (
    WrittenAdviceDays,
)
from cma_core.shared.errors import StaleVersion
from cma_core.shared.ids import CaseId, UserId
from cma_core.shared.uow import Page, UnitOfWork


class InMemoryFindingRepository(RepoBase, FindingRepository):
    table_name = "compliance.findings"

    async def replace(
        self,
        case_id: CaseId,
        adviser_id: UserId | None,
        findings: Sequence[Finding],
        evaluated_at: dt.datetime,
    ) -> None:
        stored = tuple(
            StoredFinding(
                centre_id=self._centre,
                case_id=case_id,
                adviser_id=adviser_id,
                finding=f,
                evaluated_at=evaluated_at,
            )
            for f in findings
        )
        self._stage((self._centre, case_id), stored)

    async def for_case(self, case_id: CaseId) -> Sequence[StoredFinding]:
        return list(self._rows.get((self._centre, case_id), ()))

    async def list(
        self,
        *,
        adviser_id: UserId | None = None,
        rule_id: str | None = None,
        severity: str | None = None,
        status: str | None = None,
    ) -> Sequence[StoredFinding]:
        return [
            f
            for group in self._mine()
            for f in group
            if (adviser_id is None or f.adviser_id == adviser_id)
            and (rule_id is None or f.finding.rule_id == rule_id)
            and (severity is None or f.finding.severity.value == severity)
            and (status is None or f.finding.status.value == status)
        ]


_HISTORY_SEQ = itertools.count()  # insertion order of history rows, across centres


class InMemoryFindingHistoryRepository(RepoBase, FindingHistoryRepository):
    table_name = "compliance.finding_history"

    async def append(self, outcomes: Sequence[FindingOutcome]) -> None:
        for o in outcomes:
            self._stage((self._centre, next(_HISTORY_SEQ)), o)

    async def until(
        self, before: dt.datetime, *, rule_id: str | None = None
    ) -> Sequence[FindingOutcome]:
        rows = sorted(
            ((k, o) for (c, k), o in self._rows.items() if c == self._centre),
            key=lambda kv: (kv[1].evaluated_at, kv[0]),
        )
        return [
            o
            for _, o in rows
            if o.evaluated_at < before and (rule_id is None or o.rule_id == rule_id)
        ]


class InMemoryQaRepository(RepoBase, QaRepository):
    table_name = "compliance.qa"

    async def add_sample(self, sample: QaSample) -> None:
        self._own(sample.centre_id, "QA sample")
        self._stage((sample.centre_id, ("sample", sample.id)), sample)

    async def add_review(self, review: QaReview) -> None:
        self._own(review.centre_id, "QA review")
        self._stage((review.centre_id, ("review", review.id)), review)

    async def list_reviews(self, *, case_id: CaseId | None = None) -> Sequence[QaReview]:
        rows = [
            r
            for r in self._mine()
            if isinstance(r, QaReview) and (case_id is None or r.case_id == case_id)
        ]
        return sorted(rows, key=lambda r: (r.created_at, str(r.id)))

    async def get_sample(self, sample_id: QaSampleId) -> QaSample | None:
        found = self._rows.get((self._centre, ("sample", sample_id)))
        return found if isinstance(found, QaSample) else None

    async def list_samples(self, *, limit: int, offset: int) -> Page[QaSample]:
        rows = [r for r in self._mine() if isinstance(r, QaSample)]
        rows.sort(key=lambda r: (r.drawn_at, str(r.id)), reverse=True)
        return Page.sliced(tuple(rows), limit, offset)


class InMemoryPolicyRepository(RepoBase, PolicyRepository):
    table_name = "compliance.policy"

    async def get(self) -> StoredPolicy | None:
        found: StoredPolicy | None = self._rows.get((self._centre, "policy"))
        return found

    async def put(self, stored: StoredPolicy, expected_version: int) -> None:
        self._own(stored.centre_id, "compliance policy")
        key = (stored.centre_id, "policy")
        rows = self._rows

        def check() -> None:
            current = rows.get(key)
            actual = current.version if current else 0
            if actual != expected_version:
                raise StaleVersion("compliance policy", expected_version, actual)

        check()
        self._uow.staging.checks.append(check)
        self._stage(key, stored)


def findings(uow: UnitOfWork) -> FindingRepository:
    return InMemoryFindingRepository(InMemoryUnitOfWork.of(uow))


def finding_history(uow: UnitOfWork) -> FindingHistoryRepository:
    return InMemoryFindingHistoryRepository(InMemoryUnitOfWork.of(uow))


def qa(uow: UnitOfWork) -> QaRepository:
    return InMemoryQaRepository(InMemoryUnitOfWork.of(uow))


def policies(uow: UnitOfWork) -> PolicyRepository:
    return InMemoryPolicyRepository(InMemoryUnitOfWork.of(uow))


def written_advice_days(uow: UnitOfWork) -> WrittenAdviceDays:
    """The centre's written-advice period, read from its compliance policy."""
    repo = InMemoryPolicyRepository(InMemoryUnitOfWork.of(uow))

    async def read() -> int | None:
        stored = await repo.get()
        return stored.policy.written_advice_working_days if stored else None

    return read


class InMemoryStaffStarts(StaffStarts):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    async def started_at(self, user_id: UserId) -> dt.datetime | None:
        user = self._uow.db.users.get(user_id)
        return user.created_at if user else None


def staff_starts(uow: UnitOfWork) -> StaffStarts:
    return InMemoryStaffStarts(InMemoryUnitOfWork.of(uow))
