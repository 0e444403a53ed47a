"""Every rule: a passing case, a failing case and a not-assessable case (plus edge cases)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest
from tests.unit.solutions.builders import debt, facts

from cma_core.advice.wording import SOLUTION_LABELS
from cma_core.assets.model import AssetSchedule, HomeTenure, Property, Vehicle
from cma_core.compliance.casefile import (
    AdviceRecord,
    AuthorityToAct,
    BsCheck,
    CaseFile,
    Closure,
    Complaint,
    ComplaintKind,
    CreditorReviewRequest,
    DataSubjectRequest,
    LetterSection,
    MoratoriumKind,
    OptionAppraisal,
    Recommendation,
    Screening,
    Settlement,
    SfsLine,
    SfsSection,
    TaskSummary,
    Threat,
    ThreatKind,
)
from cma_core.compliance.model import CompliancePolicy, Finding, Status
from cma_core.compliance.registry import RULES, evaluate
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.errors import ValidationError
from cma_core.solutions.model import SOLUTIONS_BY_JURISDICTION, OptionResult, Solution
from cma_core.solutions.model import Finding as OptionFinding
from cma_core.solutions.rules import assess

from .builders import (
    ADVISER,
    DEBTS,
    OPTIONS,
    SFS,
    TODAY,
    breathing_space,
    compliant,
    dro_result,
    m,
    ts,
)

D = dt.date
PASS, FAIL, NA, NAP = Status.PASS, Status.FAIL, Status.NOT_ASSESSABLE, Status.NOT_APPLICABLE
Change = Callable[[CaseFile], CaseFile]


def ev(**changes: object) -> Change:
    return lambda c: attrs.evolve(c, **changes)  # type: ignore[arg-type]


def with_sfs(**changes: object) -> Change:
    return lambda c: attrs.evolve(c, sfs=attrs.evolve(SFS, **changes))  # type: ignore[arg-type]


def with_debt(index: int, **changes: object) -> Change:
    def change(c: CaseFile) -> CaseFile:
        debts = list(DEBTS.debts)
        debts[index] = attrs.evolve(debts[index], **changes)  # type: ignore[arg-type]
        return attrs.evolve(c, debts=attrs.evolve(DEBTS, debts=tuple(debts)))

    return change


def with_bs(**changes: object) -> Change:
    return lambda c: attrs.evolve(
        c,
        breathing_space=attrs.evolve(breathing_space(), **changes),  # type: ignore[arg-type]
    )


def with_dro(*reasons: tuple[str, OptionFinding, str]) -> Change:
    """A recommended DRO, and the saved appraisal's DRO result with ``reasons`` added."""
    return lambda c: attrs.evolve(
        c,
        recommendation=Recommendation(solution=Solution.DRO, on=D(2026, 5, 20)),
        dro=dro_result(*reasons),
    )


def with_pre(**changes: object) -> Change:
    def change(c: CaseFile) -> CaseFile:
        assert c.preliminaries is not None
        return attrs.evolve(c, preliminaries=attrs.evolve(c.preliminaries, **changes))  # type: ignore[arg-type]

    return change


def with_vuln(**changes: object) -> Change:
    def change(c: CaseFile) -> CaseFile:
        assert c.vulnerability is not None
        return attrs.evolve(c, vulnerability=attrs.evolve(c.vulnerability, **changes))  # type: ignore[arg-type]

    return change


def identity(c: CaseFile) -> CaseFile:
    return c


BS_REC = Recommendation(solution=Solution.BREATHING_SPACE, on=D(2026, 4, 1))
MHCM_REC = Recommendation(solution=Solution.MENTAL_HEALTH_CRISIS_MORATORIUM, on=D(2026, 4, 1))
DISPOSED = Closure(
    closed_on=D(2019, 1, 10), retain_until=D(2025, 1, 10), disposed_on=D(2025, 1, 20)
)

