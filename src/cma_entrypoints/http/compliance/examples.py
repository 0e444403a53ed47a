"""OpenAPI examples of the compliance routes, built with the response shapes themselves."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.compliance.schemas import (
    CaseComplianceOut,
    FindingOut,
    PolicyOut,
    QaCoverageOut,
    ReportFindingOut,
    ReportOut,
    ReportRowOut,
    ReviewOut,
    ReviewOutFull,
    SampleOut,
)

FINDING = FindingOut(
    rule_id="FCA-CONC-8.3.2",
    severity="high",
    status="fail",
    message="Written advice not sent within 5 working days of the advice.",
    facts={"advice_given_on": "2026-11-18", "letter_sent_on": "none"},
    fix="Generate and send the advice summary letter.",
    due_on=dt.date(2026, 11, 25),
)

COMPLIANCE = CaseComplianceOut(
    case_id=ex.CASE_ID,
    evaluated_at=ex.AT,
    stored=True,
    summary={"fail": 1, "not_applicable": 4, "not_assessable": 0, "pass": 12},
    findings=[FINDING],
)

REPORT = ReportOut(
    cases=18,
    by_adviser=[
        ReportRowOut(key=str(ex.ADVISER_ID), fail=1, not_assessable=2, passed=40, not_applicable=9)
    ],
    by_rule=[
        ReportRowOut(key="FCA-CONC-8.3.2", fail=1, not_assessable=0, passed=17, not_applicable=0)
    ],
    by_severity=[ReportRowOut(key="high", fail=1, not_assessable=0, passed=30, not_applicable=2)],
    qa_coverage=[QaCoverageOut(adviser_id=str(ex.ADVISER_ID), closed_cases=6, reviewed=3, quota=4)],
    items=[
        ReportFindingOut(
            case_id=ex.CASE_ID, adviser_id=ex.ADVISER_ID, evaluated_at=ex.AT, finding=FINDING
        )
    ],
    total=1,
    limit=50,
    offset=0,
)

SAMPLE = SampleOut(
    id=uuid.UUID("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70"),
    seed="2026-Q4",
    quota=4,
    picks={str(ex.ADVISER_ID): [ex.CASE_ID]},
    drawn_at=ex.AT,
)

REVIEW_ID = uuid.UUID("e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b")

REVIEW = ReviewOut(
    id=REVIEW_ID,
    case_id=ex.CASE_ID,
    adviser_id=ex.ADVISER_ID,
    reviewer_id=ex.MANAGER_ID,
    reviewed_on=ex.ON,
    percent=90,
    passed=True,
    actions="Record the income check in a note.",
)

REVIEW_FULL = ReviewOutFull(
    **msgspec.structs.asdict(REVIEW),
    answers={"budget_checked": "yes", "written_advice_sent": "yes"},
    created_at=ex.AT,
)

POLICY = PolicyOut(
    written_advice_working_days=3,
    file_review_quota=4,
    file_review_period_months=3,
    retention_years=6,
    disposal_grace_days=30,
    complaint_final_response_days=56,
    dp_complaint_ack_days=30,
    vulnerability_review_tolerance_days=14,
    version=2,
    defaults=False,
)
