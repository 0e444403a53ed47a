"""SQL repositories of the compliance area (stored findings, QA samples and reviews, the
centre's policy), joined to ``SqlAlchemyUnitOfWork``; their rows are in :mod:`.rows`."""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any, cast

from sqlalchemy import (
    Table,
    delete,
    insert,
    select,
)

from cma_adapters.sqlalchemy.records import read_ahead
from cma_adapters.sqlalchemy.rows import (
    ADVICE_TABLES,
    CASEWORK_TABLES,
    ComplianceFindingRow,
    CompliancePolicyRow,
    FindingHistoryRow,
    QaReviewRow,
    QaSampleRow,
    UserRow,
)
from cma_adapters.sqlalchemy.scheduling import RepoBase
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork
from cma_adapters.sqlalchemy.versioned import put_versioned
from cma_core.compliance.model import Finding, Severity, Status
from cma_core.compliance.ports import (
    CaseReadAhead,
    FindingHistoryRepository,
    FindingOutcome,
    FindingRepository,
    PolicyRepository,
    QaRepository,
    QaReview,
    QaReviewId,
    QaSample,
    QaSampleId,
    StaffStarts,
    StoredFinding,
    StoredPolicy,
    policy_from,
    policy_values,
)
from cma_core.scheduling.ports import (
    WrittenAdviceDays,
)
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.uow import Page, UnitOfWork

findings_t = cast(Table, ComplianceFindingRow.__table__)
qa_samples_t = cast(Table, QaSampleRow.__table__)
qa_reviews_t = cast(Table, QaReviewRow.__table__)
policies_t = cast(Table, CompliancePolicyRow.__table__)
history_t = cast(Table, FindingHistoryRow.__table__)
#: The tables whose writes a batch holds (``SqlContext.deferred``).
_FINDINGS = "compliance_findings"
_HISTORY = "compliance_finding_history"


class SqlAlchemyFindingRepository(RepoBase, FindingRepository):
    async def replace(
        self,
        case_id: CaseId,
        adviser_id: UserId | None,
        findings: Sequence[Finding],
        evaluated_at: dt.datetime,
    ) -> None:
        self._x.wrote("compliance_findings", case_id)
        deferring = self._x.deferring
        if deferring:  # the batch's rewrites go together (``deferred``)
            await self._x.settle(_FINDINGS, case_id)
            self._x.deferred.delete(_FINDINGS, case_id, None, self._delete_cases)
        else:
            await self._x.c.execute(self._delete_cases([case_id]))
        if not findings:
            return
        rows = [
            {
                "centre_id": self._x.centre_id,
                "case_id": case_id,
                "rule_id": f.rule_id,
                "position": i,
                "adviser_id": adviser_id,
                "severity": f.severity.value,
                "status": f.status.value,
                "message": f.message,
                "facts": {"pairs": [list(p) for p in f.facts]},
                "fix": f.fix,
                "due_on": f.due_on,
                "evaluated_at": evaluated_at,
            }
            for i, f in enumerate(findings)
        ]
        if deferring:
            self._x.deferred.insert(_FINDINGS, case_id, insert(findings_t), rows)
        else:
            await self._x.c.execute(insert(findings_t), rows)

    def _delete_cases(self, case_ids: Sequence[Any]) -> Any:
        return delete(findings_t).where(
            findings_t.c.centre_id == self._x.centre_id, findings_t.c.case_id.in_(list(case_ids))
        )

    def _from(self, r: Any) -> StoredFinding:
        return StoredFinding(
            centre_id=CentreId(r["centre_id"]),
            case_id=CaseId(r["case_id"]),
            adviser_id=UserId(r["adviser_id"]) if r["adviser_id"] else None,
            finding=Finding(
                rule_id=r["rule_id"],
                severity=Severity(r["severity"]),
                status=Status(r["status"]),
                message=r["message"],
                facts=tuple((str(a), str(b)) for a, b in (r["facts"] or {}).get("pairs", [])),
                fix=r["fix"],
                due_on=r["due_on"],
            ),
            evaluated_at=r["evaluated_at"],
        )

    async def for_case(self, case_id: CaseId) -> Sequence[StoredFinding]:
        await self._x.settle(_FINDINGS, case_id)
        together = await self._x.rows_together("compliance_findings", case_id, self._of_cases)
        if together is not None:
            return [self._from(r) for r in together]
        rows = await self._rows(
            select(findings_t)
            .where(findings_t.c.centre_id == self._x.centre_id, findings_t.c.case_id == case_id)
            .order_by(findings_t.c.position)
        )
        return [self._from(r) for r in rows]

    def _of_cases(self, case_ids: Sequence[Any]) -> Any:
        """The findings of several cases, in ``for_case``'s order (``rows_together``)."""
        return (
            select(findings_t)
            .where(findings_t.c.centre_id == self._x.centre_id, findings_t.c.case_id.in_(case_ids))
            .order_by(findings_t.c.case_id, findings_t.c.position)
        )

    async def list(
        self,
        *,
        adviser_id: UserId | None = None,
        rule_id: str | None = None,
        severity: str | None = None,
        status: str | None = None,
    ) -> Sequence[StoredFinding]:
        await self._x.settle(_FINDINGS)
        t = findings_t
        where: list[Any] = [t.c.centre_id == self._x.centre_id]
        if adviser_id is not None:
            where.append(t.c.adviser_id == adviser_id)
        if rule_id is not None:
            where.append(t.c.rule_id == rule_id)
        if severity is not None:
            where.append(t.c.severity == severity)
        if status is not None:
            where.append(t.c.status == status)
        rows = await self._rows(select(t).where(*where).order_by(t.c.case_id, t.c.position))
        return [self._from(r) for r in rows]