CASES: list[tuple[str, str, Change, Status]] = [
    # CR-01 authority to act
    ("CR-01", "signed before contact", identity, PASS),
    (
        "CR-01",
        "signed after contact",
        ev(authority=AuthorityToAct(signed_at=ts(D(2026, 3, 4), 9))),
        FAIL,
    ),
    ("CR-01", "contact, never signed", ev(authority=AuthorityToAct(signed_at=None)), FAIL),
    ("CR-01", "no comms log", ev(comms=None), NA),
    ("CR-01", "no authority record", ev(authority=None), NA),
    # CR-02 privacy, service info, special-category consent
    ("CR-02", "all at first contact", identity, PASS),
    ("CR-02", "privacy notice late", with_pre(privacy_notice_on=D(2026, 3, 9)), FAIL),
    (
        "CR-02",
        "consent after storing health data",
        with_pre(special_consent_on=D(2026, 3, 5)),
        FAIL,
    ),
    ("CR-02", "no consent for health data", with_pre(special_consent_on=None), FAIL),
    ("CR-02", "no lawful basis", with_pre(lawful_basis=" "), FAIL),
    ("CR-02", "first contact unknown", with_pre(first_contact_on=None), NA),
    ("CR-02", "no preliminaries record", ev(preliminaries=None), NA),
    # CR-03 vulnerability
    ("CR-03", "screened at contact and review", identity, PASS),
    (
        "CR-03",
        "not screened at review",
        with_vuln(case_reviews_on=(D(2026, 5, 1), D(2026, 6, 1))),
        FAIL,
    ),
    (
        "CR-03",
        "driver without adjustment",
        with_vuln(screenings=(Screening(on=D(2026, 3, 2), drivers=("bereavement",)),)),
        FAIL,
    ),
    (
        "CR-03",
        "first substantive contact unknown",
        with_vuln(first_substantive_contact_on=None),
        NA,
    ),
    ("CR-03", "no vulnerability record", ev(vulnerability=None), NA),
    # CR-04 threats have tasks
    ("CR-04", "task before hearing", identity, PASS),
    ("CR-04", "no threats recorded", ev(threats=()), PASS),
    (
        "CR-04",
        "task due on the hearing day",
        ev(tasks=(TaskSummary(id="k", due=D(2026, 7, 15), threat_id="t1"),)),
        FAIL,
    ),
    ("CR-04", "no task", ev(tasks=()), FAIL),
    (
        "CR-04",
        "threat date unknown",
        ev(threats=(Threat(id="t1", kind=ThreatKind.EVICTION, deadline=None),)),
        NA,
    ),
    ("CR-04", "no task list", ev(tasks=None), NA),
    # CR-05 jurisdiction and solution
    ("CR-05", "DMP in EW", identity, PASS),
    (
        "CR-05",
        "MAP in EW",
        ev(recommendation=Recommendation(solution=Solution.MAP, on=D(2026, 4, 1))),
        FAIL,
    ),
    (
        "CR-05",
        "DRO in Scotland",
        ev(
            jurisdiction=Jurisdiction.SCO,
            recommendation=Recommendation(solution=Solution.DRO, on=D(2026, 4, 1)),
        ),
        FAIL,
    ),
    ("CR-05", "no jurisdiction", ev(jurisdiction=None), FAIL),
    ("CR-05", "solutions not loaded", ev(recommendation_known=False), NA),
    # CR-06 SFS before recommendation
    ("CR-06", "SFS first", identity, PASS),
    ("CR-06", "SFS after recommendation", with_sfs(completed_on=D(2026, 4, 2)), FAIL),
    ("CR-06", "SFS incomplete", with_sfs(completed_on=None), FAIL),
    ("CR-06", "no budget", ev(sfs=None), NA),
    ("CR-06", "breathing space needs no full SFS", ev(recommendation=BS_REC, sfs=None), NAP),
    (
        "CR-06",
        "nor does a mental health crisis moratorium",
        ev(recommendation=MHCM_REC, sfs=None),
        NAP,
    ),
    # CR-07 SFS arithmetic
    ("CR-07", "sums agree", identity, PASS),
    ("CR-07", "wrong total", with_sfs(total_outgoings=m(130_000)), FAIL),
    (
        "CR-07",
        "negative line",
        with_sfs(lines=(*SFS.lines, SfsLine(section=SfsSection.FIXED, category="x", amount=m(-1)))),
        FAIL,
    ),
    ("CR-07", "total missing", with_sfs(total_income=None), NA),
    # CR-08 guidelines
    ("CR-08", "above guideline with note", identity, PASS),
    (
        "CR-08",
        "above guideline without note",
        with_sfs(
            lines=(
                SfsLine(
                    section=SfsSection.FLEXIBLE,
                    category="mobile",
                    amount=m(5_000),
                    guideline=m(4_000),
                ),
            )
        ),
        FAIL,
    ),
    (
        "CR-08",
        "guideline not loaded",
        with_sfs(lines=(SfsLine(section=SfsSection.FLEXIBLE, category="mobile", amount=m(5_000)),)),
        NA,
    ),
    # CR-09 debt details
    ("CR-09", "complete", identity, PASS),
    ("CR-09", "debt without type", with_debt(1, debt_type=None), FAIL),
    (
        "CR-09",
        "no credit report or reason",
        lambda c: attrs.evolve(c, debts=attrs.evolve(DEBTS, credit_report_checked_on=None)),
        FAIL,
    ),
    ("CR-09", "no debt list", ev(debts=None), NA),
    # CR-10 priority first
    ("CR-10", "priority handled first", identity, PASS),
    (
        "CR-10",
        "priority after non-priority",
        with_debt(0, offer_on=D(2026, 4, 1), strategy_on=None),
        FAIL,
    ),
    ("CR-10", "priority offers unaffordable", with_debt(0, offer=m(20_000)), FAIL),
    ("CR-10", "priority unknown", with_debt(1, priority=None), NA),
    ("CR-10", "available for priority unknown", with_sfs(available_for_priority=None), NA),
    # CR-11 pro rata
    ("CR-11", "worked example", identity, PASS),
    ("CR-11", "not pro rata", with_debt(1, offer=m(2_000)), FAIL),
    ("CR-11", "offers exceed available", with_sfs(available_for_non_priority=m(9_000)), FAIL),
    ("CR-11", "available unknown", with_sfs(available_for_non_priority=None), NA),
    ("CR-11", "balance unknown", with_debt(2, balance=None), NA),
    # CR-12 options appraisal
    ("CR-12", "all EW options", identity, PASS),
    (
        "CR-12",
        "IVA missing",
        lambda c: attrs.evolve(
            c, options=tuple(o for o in (c.options or ()) if o.solution is not Solution.IVA)
        ),
        FAIL,
    ),
    (
        "CR-12",
        "no eligibility",
        lambda c: attrs.evolve(
            c, options=tuple(attrs.evolve(o, eligible=None) for o in (c.options or ()))
        ),
        FAIL,
    ),
    ("CR-12", "no appraisal", ev(options=None), NA),
    # Scotland: every option the solutions area appraises there is enough (the former
    # compliance enum also required a Debt Arrangement Scheme nobody can appraise).
    (
        "CR-12",
        "all Scottish options appraised",
        ev(
            jurisdiction=Jurisdiction.SCO,
            options=tuple(
                OptionAppraisal(solution=s, eligible=True, reason="considered")
                for s in SOLUTIONS_BY_JURISDICTION[Jurisdiction.SCO]
            ),
        ),
        PASS,
    ),
    ("CR-12", "no jurisdiction", ev(jurisdiction=None), NA),
    # CR-13 affordable payment and term
    ("CR-13", "payment within surplus", identity, PASS),
    (
        "CR-13",
        "payment above surplus",
        ev(
            recommendation=Recommendation(
                solution=Solution.DMP,
                on=D(2026, 4, 1),
                monthly_payment=m(10_001),
                term_months=48,
            )
        ),
        FAIL,
    ),
    (
        "CR-13",
        "no term",
        ev(
            recommendation=Recommendation(
                solution=Solution.DMP,
                on=D(2026, 4, 1),
                monthly_payment=m(100),
                term_months=None,
            )
        ),
        FAIL,
    ),
    ("CR-13", "surplus unknown", ev(sfs=None), NA),
    # The SFS has £150 available for priority debts and £100 after the £50 priority offer:
    # £120 fits the first but not the second, and CR-13 reads the second.
    (
        "CR-13",
        "payment within priority but not non-priority surplus",
        ev(
            recommendation=Recommendation(
                solution=Solution.DMP,
                on=D(2026, 4, 1),
                monthly_payment=m(12_000),
                term_months=48,
            )
        ),
        FAIL,
    ),
    (
        "CR-13",
        "no payment asked of a deficit budget",
        lambda c: attrs.evolve(
            c,
            sfs=attrs.evolve(SFS, available_for_non_priority=m(-500)),
            recommendation=Recommendation(
                solution=Solution.TOKEN_PAYMENTS,
                on=D(2026, 4, 1),
                monthly_payment=m(0),
                term_months=12,
            ),
        ),
        PASS,
    ),
    # CR-14 DRO eligibility: the saved appraisal's DRO result (the one DRO engine)
    ("CR-14", "appraisal finds a DRO eligible", with_dro(), PASS),
    (
        "CR-14",
        "appraisal finds debts over the limit",
        with_dro(("DRO-E2", OptionFinding.FAIL, "qualifying debts £50,000.01 exceed £50,000")),
        FAIL,
    ),
    (
        "CR-14",
        "appraisal finds an active breathing space",
        with_dro(("DRO-E8", OptionFinding.FAIL, "an active breathing space")),
        FAIL,
    ),
    (
        "CR-14",
        "appraisal misses the residence facts",
        with_dro(("DRO-E5", OptionFinding.MISSING, "missing: residence")),
        NA,
    ),
    (
        "CR-14",
        "appraisal leaves the DRO to judgement",
        with_dro(("DRO-E7", OptionFinding.JUDGEMENT, "pending petition: check")),
        NA,
    ),
    (
        "CR-14",
        "DRO recommended, no saved appraisal judges one",
        ev(recommendation=Recommendation(solution=Solution.DRO, on=D(2026, 5, 1))),
        NA,
    ),
    ("CR-14", "solutions not loaded", ev(recommendation_known=False), NA),
    ("CR-14", "no DRO on case", identity, NAP),
    # The appraisal judges a DRO on every EW case; a client who is not eligible for one
    # but gets a DMP is no CR-14 failure.
    (
        "CR-14",
        "DMP recommended, DRO not eligible",
        ev(dro=dro_result(("DRO-E3", OptionFinding.FAIL, "surplus over £75"))),
        NAP,
    ),
    # CR-15 breathing space entry
    ("CR-15", "checks, advice first, free", with_bs(), PASS),
    ("CR-15", "fee charged", with_bs(fee_charged=m(5_000)), FAIL),
    ("CR-15", "advice after application", with_bs(advice_on=D(2026, 5, 1)), FAIL),
    ("CR-15", "check missing", with_bs(checks_confirmed=frozenset({BsCheck.INDIVIDUAL})), FAIL),
    (
        "CR-15",
        "previous BS within 12 months",
        with_bs(previous_standard_ended_on=D(2025, 6, 1)),
        FAIL,
    ),
    ("CR-15", "recommended but no record", ev(recommendation=BS_REC), NA),
    ("CR-15", "crisis moratorium recommended, no record", ev(recommendation=MHCM_REC), NA),
    ("CR-15", "no breathing space", identity, NAP),
    # CR-16 midway review (start 1 May: day 26 = 26 May, day 35 = 4 Jun)
    ("CR-16", "review on day 28", with_bs(), PASS),
    ("CR-16", "review on day 20", with_bs(midway_review_on=D(2026, 5, 20)), FAIL),
    ("CR-16", "no outcome", with_bs(midway_review_outcome=None), FAIL),
    ("CR-16", "never done, window passed", with_bs(midway_review_on=None), FAIL),
    ("CR-16", "recommended but no record", ev(recommendation=BS_REC), NA),
    (
        "CR-16",
        "mental health crisis moratorium",
        with_bs(kind=MoratoriumKind.MENTAL_HEALTH_CRISIS),
        NAP,
    ),
    # CR-17 creditor reviews
    (
        "CR-17",
        "decided by day 35",
        with_bs(
            creditor_requests=(
                CreditorReviewRequest(
                    creditor="X", received_on=D(2026, 5, 15), decided_on=D(2026, 6, 1)
                ),
            )
        ),
        PASS,
    ),
    (
        "CR-17",
        "decided late",
        with_bs(
            creditor_requests=(
                CreditorReviewRequest(
                    creditor="X", received_on=D(2026, 5, 15), decided_on=D(2026, 6, 5)
                ),
            )
        ),
        FAIL,
    ),
    (
        "CR-17",
        "never decided",
        with_bs(
            creditor_requests=(CreditorReviewRequest(creditor="X", received_on=D(2026, 5, 15)),)
        ),
        FAIL,
    ),
    (
        "CR-17",
        "start unknown",
        with_bs(
            start_on=None,
            creditor_requests=(CreditorReviewRequest(creditor="X", received_on=D(2026, 5, 15)),),
        ),
        NA,
    ),
    ("CR-17", "no requests", with_bs(), NAP),
    # CR-18 written advice (policy: 5 working days)
    ("CR-18", "letter in 2 days", identity, PASS),
    (
        "CR-18",
        "letter late",
        ev(
            advice=AdviceRecord(
                given_on=D(2026, 4, 1),
                letter_sent_on=D(2026, 4, 15),
                letter_sections=frozenset(LetterSection),
            )
        ),
        FAIL,
    ),
    (
        "CR-18",
        "letter missing risks",
        ev(
            advice=AdviceRecord(
                given_on=D(2026, 4, 1),
                letter_sent_on=D(2026, 4, 2),
                letter_sections=frozenset(LetterSection) - {LetterSection.RISKS},
            )
        ),
        FAIL,
    ),
    ("CR-18", "never sent", ev(advice=AdviceRecord(given_on=D(2026, 4, 1))), FAIL),
    ("CR-18", "recommendation without advice record", ev(advice=None), NA),
    # CR-19 settlements
    (
        "CR-19",
        "acceptance before payment",
        ev(
            settlements=(
                Settlement(
                    creditor="X",
                    offered=m(50_000),
                    written_acceptance_on=D(2026, 5, 1),
                    paid_on=D(2026, 5, 2),
                ),
            )
        ),
        PASS,
    ),
    (
        "CR-19",
        "paid without acceptance",
        ev(
            settlements=(
                Settlement(
                    creditor="X",
                    offered=m(50_000),
                    written_acceptance_on=None,
                    paid_on=D(2026, 5, 2),
                ),
            )
        ),
        FAIL,
    ),
    ("CR-19", "no settlement log", ev(settlements=None), NA),
    ("CR-19", "no settlements", identity, NAP),
    # CR-20 limitation
    ("CR-20", "recent activity", identity, PASS),
    (
        "CR-20",
        "flagged before offer",
        with_debt(1, last_payment_on=D(2019, 1, 1), limitation_flagged_on=D(2026, 3, 27)),
        PASS,
    ),
    ("CR-20", "old debt not flagged", with_debt(1, last_payment_on=D(2019, 1, 1)), FAIL),
    ("CR-20", "no activity dates", with_debt(1, last_payment_on=None), NA),
    # CR-21 file reviews
    ("CR-21", "two complete reviews last quarter", identity, PASS),
    (
        "CR-21",
        "quota missed",
        lambda c: attrs.evolve(c, adviser_file_reviews=(c.adviser_file_reviews or ())[:1]),
        FAIL,
    ),
    (
        "CR-21",
        "review without score",
        lambda c: attrs.evolve(
            c,
            adviser_file_reviews=tuple(
                attrs.evolve(r, score=None) for r in (c.adviser_file_reviews or ())
            ),
        ),
        FAIL,
    ),
    ("CR-21", "reviews not loaded", ev(adviser_file_reviews=None), NA),
    # A new adviser: no complete period yet, so no quota to miss (even with no reviews).
    (
        "CR-21",
        "started mid last quarter",
        ev(adviser_started_on=D(2026, 2, 10), adviser_file_reviews=()),
        NAP,
    ),
    (
        "CR-21",
        "started before last quarter",
        ev(adviser_started_on=D(2025, 12, 31), adviser_file_reviews=()),
        FAIL,
    ),
    (
        "CR-21",
        "started on its first day",
        ev(adviser_started_on=D(2026, 1, 1), adviser_file_reviews=()),
        FAIL,
    ),
    ("CR-21", "no adviser", ev(adviser_id=None), NA),
    # CR-22 retention
    ("CR-22", "disposed on time", ev(closure=DISPOSED), PASS),
    (
        "CR-22",
        "still kept after retention",
        ev(closure=attrs.evolve(DISPOSED, disposed_on=None)),
        FAIL,
    ),
    (
        "CR-22",
        "no retention date",
        ev(closure=Closure(closed_on=D(2026, 1, 5), retain_until=None)),
        FAIL,
    ),
    (
        "CR-22",
        "retention too long, no hold",
        ev(closure=Closure(closed_on=D(2026, 1, 5), retain_until=D(2040, 1, 5))),
        FAIL,
    ),
    (
        "CR-22",
        "legal hold keeps it",
        ev(
            closure=attrs.evolve(
                DISPOSED, disposed_on=None, retain_until=D(2027, 1, 10), legal_hold=True
            )
        ),
        PASS,
    ),
    ("CR-22", "closing date lost", ev(closure=Closure(closed_on=None, retain_until=None)), NA),
    ("CR-22", "open case", identity, NAP),
    # CR-23 data-subject requests
    (
        "CR-23",
        "answered in time",
        ev(
            data_subject_requests=(
                DataSubjectRequest(
                    id="r1", kind="access", received_on=D(2026, 1, 31), answered_on=D(2026, 3, 2)
                ),
            )
        ),
        PASS,
    ),
    (
        "CR-23",
        "extension told in time",
        ev(
            data_subject_requests=(
                DataSubjectRequest(
                    id="r1",
                    kind="access",
                    received_on=D(2026, 1, 31),
                    extended=True,
                    extension_notified_on=D(2026, 2, 20),
                    answered_on=D(2026, 4, 30),
                ),
            )
        ),
        PASS,
    ),
    (
        "CR-23",
        "answered a day late",
        ev(
            data_subject_requests=(
                DataSubjectRequest(
                    id="r1", kind="access", received_on=D(2026, 1, 31), answered_on=D(2026, 3, 3)
                ),
            )
        ),
        FAIL,
    ),
    (
        "CR-23",
        "extension not told",
        ev(
            data_subject_requests=(
                DataSubjectRequest(
                    id="r1",
                    kind="access",
                    received_on=D(2026, 1, 31),
                    extended=True,
                    answered_on=D(2026, 4, 30),
                ),
            )
        ),
        FAIL,
    ),
    (
        "CR-23",
        "overdue",
        ev(
            data_subject_requests=(
                DataSubjectRequest(id="r1", kind="erasure", received_on=D(2026, 5, 1)),
            )
        ),
        FAIL,
    ),
    ("CR-23", "no request log", ev(data_subject_requests=None), NA),
    ("CR-23", "no requests", identity, NAP),
    # CR-24 complaints
    (
        "CR-24",
        "final response in 8 weeks",
        ev(
            complaints=(
                Complaint(
                    id="c1",
                    kind=ComplaintKind.SERVICE,
                    received_on=D(2026, 3, 1),
                    final_response_on=D(2026, 4, 20),
                ),
            )
        ),
        PASS,
    ),
    (
        "CR-24",
        "final response late",
        ev(
            complaints=(
                Complaint(
                    id="c1",
                    kind=ComplaintKind.SERVICE,
                    received_on=D(2026, 3, 1),
                    final_response_on=D(2026, 4, 27),
                ),
            )
        ),
        FAIL,
    ),
    (
        "CR-24",
        "DP complaint inside ack window",
        ev(
            complaints=(
                Complaint(id="c1", kind=ComplaintKind.DATA_PROTECTION, received_on=D(2026, 6, 19)),
            )
        ),
        PASS,
    ),
    ("CR-24", "no complaints log", ev(complaints=None), NA),
    ("CR-24", "no complaints", identity, NAP),
]


