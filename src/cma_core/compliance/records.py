"""The casework sections of the compliance ``CaseFile``: what the contact log, the
first-contact checklist, the screenings, the credit reports and the adviser's eligibility
decisions record, in the rules' shapes.

Which rule each record feeds:

* contact log → ``comms`` (CR-01), first contact (CR-02), first substantive contact and
  reviews (CR-03);
* checklist → authority to act (CR-01); privacy notice, service information, lawful basis,
  special-category consent (CR-02); a reason for not checking the credit report (CR-09);
* screenings → ``vulnerability.screenings`` (CR-03); a health driver is special-category
  data (CR-02);
* credit reports → ``credit_report_checked_on`` (CR-09);
* eligibility decisions → an option the appraisal left to judgement (CR-12);
* financial facts → the DRO tests when no saved appraisal judges a DRO (CR-14);
* settlements → ``settlements`` (CR-19); complaints → ``complaints`` (CR-24);
* the Breathing Space register, with its first day from the case clock →
  ``breathing_space`` (CR-15, CR-16, CR-17);
* the adviser's QA file reviews (``/compliance/qa/reviews``) → ``adviser_file_reviews``
  (CR-21);
* the privacy area's register of data-subject requests of the case's client →
  ``data_subject_requests`` (CR-23), and its legal holds → ``closure.legal_hold`` (CR-22),
  read through the ``PrivacyRecords`` port (privacy sits above compliance).

Dates are the centre's local dates of the recorded instants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from attrs import frozen

from cma_core.budgets.catalogue import Category
from cma_core.budgets.guidelines import Composition
from cma_core.budgets.ports import BudgetRepository, OfferRepository
from cma_core.budgets.service import guidelines_of
from cma_core.casework.catalogue import screening_guide
from cma_core.casework.model import BreathingSpace, ChecklistRecord, Contact, Party, Purpose
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
from cma_core.compliance import casefile as cf
from cma_core.compliance.ports import QaReview
from cma_core.debts.ports import DebtRepository, FactsRepository
from cma_core.debts.service import thresholds_of
from cma_core.reference.ports import ReferenceDataRepository
from cma_core.scheduling.deadlines import DeadlineKind
from cma_core.scheduling.ports import TrackedDeadline
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.shared.uow import RepositoryFactory, UnitOfWork
from cma_core.solutions.model import CaseFacts, Solution
from cma_core.solutions.rules import appraise

#: Contacts with the client that are advice work (CR-03's "substantive" contact).
SUBSTANTIVE = frozenset({Purpose.FIRST_CONTACT, Purpose.ADVICE, Purpose.REVIEW})


@frozen(kw_only=True)
class CaseworkSources:
    """The casework repositories the case file reads, and those the DRO check needs when
    it judges the recorded facts itself (CR-14)."""

    contacts: RepositoryFactory[ContactRepository]
    checklists: RepositoryFactory[ChecklistRepository]
    screenings: RepositoryFactory[ScreeningRepository]
    credit_reports: RepositoryFactory[CreditReportRepository]
    eligibility: RepositoryFactory[EligibilityRepository]
    debts: RepositoryFactory[DebtRepository]
    facts: RepositoryFactory[FactsRepository]
    budgets: RepositoryFactory[BudgetRepository]
    offers: RepositoryFactory[OfferRepository]
    reference: RepositoryFactory[ReferenceDataRepository]
    #: The case's registers (CR-19, CR-24); without them those rules say not assessable.
    settlements: RepositoryFactory[SettlementRepository] | None = None
    complaints: RepositoryFactory[ComplaintRepository] | None = None
    #: The Breathing Space register (CR-15…CR-17); without it those rules read nothing.
    breathing_spaces: RepositoryFactory[BreathingSpaceRepository] | None = None


def _local(instant: dt.datetime, timezone: str) -> dt.date:
    return instant.astimezone(ZoneInfo(timezone)).date()


def _tick_on(checklist: ChecklistRecord | None, item: str, tz: str) -> dt.date | None:
    tick = checklist.tick_of(item) if checklist else None
    return _local(tick.done_at, tz) if tick else None


def _first(days: Sequence[dt.date]) -> dt.date | None:
    return min(days, default=None)


def preliminaries(
    contacts: Sequence[Contact],
    checklist: ChecklistRecord | None,
    special_first: dt.date | None,
    tz: str,
) -> cf.Preliminaries:
    client = [_local(c.at, tz) for c in contacts if c.party is Party.CLIENT]
    basis = checklist.tick_of("lawful_basis") if checklist else None
    return cf.Preliminaries(
        first_contact_on=_first(client),
        privacy_notice_on=_tick_on(checklist, "privacy_notice", tz),
        lawful_basis=basis.value if basis else None,
        service_info_on=_tick_on(checklist, "service_information", tz),
        holds_special_category=special_first is not None,
        special_category_first_recorded_on=special_first,
        special_consent_on=_tick_on(checklist, "special_category_consent", tz),
    )


async def casework_sections(
    uow: UnitOfWork, repos: CaseworkSources, case_id: CaseId, tz: str
) -> dict[str, Any]:
    """``CaseFile`` fields from the casework records, to pass to ``attrs.evolve``."""
    contacts = list(await repos.contacts(uow).list_for_case(case_id))
    checklist = await repos.checklists(uow).get(case_id)
    screenings = list(await repos.screenings(uow).list_for_case(case_id))
    special = {d.id for d in screening_guide().drivers if d.special_category}
    special_first = _first(
        [_local(s.created_at, tz) for s in screenings if special & set(s.drivers)]
    )
    authority = checklist.tick_of("authority_to_act") if checklist else None
    client = [c for c in contacts if c.party is Party.CLIENT]
    return {
        "comms": tuple(
            cf.Communication(at=c.at, direction=c.direction, party=c.party, summary=c.summary)
            for c in contacts
        ),
        "authority": cf.AuthorityToAct(signed_at=authority.done_at if authority else None),
        "preliminaries": preliminaries(contacts, checklist, special_first, tz),
        "vulnerability": cf.Vulnerability(
            first_substantive_contact_on=_first(
                [_local(c.at, tz) for c in client if c.purpose in SUBSTANTIVE]
            ),
            screenings=tuple(
                cf.Screening(
                    on=s.on,
                    drivers=s.drivers,
                    adjustments=s.adjustments,
                    no_adjustment_reason=s.no_adjustment_reason,
                )
                for s in screenings
            ),
            case_reviews_on=tuple(
                sorted({_local(c.at, tz) for c in client if c.purpose is Purpose.REVIEW})
            ),
        ),
    }


async def with_casework(
    casefile: cf.CaseFile, uow: UnitOfWork, repos: CaseworkSources, tz: str
) -> cf.CaseFile:
    """``casefile`` with the casework sections, the credit report check (CR-09), the
    adviser's eligibility decisions (CR-12) and, for a recommended DRO no saved appraisal
    judges, the DRO tests on the recorded facts (CR-14)."""
    case_id = casefile.case_id
    casefile = attrs.evolve(casefile, **await casework_sections(uow, repos, case_id, tz))
    if casefile.debts is not None:
        reports = await repos.credit_reports(uow).list_for_case(case_id)
        checklist = await repos.checklists(uow).get(case_id)
        waived = checklist.tick_of("credit_report_not_checked") if checklist else None
        casefile = attrs.evolve(
            casefile,
            debts=attrs.evolve(
                casefile.debts,
                credit_report_checked_on=max((r.checked_on for r in reports), default=None),
                credit_report_not_checked_reason=waived.value if waived else None,
            ),
        )
    record = await repos.eligibility(uow).get(case_id)
    if record is not None and record.decisions:
        casefile = attrs.evolve(casefile, options=decided_options(casefile.options, record))
    casefile = await with_guidelines(casefile, uow, repos, tz)
    rec = casefile.recommendation
    if rec is not None and rec.solution is Solution.DRO and casefile.dro is None:
        casefile = attrs.evolve(casefile, dro=await dro_from_facts(uow, repos, casefile, rec.on))
    return casefile


async def with_guidelines(
    casefile: cf.CaseFile, uow: UnitOfWork, repos: CaseworkSources, tz: str
) -> cf.CaseFile:
    """The centre's spending guidelines on the budget's flexible lines (CR-08), as of the
    date the SFS was completed (else last changed). A category's guideline is shared by its
    lines: each line carries what the guideline leaves after the category's other lines,
    so a line is above its figure exactly when the category's total is above the guideline.
    Left unset (CR-08 not assessable) while the centre has loaded no guidelines."""
    sfs = casefile.sfs
    if sfs is None:
        return casefile
    table = guidelines_of(await repos.reference(uow).get())
    record = await repos.budgets(uow).get(casefile.case_id)
    if table is None or record is None or record.budget.household is None:
        return casefile
    day = sfs.completed_on or _local(record.updated_at, tz)
    comp = Composition.of(record.budget.household)
    totals: dict[str, int] = {}
    for line in sfs.lines:
        if line.section is cf.SfsSection.FLEXIBLE:
            totals[line.category] = totals.get(line.category, 0) + line.amount.pence
    lines = []
    for line in sfs.lines:
        found = None
        if line.section is cf.SfsSection.FLEXIBLE:
            found = table.find(comp, Category(line.category), day)
        if found is not None:
            others = totals[line.category] - line.amount.pence
            line = attrs.evolve(line, guideline=Money(found.monthly.pence - others))
        lines.append(line)
    return attrs.evolve(casefile, sfs=attrs.evolve(sfs, lines=tuple(lines)))


def decided_options(
    options: tuple[cf.OptionAppraisal, ...] | None, record: Any
) -> tuple[cf.OptionAppraisal, ...]:
    """The appraisal's options, where the appraisal left eligibility to the adviser taking
    the adviser's recorded decision and reason; decided options it did not list added."""
    decided = {d.solution: d for d in record.decisions}
    out = []
    for option in options or ():
        d = decided.pop(option.solution, None)
        if d is not None and option.eligible is None:
            reason = "; ".join(x for x in (option.reason, f"adviser: {d.reason}") if x)
            option = attrs.evolve(option, eligible=d.eligible, reason=reason)
        out.append(option)
    out += [
        cf.OptionAppraisal(solution=s, eligible=d.eligible, reason=f"adviser: {d.reason}")
        for s, d in decided.items()
        if s not in {Solution.NO_SOLUTION_NEEDED, Solution.MENTAL_HEALTH_CRISIS_MORATORIUM}
    ]
    return tuple(out)