class SqlAlchemyFindingHistoryRepository(RepoBase, FindingHistoryRepository):
    async def append(self, outcomes: Sequence[FindingOutcome]) -> None:
        if not outcomes:
            return
        rows = [
            {
                "centre_id": self._x.centre_id,
                "case_id": o.case_id,
                "rule_id": o.rule_id,
                "adviser_id": o.adviser_id,
                "status": o.status.value,
                "evaluated_at": o.evaluated_at,
            }
            for o in outcomes
        ]
        if self._x.deferring:  # appended with the batch's others (``deferred``)
            self._x.deferred.insert(_HISTORY, None, insert(history_t), rows)
        else:
            await self._x.c.execute(insert(history_t), rows)

    async def until(
        self, before: dt.datetime, *, rule_id: str | None = None
    ) -> Sequence[FindingOutcome]:
        await self._x.settle(_HISTORY)
        t = history_t
        where: list[Any] = [t.c.centre_id == self._x.centre_id, t.c.evaluated_at < before]
        if rule_id is not None:
            where.append(t.c.rule_id == rule_id)
        rows = await self._rows(
            select(t.c.case_id, t.c.rule_id, t.c.adviser_id, t.c.status, t.c.evaluated_at)
            .where(*where)
            .order_by(t.c.evaluated_at, t.c.id)
        )
        return [
            FindingOutcome(
                case_id=CaseId(r["case_id"]),
                rule_id=r["rule_id"],
                adviser_id=UserId(r["adviser_id"]) if r["adviser_id"] else None,
                status=Status(r["status"]),
                evaluated_at=r["evaluated_at"],
            )
            for r in rows
        ]