def finding(rule_id: str, case: CaseFile, today: dt.date = TODAY) -> Finding:
    [result] = evaluate(case, CompliancePolicy(), today, only=[rule_id])
    return result


@pytest.mark.parametrize(
    ("rule_id", "change", "expected"),
    [pytest.param(r, c, s, id=f"{r}-{name}") for r, name, c, s in CASES],
)
def test_rule(rule_id: str, change: Change, expected: Status) -> None:
    result = finding(rule_id, change(compliant()))
    assert result.status is expected, result.message
    assert result.rule_id == rule_id
    assert result.message
    if expected in {FAIL, NA}:
        assert result.fix, "a failing or unassessable finding must say how to fix it"


WORDS = [
    ("CR-09", with_debt(1, debt_type=None), "the debt to Lender a of £500.00 has no type"),
    ("CR-09", with_debt(1, creditor=None), "the £500.00 debt (Credit card) has no creditor"),
    ("CR-09", with_debt(1, creditor=None, debt_type=None, balance=None), "a debt has no creditor"),
    ("CR-09", with_debt(1, creditor=None, debt_type="other"), "the £500.00 debt (Other debt) has"),
    (
        "CR-09",
        with_debt(1, creditor=None, debt_type="tv_licence"),
        "debt (TV Licence) has no creditor",
    ),
    ("CR-04", ev(tasks=()), "the hearing on 15 Jul 2026 has no task due before it"),
    (
        "CR-04",
        ev(threats=(Threat(id="t9", kind=ThreatKind.REPLY_FORM, deadline=None, description="N9"),)),
        "the reply form (N9) has no date",
    ),
    ("CR-11", with_debt(1, offer=m(2_000)), "the debt to Lender a of £500.00 is offered £20.00"),
    (
        "CR-12",
        ev(options=tuple(attrs.evolve(o, eligible=None) for o in OPTIONS[:2])),
        "no eligibility decision is recorded for ",
    ),
]