async def dro_from_facts(
    uow: UnitOfWork, repos: CaseworkSources, casefile: cf.CaseFile, on: dt.date
) -> Any:
    """The DRO result of the one DRO engine (``solutions.rules``) on the case's recorded
    financial facts, debts and budget, judged on ``on`` (the recommendation date, the
    nearest recorded stand-in for the submission date); ``None`` without a jurisdiction."""
    facts = await repos.facts(uow).get(casefile.case_id)
    jurisdiction = casefile.jurisdiction or (facts.jurisdiction if facts else None)
    if jurisdiction is None:
        return None
    budget = await repos.budgets(uow).get(casefile.case_id)
    plans = await repos.offers(uow).list_for_case(casefile.case_id)
    prio = plans[-1].total_priority_offers if plans else Money.zero()
    extra: dict[str, Any] = {}
    if facts is not None:
        extra = {
            name: getattr(facts, name)
            for name in (
                "assets",
                "insolvency",
                "residence",
                "benefits_only_months",
                "unable_to_pay_debts_as_due",
                "amhp_evidence",
                "receiving_crisis_treatment",
                "lump_sum_available",
            )
        }
    case_facts = CaseFacts(
        jurisdiction=jurisdiction,
        on_date=on,
        debts=tuple(e.debt for e in await repos.debts(uow).list_for_case(casefile.case_id)),
        budget=budget.budget.summary(prio) if budget else None,
        **extra,
    )
    table = thresholds_of(await repos.reference(uow).get())
    return appraise(case_facts, table).find(Solution.DRO)


