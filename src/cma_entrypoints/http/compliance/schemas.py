"""Request and response shapes of compliance: findings, the report, QA samples and
reviews, and the centre's policy."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from msgspec import Meta, Struct

from cma_core.compliance.model import CompliancePolicy, Finding
from cma_core.compliance.ports import POLICY_FIELDS, QaReview, QaSample, StoredFinding
from cma_core.compliance.qa import Answer
from cma_entrypoints.http.common.schemas import LINE, TEXT, Code, Input, PageOf, from_attributes


class FindingOut(Struct):
    rule_id: str
    severity: str
    status: str
    message: str
    facts: dict[str, str]
    fix: str | None
    due_on: dt.date | None

    @classmethod
    def of(cls, f: Finding) -> FindingOut:
        return from_attributes(
            cls,
            f,
            severity=f.severity.value,
            status=f.status.value,
            facts=dict(f.facts),
        )


class CaseComplianceOut(Struct):
    case_id: uuid.UUID
    evaluated_at: dt.datetime | None
    stored: bool
    summary: dict[str, int]
    findings: list[FindingOut]


class ReportRowOut(Struct):
    key: str
    fail: int
    not_assessable: int
    passed: int
    not_applicable: int


class ReportFindingOut(Struct):
    case_id: uuid.UUID
    adviser_id: uuid.UUID | None
    evaluated_at: dt.datetime
    finding: FindingOut

    @classmethod
    def of(cls, s: StoredFinding) -> ReportFindingOut:
        return cls(
            case_id=s.case_id,
            adviser_id=s.adviser_id,
            evaluated_at=s.evaluated_at,
            finding=FindingOut.of(s.finding),
        )


class QaCoverageOut(Struct):
    adviser_id: str
    closed_cases: int
    reviewed: int
    quota: int


class ReportOut(Struct):
    cases: int
    by_adviser: list[ReportRowOut]
    by_rule: list[ReportRowOut]
    by_severity: list[ReportRowOut]
    qa_coverage: list[QaCoverageOut]
    items: list[ReportFindingOut]
    total: int
    limit: int
    offset: int


class SampleIn(Input):
    seed: Annotated[str, Meta(min_length=1, max_length=200, pattern=LINE)]
    quota: Annotated[int, Meta(ge=0, le=100)] | None = None


class SampleOut(Struct):
    id: uuid.UUID
    seed: str
    quota: int
    picks: dict[str, list[uuid.UUID]]
    drawn_at: dt.datetime

    @classmethod
    def of(cls, s: QaSample) -> SampleOut:
        return from_attributes(
            cls,
            s,
            picks={str(k): list(v) for k, v in s.picks.items()},
        )


class ReviewIn(Input):
    case_id: uuid.UUID
    answers: Annotated[dict[Code, Answer], Meta(max_length=100)]
    actions: Annotated[str, Meta(max_length=5000, pattern=TEXT)] | None = None


class ReviewOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    adviser_id: uuid.UUID | None
    reviewer_id: uuid.UUID | None
    reviewed_on: dt.date
    percent: int
    passed: bool
    actions: str | None

    @classmethod
    def of(cls, r: QaReview) -> ReviewOut:
        return from_attributes(cls, r)


class SamplePage(PageOf[SampleOut]):
    items: list[SampleOut]


class ReviewOutFull(ReviewOut):
    """A review as listed: ``ReviewOut`` and its answers."""

    answers: dict[str, str]
    created_at: dt.datetime

    @classmethod
    def of(cls, r: QaReview) -> ReviewOutFull:
        return from_attributes(cls, r, answers=dict(r.answers))


class ReviewPage(PageOf[ReviewOutFull]):
    items: list[ReviewOutFull]


Days = Annotated[int, Meta(ge=0, le=3650)]


class PolicyIn(Input):
    """Every value optional: one left out takes its default (this is a replacement)."""

    written_advice_working_days: Annotated[int, Meta(ge=0, le=60)] | None = None
    file_review_quota: Annotated[int, Meta(ge=0, le=100)] | None = None
    file_review_period_months: Annotated[int, Meta(ge=1, le=12)] | None = None
    retention_years: Annotated[int, Meta(ge=1, le=100)] | None = None
    disposal_grace_days: Days | None = None
    complaint_final_response_days: Days | None = None
    dp_complaint_ack_days: Days | None = None
    vulnerability_review_tolerance_days: Days | None = None


class PolicyOut(Struct):
    written_advice_working_days: int
    file_review_quota: int
    file_review_period_months: int
    retention_years: int
    disposal_grace_days: int
    complaint_final_response_days: int
    dp_complaint_ack_days: int
    vulnerability_review_tolerance_days: int
    version: int
    defaults: bool

    @classmethod
    def of(cls, policy: CompliancePolicy, version: int) -> PolicyOut:
        values = {name: int(getattr(policy, name)) for name in POLICY_FIELDS}
        return cls(**values, version=version, defaults=version == 0)