@pytest.mark.parametrize(("rule_id", "change", "words"), WORDS)
def test_a_finding_names_debts_threats_and_solutions_as_an_adviser_does(
    rule_id: str, change: Change, words: str
) -> None:
    """Findings are read by advisers in the timeline and the compliance tab: a debt by its
    creditor or type and balance, a threat by its kind, a solution by its name; never an id
    or a code ("debt '6017af1a-…' has no creditor", "dro has no eligibility decision")."""
    result = finding(rule_id, change(compliant()))
    assert result.status in {FAIL, NA}
    assert words in result.message, result.message
    assert "'" not in result.message
    assert "_" not in result.message, result.message


def test_unappraised_options_are_named_in_one_finding() -> None:
    options = tuple(attrs.evolve(o, eligible=None) for o in OPTIONS)
    result = finding("CR-12", ev(options=options)(compliant()))
    names = [SOLUTION_LABELS[o.solution] for o in OPTIONS]
    assert result.message == "no eligibility decision is recorded for " + ", ".join(names)


def test_every_rule_has_pass_fail_and_not_assessable_cases() -> None:
    covered: dict[str, set[Status]] = {}
    for rule_id, _, _, status in CASES:
        covered.setdefault(rule_id, set()).add(status)
    for spec in RULES:
        assert {PASS, FAIL, NA} <= covered[spec.id], spec.id