#: Deadlines of the case clock whose trigger is a moratorium's first day.
_MORATORIUM_DAY_ONE = frozenset(
    {
        DeadlineKind.BS_CREDITOR_REVIEW_REQUEST,
        DeadlineKind.BS_CREDITOR_REVIEW_DECISION,
        DeadlineKind.BS_MIDWAY_REVIEW_OPENS,
        DeadlineKind.BS_MIDWAY_REVIEW_DUE,
        DeadlineKind.BS_END,
    }
)


def breathing_space(
    records: Sequence[BreathingSpace], deadlines: Sequence[TrackedDeadline]
) -> cf.BreathingSpaceRecord | None:
    """The latest Breathing Space application, in the rules' shape. Its first day is the
    case clock's: the earliest moratorium timeline started on or after the application
    (``breathing_space_registered``), so the register and the deadlines never disagree."""
    if not records:
        return None
    b = max(records, key=lambda r: (r.applied_on, r.created_at))
    starts = [
        d.deadline.trigger
        for d in deadlines
        if d.deadline.kind in _MORATORIUM_DAY_ONE and d.deadline.trigger >= b.applied_on
    ]
    return cf.BreathingSpaceRecord(
        kind=b.kind,
        applied_on=b.applied_on,
        start_on=min(starts, default=None),
        advice_on=b.advice_on,
        checks_confirmed=b.checks_confirmed,
        fee_charged=b.fee_charged,
        previous_standard_ended_on=b.previous_standard_ended_on,
        midway_review_on=b.midway_review_on,
        midway_review_outcome=b.midway_review_outcome.value if b.midway_review_outcome else None,
        ended_on=b.ended_on,
        creditor_requests=tuple(
            cf.CreditorReviewRequest(
                creditor=r.creditor, received_on=r.received_on, decided_on=r.decided_on
            )
            for r in b.creditor_reviews
        ),
    )


