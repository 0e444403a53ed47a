"""A fully compliant case file to start from; each test changes one thing."""

from __future__ import annotations

import datetime as dt
import uuid

from cma_core.compliance.casefile import (
    AdviceRecord,
    AuthorityToAct,
    BreathingSpaceRecord,
    BsCheck,
    CaseFile,
    Closure,
    Communication,
    DebtSchedule,
    DebtSummary,
    Direction,
    FileReview,
    LetterSection,
    MoratoriumKind,
    OptionAppraisal,
    Party,
    Preliminaries,
    Recommendation,
    Screening,
    SfsLine,
    SfsSection,
    SfsSummary,
    TaskSummary,
    Threat,
    ThreatKind,
    Vulnerability,
)
from cma_core.compliance.model import DEFAULT_REQUIRED_OPTIONS
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import Finding, OptionResult, Reason, Solution

D = dt.date
TODAY = D(2026, 6, 30)
ADVISER = UserId(uuid.UUID(int=1))
REVIEWER = UserId(uuid.UUID(int=2))
CASE = CaseId(uuid.UUID(int=100))


def ts(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def m(pence: int) -> Money:
    return Money(pence)


SFS = SfsSummary(
    completed_on=D(2026, 3, 20),
    lines=(
        SfsLine(section=SfsSection.INCOME, category="earnings", amount=m(150_000)),
        SfsLine(section=SfsSection.FIXED, category="rent", amount=m(100_000)),
        SfsLine(
            section=SfsSection.FLEXIBLE, category="groceries", amount=m(30_000), guideline=m(35_000)
        ),
        SfsLine(
            section=SfsSection.FLEXIBLE,
            category="mobile",
            amount=m(5_000),
            guideline=m(4_000),
            has_note_or_evidence=True,
        ),
    ),
    total_income=m(150_000),
    total_fixed=m(100_000),
    total_flexible=m(35_000),
    total_outgoings=m(135_000),
    savings_contribution=m(0),
    debt_admin_fee=m(0),
    available_for_priority=m(15_000),
    total_priority_offers=m(5_000),
    available_for_non_priority=m(10_000),
)


def np_debt(ident: str, balance: int, offer: int) -> DebtSummary:
    return DebtSummary(
        id=ident,
        creditor=f"Lender {ident}",
        balance=m(balance),
        priority=False,
        debt_type="credit_card",
        offer=m(offer),
        offer_on=D(2026, 3, 28),
        last_payment_on=D(2025, 12, 1),
    )


DEBTS = DebtSchedule(
    debts=(
        DebtSummary(
            id="rent",
            creditor="Council",
            balance=m(120_000),
            priority=True,
            debt_type="rent_arrears",
            offer=m(5_000),
            offer_on=D(2026, 3, 25),
            strategy_on=D(2026, 3, 21),
            last_payment_on=D(2026, 2, 1),
        ),
        # The worked example of UK-DEBT-ADVICE §4: £100 over £500, £1,000, £233, £200.
        np_debt("a", 50_000, 2_587),
        np_debt("b", 100_000, 5_173),
        np_debt("c", 23_300, 1_205),
        np_debt("d", 20_000, 1_035),
    ),
    credit_report_checked_on=D(2026, 3, 5),
)

OPTIONS = tuple(
    OptionAppraisal(solution=s, eligible=s is not Solution.DRO, reason="considered")
    for s in sorted(DEFAULT_REQUIRED_OPTIONS[Jurisdiction.EW])
)


def compliant() -> CaseFile:
    return CaseFile(
        case_id=CASE,
        adviser_id=ADVISER,
        jurisdiction=Jurisdiction.EW,
        authority=AuthorityToAct(signed_at=ts(D(2026, 3, 2), 10)),
        comms=(
            Communication(at=ts(D(2026, 3, 2), 9), direction=Direction.INBOUND, party=Party.CLIENT),
            Communication(
                at=ts(D(2026, 3, 3), 11), direction=Direction.OUTBOUND, party=Party.CREDITOR
            ),
        ),
        preliminaries=Preliminaries(
            first_contact_on=D(2026, 3, 2),
            privacy_notice_on=D(2026, 3, 2),
            lawful_basis="legitimate interests",
            service_info_on=D(2026, 3, 2),
            holds_special_category=True,
            special_category_first_recorded_on=D(2026, 3, 2),
            special_consent_on=D(2026, 3, 2),
        ),
        vulnerability=Vulnerability(
            first_substantive_contact_on=D(2026, 3, 2),
            screenings=(
                Screening(on=D(2026, 3, 2), drivers=("health",), adjustments=("large print",)),
                Screening(on=D(2026, 5, 1)),
            ),
            case_reviews_on=(D(2026, 5, 1),),
        ),
        threats=(Threat(id="t1", kind=ThreatKind.HEARING, deadline=D(2026, 7, 15)),),
        tasks=(TaskSummary(id="k1", due=D(2026, 7, 10), threat_id="t1"),),
        recommendation=Recommendation(
            solution=Solution.DMP, on=D(2026, 4, 1), monthly_payment=m(10_000), term_months=48
        ),
        sfs=SFS,
        debts=DEBTS,
        options=OPTIONS,
        advice=AdviceRecord(
            given_on=D(2026, 4, 1),
            letter_sent_on=D(2026, 4, 3),
            letter_sections=frozenset(LetterSection),
        ),
        settlements=(),
        adviser_file_reviews=tuple(
            FileReview(
                adviser_id=ADVISER,
                case_id=CaseId(uuid.uuid4()),
                reviewed_on=day,
                reviewer_id=REVIEWER,
                score=85,
                actions="none needed",
            )
            for day in (D(2026, 2, 10), D(2026, 3, 12))
        ),
        closure=None,
        data_subject_requests=(),
        complaints=(),
    )


def dro_result(*reasons: tuple[str, Finding, str], on: dt.date = D(2026, 6, 1)) -> OptionResult:
    """A saved appraisal's DRO result: DRO-E1…E8 passing, then ``reasons`` added."""
    passing = tuple(
        Reason(rule_id=f"DRO-E{n}", finding=Finding.PASS, message="met") for n in range(1, 9)
    )
    extra = tuple(Reason(rule_id=r, finding=f, message=msg) for r, f, msg in reasons)
    return OptionResult(
        solution=Solution.DRO,
        jurisdiction=Jurisdiction.EW,
        on_date=on,
        reasons=passing + extra,
    )


def breathing_space(start: dt.date = D(2026, 5, 1)) -> BreathingSpaceRecord:
    return BreathingSpaceRecord(
        kind=MoratoriumKind.STANDARD,
        applied_on=start - dt.timedelta(days=2),
        start_on=start,
        advice_on=start - dt.timedelta(days=3),
        checks_confirmed=frozenset(BsCheck),
        fee_charged=m(0),
        midway_review_on=start + dt.timedelta(days=27),
        midway_review_outcome="continue",
    )


def closed(closed_on: dt.date = D(2019, 1, 10)) -> Closure:
    return Closure(closed_on=closed_on, retain_until=D(closed_on.year + 6, 1, 10))