def test_registry_lists_24_rules_with_severities() -> None:
    assert [s.id for s in RULES] == [f"CR-{n:02d}" for n in range(1, 25)]
    critical = {s.id for s in RULES if s.severity.value == "critical"}
    assert critical == {"CR-04", "CR-14", "CR-15", "CR-16"}


def test_compliant_case_has_no_failures() -> None:
    results = evaluate(compliant(), CompliancePolicy(), TODAY)
    assert len(results) == 24
    assert [f.rule_id for f in results if f.status in {FAIL, NA}] == []


def test_empty_case_file_is_never_a_silent_pass() -> None:
    from .builders import CASE

    results = evaluate(
        CaseFile(case_id=CASE, recommendation_known=False), CompliancePolicy(), TODAY
    )
    passes = [f.rule_id for f in results if f.status is PASS]
    assert passes == []


def test_unknown_rule_id_rejected() -> None:
    with pytest.raises(ValidationError):
        evaluate(compliant(), CompliancePolicy(), TODAY, only=["CR-99"])


def test_pending_items_pass_with_due_date() -> None:
    # Midway review window not reached yet: passes so far, due on day 35.
    case = with_bs(midway_review_on=None, midway_review_outcome=None)(compliant())
    result = finding("CR-16", case, today=D(2026, 5, 10))
    assert (result.status, result.due_on) == (PASS, D(2026, 6, 4))
    case = ev(advice=AdviceRecord(given_on=D(2026, 6, 26)))(compliant())
    result = finding("CR-18", case)
    assert (result.status, result.due_on) == (PASS, D(2026, 7, 3))