class SqlAlchemyQaRepository(RepoBase, QaRepository):
    async def add_sample(self, sample: QaSample) -> None:
        self._x.own(sample.centre_id, "QA sample")
        await self._x.c.execute(
            insert(qa_samples_t).values(
                id=sample.id,
                centre_id=sample.centre_id,
                seed=sample.seed,
                quota=sample.quota,
                picks={str(k): [str(c) for c in v] for k, v in sample.picks.items()},
                drawn_at=sample.drawn_at,
                drawn_by=sample.drawn_by,
            )
        )

    async def add_review(self, review: QaReview) -> None:
        self._x.own(review.centre_id, "QA review")
        await self._x.c.execute(
            insert(qa_reviews_t).values(
                id=review.id,
                centre_id=review.centre_id,
                case_id=review.case_id,
                adviser_id=review.adviser_id,
                reviewer_id=review.reviewer_id,
                reviewed_on=review.reviewed_on,
                answers=dict(review.answers),
                percent=review.percent,
                passed=review.passed,
                actions=review.actions,
                created_at=review.created_at,
            )
        )

    async def list_reviews(self, *, case_id: CaseId | None = None) -> Sequence[QaReview]:
        t = qa_reviews_t
        where: list[Any] = [t.c.centre_id == self._x.centre_id]
        if case_id is not None:
            where.append(t.c.case_id == case_id)
        rows = await self._rows(select(t).where(*where).order_by(t.c.created_at, t.c.id))
        return [
            QaReview(
                id=QaReviewId(r["id"]),
                centre_id=CentreId(r["centre_id"]),
                case_id=CaseId(r["case_id"]),
                adviser_id=UserId(r["adviser_id"]) if r["adviser_id"] else None,
                reviewer_id=UserId(r["reviewer_id"]) if r["reviewer_id"] else None,
                reviewed_on=r["reviewed_on"],
                answers=dict(r["answers"] or {}),
                percent=r["percent"],
                passed=bool(r["passed"]),
                actions=r["actions"],
                created_at=r["created_at"],
            )
            for r in rows
        ]

    def _sample_from(self, r: Any) -> QaSample:
        return QaSample(
            id=QaSampleId(r["id"]),
            centre_id=CentreId(r["centre_id"]),
            seed=r["seed"],
            quota=r["quota"],
            picks={
                UserId(uuid.UUID(k)): tuple(CaseId(uuid.UUID(c)) for c in v)
                for k, v in (r["picks"] or {}).items()
            },
            drawn_at=r["drawn_at"],
            drawn_by=UserId(r["drawn_by"]) if r["drawn_by"] else None,
        )

    async def get_sample(self, sample_id: QaSampleId) -> QaSample | None:
        t = qa_samples_t
        r = await self._first(
            select(t).where(t.c.centre_id == self._x.centre_id, t.c.id == sample_id)
        )
        return self._sample_from(r) if r else None

    async def list_samples(self, *, limit: int, offset: int) -> Page[QaSample]:
        t = qa_samples_t
        where = [t.c.centre_id == self._x.centre_id]
        rows = await self._rows(
            select(t)
            .where(*where)
            .order_by(t.c.drawn_at.desc(), t.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return Page(
            items=tuple(self._sample_from(r) for r in rows),
            total=await self._count(t, where),
            limit=limit,
            offset=offset,
        )


class SqlAlchemyPolicyRepository(RepoBase, PolicyRepository):
    async def get(self) -> StoredPolicy | None:
        r = await self._first(select(policies_t).where(policies_t.c.centre_id == self._x.centre_id))
        if r is None:
            return None
        return StoredPolicy(
            centre_id=CentreId(r["centre_id"]),
            policy=policy_from(r["settings"] or {}),
            version=r["version"],
            updated_at=r["updated_at"],
            updated_by=UserId(r["updated_by"]) if r["updated_by"] else None,
        )

    async def put(self, stored: StoredPolicy, expected_version: int) -> None:
        self._x.own(stored.centre_id, "compliance policy")
        values = {
            "settings": policy_values(stored.policy),
            "version": stored.version,
            "updated_at": stored.updated_at,
            "updated_by": stored.updated_by,
        }
        await put_versioned(
            self._x.c,
            policies_t,
            {"centre_id": stored.centre_id},
            values,
            expected_version=expected_version,
            what="compliance policy",
        )


def findings(uow: UnitOfWork) -> FindingRepository:
    return SqlAlchemyFindingRepository(SqlAlchemyUnitOfWork.of(uow).context)


def finding_history(uow: UnitOfWork) -> FindingHistoryRepository:
    return SqlAlchemyFindingHistoryRepository(SqlAlchemyUnitOfWork.of(uow).context)


def qa(uow: UnitOfWork) -> QaRepository:
    return SqlAlchemyQaRepository(SqlAlchemyUnitOfWork.of(uow).context)


def policies(uow: UnitOfWork) -> PolicyRepository:
    return SqlAlchemyPolicyRepository(SqlAlchemyUnitOfWork.of(uow).context)


def written_advice_days(uow: UnitOfWork) -> WrittenAdviceDays:
    """The centre's written-advice period, read from its compliance policy."""
    repo = SqlAlchemyPolicyRepository(SqlAlchemyUnitOfWork.of(uow).context)

    async def read() -> int | None:
        stored = await repo.get()
        return stored.policy.written_advice_working_days if stored else None

    return read


class SqlAlchemyStaffStarts(StaffStarts):
    def __init__(self, uow: UnitOfWork) -> None:
        self._c = SqlAlchemyUnitOfWork.of(uow).context.c

    async def started_at(self, user_id: UserId) -> dt.datetime | None:
        table = UserRow.__table__
        found = await self._c.execute(select(table.c.created_at).where(table.c.id == user_id))
        return cast("dt.datetime | None", found.scalar_one_or_none())


def staff_starts(uow: UnitOfWork) -> StaffStarts:
    return SqlAlchemyStaffStarts(uow)


#: The case-scoped record tables the compliance case file reads (every debt-advice and
#: casework register of a case).
CASE_FILE_TABLES = tuple(
    name for name, scoped in (ADVICE_TABLES | CASEWORK_TABLES).items() if scoped
)


class CaseFileReadAhead(CaseReadAhead):
    """``CaseReadAhead`` for the SQL repositories: the case's rows of every
    ``CASE_FILE_TABLES`` table in one ``UNION ALL`` (``records.read_ahead``), served by
    the record tables until the context closes."""

    @contextlib.asynccontextmanager
    async def case(self, uow: UnitOfWork, case_id: CaseId) -> AsyncIterator[None]:
        ctx = SqlAlchemyUnitOfWork.of(uow).context
        await read_ahead(ctx, CASE_FILE_TABLES, [case_id])
        try:
            yield
        finally:
            ctx.read_ahead.clear()