async def register_sections(
    uow: UnitOfWork,
    repos: CaseworkSources,
    case_id: CaseId,
    deadlines: Sequence[TrackedDeadline] = (),
) -> dict[str, Any]:
    """``settlements`` (CR-19), ``complaints`` (CR-24) and ``breathing_space`` (CR-15…17)
    of the case, when wired; ``deadlines``: the case clock's (a moratorium's first day)."""
    out: dict[str, Any] = {}
    if repos.breathing_spaces is not None:
        records = await repos.breathing_spaces(uow).list_for_case(case_id)
        out["breathing_space"] = breathing_space(records, deadlines)
    if repos.settlements is not None:
        out["settlements"] = tuple(
            cf.Settlement(
                creditor=s.creditor,
                offered=s.amount,
                written_acceptance_on=s.accepted_on,
                paid_on=s.paid_on,
            )
            for s in await repos.settlements(uow).list_for_case(case_id)
        )
    if repos.complaints is not None:
        out["complaints"] = tuple(
            cf.Complaint(
                id=str(c.id),
                kind=c.kind,
                received_on=c.received_on,
                acknowledged_on=c.acknowledged_on,
                final_response_on=c.final_response_on,
            )
            for c in await repos.complaints(uow).list_for_case(case_id)
        )
    return out


def file_reviews(reviews: Sequence[QaReview], adviser_id: Any) -> tuple[cf.FileReview, ...]:
    """The adviser's QA file reviews (CR-21): the reviewer, the checklist score (percent)
    and the actions recorded with each."""
    return tuple(
        cf.FileReview(
            adviser_id=r.adviser_id,
            case_id=r.case_id,
            reviewed_on=r.reviewed_on,
            reviewer_id=r.reviewer_id,
            score=r.percent,
            actions=r.actions,
        )
        for r in reviews
        if r.adviser_id is not None and r.adviser_id == adviser_id
    )