def cr14_of(dro: OptionResult) -> Finding:
    """CR-14 on a case recommending a DRO, with ``dro`` as the saved appraisal's result."""
    recommended = Recommendation(solution=Solution.DRO, on=dro.on_date)
    return finding("CR-14", attrs.evolve(compliant(), recommendation=recommended, dro=dro))


def test_dro_uses_limits_on_submission_date() -> None:
    # £40,000 of debt: over the £30,000 limit before 28 Jun 2024, within £50,000 after. The
    # limits come from the one engine (solutions.rules with reference thresholds).
    debts = (debt(pence=4_000_000),)
    before = cr14_of(assess(Solution.DRO, facts(on_date=D(2024, 6, 27), debts=debts)))
    after = cr14_of(assess(Solution.DRO, facts(on_date=D(2024, 6, 28), debts=debts)))
    assert before.status is FAIL
    assert "DRO-E2" in before.message
    assert ("appraised_on", "2024-06-27") in before.facts
    assert after.status is PASS


def test_dro_adapted_vehicle_disregarded_at_any_value() -> None:
    van = Vehicle(
        description="adapted van",
        value=m(2_000_000),
        work_only=False,
        adapted_for_disability=True,
    )
    assets = AssetSchedule(
        owns_property=False, vehicles=(van,), savings_and_cash=m(0), other_assets=()
    )
    assert cr14_of(assess(Solution.DRO, facts(assets=assets))).status is PASS


