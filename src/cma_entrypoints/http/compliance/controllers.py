"""Compliance over HTTP: a case's findings, the centre's compliance report, QA sampling and
reviews, and the centre's compliance policy."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Controller, Response, get, post, put
from litestar.params import Parameter

from cma_core.compliance.model import Severity, Status
from cma_core.compliance.ports import POLICY_FIELDS, QaSampleId
from cma_core.compliance.service import ComplianceService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import RECENT_AUTH, requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import (
    USER_OR_ME,
    IfMatch,
    Limit,
    Offset,
    parse_if_match,
    user_or_me,
)
from cma_entrypoints.http.common.responses import page_out, versioned
from cma_entrypoints.http.common.schemas import CODE
from cma_entrypoints.http.compliance.examples import (
    COMPLIANCE,
    POLICY,
    REPORT,
    REVIEW,
    REVIEW_FULL,
    SAMPLE,
)
from cma_entrypoints.http.compliance.schemas import (
    CaseComplianceOut,
    FindingOut,
    PolicyIn,
    PolicyOut,
    QaCoverageOut,
    ReportFindingOut,
    ReportOut,
    ReportRowOut,
    ReviewIn,
    ReviewOut,
    ReviewOutFull,
    ReviewPage,
    SampleIn,
    SampleOut,
    SamplePage,
)


class CaseComplianceController(Controller):
    """The compliance findings of one case (with the case clock in the API's tags)."""

    path = "/api/v1/cases"
    tags = ["case clock"]

    @get(
        "/{case_id:uuid}/compliance",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's compliance findings",
        operation_class=with_example(COMPLIANCE, "One failed rule"),
        description="Stored findings (re-evaluated by the worker on every change to the "
        "case). `not_assessable` means the system does not hold a fact the rule needs.",
    )
    async def case_compliance(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        compliance: ComplianceService,
    ) -> CaseComplianceOut:
        result = await compliance.case_compliance(ctx, CaseId(case_id))
        summary = {s.value: 0 for s in Status}
        for f in result.findings:
            summary[f.status.value] += 1
        return CaseComplianceOut(
            case_id=result.case_id,
            evaluated_at=result.evaluated_at,
            stored=result.stored,
            summary=summary,
            findings=[FindingOut.of(f) for f in result.findings],
        )


class ComplianceController(Controller):
    path = "/api/v1"
    tags = ["compliance"]

    @get(
        "/compliance/report",
        guards=[requires(Permission.CASE_READ_ALL)],
        summary="The centre's compliance report",
        operation_class=with_example(REPORT, "One failure"),
        description="Counts by adviser, rule and severity over the stored findings, QA "
        "coverage per adviser, and the findings with `status` (default `fail`), most "
        "severe first, paged.",
    )
    async def report(
        self,
        ctx: TenantContext,
        compliance: ComplianceService,
        limit: Limit = 50,
        offset: Offset = 0,
        adviser_id: Annotated[
            str | None,
            Parameter(max_length=36, pattern=USER_OR_ME, description='A user id, or "me".'),
        ] = None,
        rule_id: Annotated[str | None, Parameter(max_length=16, pattern=CODE)] = None,
        severity: Severity | None = None,
        status: Status | None = None,
    ) -> ReportOut:
        report = await compliance.report(
            ctx,
            adviser_id=user_or_me(ctx, adviser_id, "adviser_id"),
            rule_id=rule_id,
            severity=severity,
            status=status,
            limit=limit,
            offset=offset,
        )

        def rows(items: Any) -> list[ReportRowOut]:
            return [
                ReportRowOut(
                    key=r.key,
                    fail=r.fail,
                    not_assessable=r.not_assessable,
                    passed=r.passed,
                    not_applicable=r.not_applicable,
                )
                for r in items
            ]

        return ReportOut(
            cases=report.cases,
            by_adviser=rows(report.by_adviser),
            by_rule=rows(report.by_rule),
            by_severity=rows(report.by_severity),
            qa_coverage=[
                QaCoverageOut(
                    adviser_id=q.adviser_id,
                    closed_cases=q.closed_cases,
                    reviewed=q.reviewed,
                    quota=q.quota,
                )
                for q in report.qa
            ],
            items=[ReportFindingOut.of(s) for s in report.failures.items],
            total=report.failures.total,
            limit=report.failures.limit,
            offset=report.failures.offset,
        )

    @post(
        "/qa/samples",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Draw a reproducible sample of closed cases per adviser",
        operation_class=with_example(SAMPLE, "Quarterly sample"),
        description="The same seed over the same closed cases draws the same sample.",
    )
    async def sample(
        self,
        ctx: TenantContext,
        data: Annotated[
            SampleIn,
            example_body("Quarterly sample", {"seed": "2026-Q4"}),
        ],
        compliance: ComplianceService,
    ) -> Response[SampleOut]:
        sample = await compliance.draw_sample(ctx, seed=data.seed, quota=data.quota)
        return Response(SampleOut.of(sample), status_code=201)

    @post(
        "/qa/reviews",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Score a closed case against the rules checklist",
        operation_class=with_example(REVIEW, "Passed"),
    )
    async def review(
        self,
        ctx: TenantContext,
        data: Annotated[
            ReviewIn,
            example_body(
                "Two items checked",
                {
                    "case_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b",
                    "answers": {"CR-01": "met", "CR-18": "not_met"},
                    "actions": "Send the written advice letter.",
                },
            ),
        ],
        compliance: ComplianceService,
    ) -> Response[ReviewOut]:
        review = await compliance.record_review(
            ctx, CaseId(data.case_id), data.answers, data.actions
        )
        return Response(ReviewOut.of(review), status_code=201)

    @get(
        "/qa/samples",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="The centre's QA samples",
        operation_class=with_example(ex.page(SAMPLE), "One sample"),
        description="Newest first.",
    )
    async def list_samples(
        self,
        ctx: TenantContext,
        compliance: ComplianceService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> SamplePage:
        page = await compliance.list_samples(ctx, limit=limit, offset=offset)
        return page_out(SamplePage, SampleOut.of, page)

    @get(
        "/qa/samples/{sample_id:uuid}",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="One QA sample",
        operation_class=with_example(SAMPLE, "Quarterly sample"),
    )
    async def get_sample(
        self, ctx: TenantContext, sample_id: uuid.UUID, compliance: ComplianceService
    ) -> SampleOut:
        return SampleOut.of(await compliance.get_sample(ctx, QaSampleId(sample_id)))

    @get(
        "/qa/reviews",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="The centre's file reviews",
        operation_class=with_example(ex.page(REVIEW_FULL), "One review"),
        description="Oldest first; `case_id` narrows to one case.",
    )
    async def list_reviews(
        self,
        ctx: TenantContext,
        compliance: ComplianceService,
        limit: Limit = 50,
        offset: Offset = 0,
        case_id: uuid.UUID | None = None,
    ) -> ReviewPage:
        page = await compliance.list_reviews(
            ctx,
            case_id=CaseId(case_id) if case_id else None,
            limit=limit,
            offset=offset,
        )
        return page_out(ReviewPage, ReviewOutFull.of, page)


class PolicyController(Controller):
    path = "/api/v1/compliance/policy"
    tags = ["compliance"]

    @get(
        "/",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="The centre's compliance policy",
        operation_class=with_example(POLICY, "Set by the centre"),
        description="The values the rules use for this centre; `defaults` while none are set "
        '(ETag `"0"`).',
    )
    async def get_policy(
        self, ctx: TenantContext, compliance: ComplianceService
    ) -> Response[PolicyOut]:
        policy, version = await compliance.get_policy(ctx)
        return versioned(PolicyOut.of(policy, version), version)

    @put(
        "/",
        guards=[requires(Permission.CASE_ASSIGN), RECENT_AUTH],
        summary="Set the centre's compliance policy",
        operation_class=with_example(POLICY, "Saved"),
        description='Centre admins and supervisors. `If-Match` is required (`"0"` for the '
        "first policy). Values left out take their default. Stored findings are re-evaluated "
        "on each case's next change, or at once with `cma compliance check`.",
    )
    async def put_policy(
        self,
        ctx: TenantContext,
        data: Annotated[
            PolicyIn,
            example_body(
                "Written advice within 3 working days, 4 file reviews",
                {"written_advice_working_days": 3, "file_review_quota": 4},
            ),
        ],
        compliance: ComplianceService,
        if_match: IfMatch = None,
    ) -> Response[PolicyOut]:
        expected = parse_if_match(if_match, required=True)
        values = {name: getattr(data, name) for name in POLICY_FIELDS}
        stored = await compliance.set_policy(
            ctx,
            {k: v for k, v in values.items() if v is not None},
            expected_version=expected,
        )
        return versioned(PolicyOut.of(stored.policy, stored.version), stored.version)