def test_dro_homeowner_fails() -> None:
    home = Property(tenure=HomeTenure.MORTGAGED, value=m(1), secured_debts=m(5))
    assets = AssetSchedule(
        owns_property=True, properties=(home,), vehicles=(), savings_and_cash=m(0), other_assets=()
    )
    result = cr14_of(assess(Solution.DRO, facts(assets=assets)))
    assert result.status is FAIL
    assert "DRO-E4" in result.message


def test_dp_complaint_acknowledgment_limit() -> None:
    late = ev(
        complaints=(
            Complaint(
                id="c1",
                kind=ComplaintKind.DATA_PROTECTION,
                received_on=D(2026, 6, 19),
                acknowledged_on=D(2026, 7, 20),
            ),
        )
    )(compliant())
    assert finding("CR-24", late, today=D(2026, 7, 25)).status is FAIL


def test_finding_facts_are_text_pairs() -> None:
    result = finding("CR-01", compliant())
    assert dict(result.facts)["first_outbound_contact_at"].startswith("2026-03-03")


def test_policy_validation() -> None:
    with pytest.raises(ValidationError):
        CompliancePolicy(file_review_period_months=5)
    with pytest.raises(ValidationError):
        CompliancePolicy(written_advice_working_days=-1)
    assert ADVISER  # builders import used
