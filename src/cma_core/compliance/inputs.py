"""The debt-advice sections of the compliance ``CaseFile``: debts, budget (SFS), options
appraisal, recommendation, offers and the written advice letter, read from the advice
area's repositories (``cma_core.debts.ports``) in the evaluating unit of work.

What the advice area does not record is left out honestly:

* a limitation flag on a debt (CR-20) has no field yet, nor (without the casework records)
  the credit report check (CR-09); ``unrecordable`` turns a failure that is *only* due to
  them into ``not_assessable`` with the reason, and keeps every other failure;
* spending guidelines (CR-08) are added per line by ``compliance.records`` when the
  casework sources are wired; without them those lines are not assessable.

CR-14 reads the DRO result of the latest saved options appraisal (``AppraisalRepository``):
the appraisal is the one DRO engine, so compliance judges what the adviser saw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from cma_core.advice.ports import AdviceRecord, Letter, LetterKind
from cma_core.budgets.catalogue import Category, Section, categories_in
from cma_core.budgets.ports import BudgetRecord, OfferPlanRecord
from cma_core.compliance import casefile as cf
from cma_core.compliance.model import Finding, Status
from cma_core.compliance.ports import CaseFileSources
from cma_core.debts.model import CreditorId, DebtType
from cma_core.debts.ports import DebtEntry
from cma_core.debts.priority import is_priority
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork
from cma_core.solutions.affordability import latest_plan
from cma_core.solutions.model import Eligibility, OptionResult, Solution
from cma_core.solutions.ports import AppraisalRecord

#: How an appraised option reads to CR-12: both moratoria are the one Breathing Space
#: option (the standard one wins), and "no solution needed" is not an option to appraise.
_AS_OPTION: dict[Solution, Solution | None] = {
    Solution.MENTAL_HEALTH_CRISIS_MORATORIUM: Solution.BREATHING_SPACE,
    Solution.NO_SOLUTION_NEEDED: None,
}

_ELIGIBLE = {
    Eligibility.ELIGIBLE: True,
    Eligibility.NOT_ELIGIBLE: False,
    Eligibility.ADVISER_JUDGEMENT: None,
}

_SECTION = {
    Section.INCOME: cf.SfsSection.INCOME,
    Section.FIXED: cf.SfsSection.FIXED,
    Section.FLEXIBLE: cf.SfsSection.FLEXIBLE,
}

#: Rules whose failure may be due only to a fact CMA cannot record yet, with what it is.
UNRECORDABLE = {
    "CR-09": "CMA cannot record the credit report check yet; check it on the paper file",
    "CR-20": "CMA cannot record a limitation flag on a debt yet; check any possibly "
    "statute-barred debt by hand",
}


def _section_of(category: Category) -> Section:
    for section in Section:
        if category in categories_in(section):
            return section
    raise ValueError(category)  # pragma: no cover - the catalogue covers every category


def _local(instant: dt.datetime | None, timezone: str) -> dt.date | None:
    return instant.astimezone(ZoneInfo(timezone)).date() if instant else None


def _latest_advice(records: Sequence[AdviceRecord]) -> AdviceRecord | None:
    return max(records, key=lambda r: (r.on_date, r.created_at), default=None)


def sfs_summary(record: BudgetRecord, offers: OfferPlanRecord | None, timezone: str) -> Any:
    budget = record.budget
    lines = [
        cf.SfsLine(
            section=_SECTION[line.definition.section],
            category=line.definition.category.value,
            amount=line.monthly,
            guideline=None,  # guidelines are centre reference data, not loaded here
            has_note_or_evidence=budget.category_has_note(line.definition.category),
        )
        for line in budget.lines.values()
    ]
    other_section = _SECTION[_section_of(Category.OTHER_ESSENTIAL)]
    lines += [
        cf.SfsLine(
            section=other_section,
            category=Category.OTHER_ESSENTIAL.value,
            amount=line.monthly,
            has_note_or_evidence=budget.category_has_note(Category.OTHER_ESSENTIAL),
        )
        for line in budget.other_essentials
    ]
    summary = budget.summary(offers.total_priority_offers if offers else None)
    return cf.SfsSummary(
        completed_on=_local(record.completed_at, timezone),
        lines=tuple(lines),
        total_income=summary.total_income,
        total_fixed=summary.total_fixed,
        total_flexible=summary.total_flexible,
        total_outgoings=summary.total_outgoings,
        savings_contribution=summary.savings_contribution,
        debt_admin_fee=summary.debt_admin_fee,
        available_for_priority=summary.available_for_priority,
        total_priority_offers=summary.total_priority_offers,
        available_for_non_priority=summary.available_for_non_priority,
    )


def debt_schedule(
    entries: Sequence[DebtEntry], creditors: dict[Any, str], offers: OfferPlanRecord | None
) -> cf.DebtSchedule:
    offered = {line.debt_id: line for line in offers.lines} if offers else {}
    out = []
    for entry in entries:
        debt = entry.debt
        line = offered.get(debt.id)
        out.append(
            cf.DebtSummary(
                id=str(debt.id),
                creditor=creditors.get(debt.creditor_id) if debt.creditor_id else None,
                balance=debt.balance,
                priority=is_priority(debt),
                debt_type=debt.debt_type.value,
                offer=line.amount if line else None,
                offer_on=offers.on_date if (offers and line) else None,
                strategy_on=None,
                last_payment_on=debt.last_payment_date,
                last_ack_on=debt.last_acknowledgment_date,
                mortgage_shortfall=debt.debt_type is DebtType.MORTGAGE_SHORTFALL,
            )
        )
    return cf.DebtSchedule(debts=tuple(out))


def latest_appraisal(appraisals: Sequence[AppraisalRecord]) -> AppraisalRecord | None:
    """The saved appraisal in force: the latest by its date, then by when it was saved."""
    return max(appraisals, key=lambda r: (r.appraisal.on_date, r.created_at), default=None)


def dro_result(appraisals: Sequence[AppraisalRecord]) -> OptionResult | None:
    """CR-14's input: the latest saved appraisal's DRO result (eligibility and reasons);
    ``None`` without a saved appraisal, or when it has no DRO (Scotland)."""
    latest = latest_appraisal(appraisals)
    return latest.appraisal.find(Solution.DRO) if latest is not None else None


def options_of(
    appraisals: Sequence[AppraisalRecord], advice: AdviceRecord | None
) -> tuple[cf.OptionAppraisal, ...] | None:
    latest = latest_appraisal(appraisals)
    if latest is not None:
        options = [
            (o.solution, o.status, "; ".join(r.message for r in o.reasons))
            for o in latest.appraisal.options
        ]
    elif advice is not None and advice.options:
        options = [(o.solution, o.status, "; ".join(o.reasons)) for o in advice.options]
    else:
        return None
    out: dict[Solution, cf.OptionAppraisal] = {}
    for solution, status, reason in options:
        kind = _AS_OPTION.get(solution, solution)
        if kind is not None and kind not in out:
            out[kind] = cf.OptionAppraisal(solution=kind, eligible=_ELIGIBLE[status], reason=reason)
    return tuple(out.values())


def advice_record(
    advice: AdviceRecord | None, letters: Sequence[Letter], timezone: str
) -> cf.AdviceRecord | None:
    if advice is None:
        return None
    sent = sorted(
        (x for x in letters if x.kind is LetterKind.ADVICE_SUMMARY and x.sent_at is not None),
        key=lambda x: x.sent_at or x.created_at,
    )
    first = next(
        (x for x in sent if (_local(x.sent_at, timezone) or advice.on_date) >= advice.on_date),
        None,
    )
    sections: set[cf.LetterSection] = set()
    if first is not None:
        # The advice summary template sets out each part of the advice record it is
        # rendered from: a part the record holds is in the letter.
        sections = {cf.LetterSection.OPTIONS} if advice.options else set()
        if advice.recommended is not None:
            sections.add(cf.LetterSection.RECOMMENDATION)
        if advice.reasons.strip():
            sections.add(cf.LetterSection.REASONS)
        if (advice.risks or "").strip():
            sections.add(cf.LetterSection.RISKS)
        if (advice.next_steps or "").strip():
            sections.add(cf.LetterSection.NEXT_STEPS)
    return cf.AdviceRecord(
        given_on=advice.on_date,
        letter_sent_on=_local(first.sent_at, timezone) if first else None,
        letter_sections=frozenset(sections),
    )


async def advice_sections(
    uow: UnitOfWork,
    repos: CaseFileSources,
    case_id: CaseId,
    timezone: str,
    *,
    creditors: dict[CreditorId, str] | None = None,
) -> dict[str, Any]:
    """``CaseFile`` fields from the advice area, to pass to ``attrs.evolve``
    (``creditors``: the centre's directory, when the caller has read it already)."""
    entries = await repos.debts(uow).list_for_case(case_id)
    if creditors is None:
        creditors = await repos.creditor_names(uow)
    budget = await repos.budgets(uow).get(case_id)
    facts = await repos.facts(uow).get(case_id)
    advice = _latest_advice(await repos.advice(uow).list_for_case(case_id))
    appraisals = await repos.appraisals(uow).list_for_case(case_id)
    plans = await repos.offers(uow).list_for_case(case_id)
    letters = await repos.letters(uow).list_for_case(case_id)
    offers = latest_plan(plans)

    jurisdiction = (facts.jurisdiction if facts else None) or (
        advice.jurisdiction if advice else None
    )
    recommendation = None
    # "No solution needed" recommends no remedy: the rules see no recommendation.
    if advice is not None and advice.recommended not in {None, Solution.NO_SOLUTION_NEEDED}:
        recommendation = cf.Recommendation(
            solution=advice.recommended,
            on=advice.on_date,
            monthly_payment=advice.monthly_payment,
            term_months=advice.expected_term_months,
        )
    return {
        "jurisdiction": jurisdiction,
        "recommendation": recommendation,
        "recommendation_known": True,
        "sfs": sfs_summary(budget, offers, timezone) if budget else None,
        "debts": debt_schedule(entries, creditors, offers),
        "options": options_of(appraisals, advice),
        "dro": dro_result(appraisals),
        "advice": advice_record(advice, letters, timezone),
    }


def unrecordable(casefile: cf.CaseFile) -> cf.CaseFile:
    """``casefile`` with the facts CMA cannot record yet taken as recorded, to tell a
    failure due only to them from a real one."""
    if casefile.debts is None:
        return casefile
    debts = tuple(
        attrs.evolve(d, limitation_flagged_on=d.offer_on) if d.offer_on else d
        for d in casefile.debts.debts
    )
    return attrs.evolve(
        casefile,
        debts=attrs.evolve(
            casefile.debts, debts=debts, credit_report_not_checked_reason="(not recordable)"
        ),
    )


def soften(
    real: list[Finding], assumed: list[Finding], reasons: dict[str, str] | None = None
) -> list[Finding]:
    """Findings of ``real``, where a rule of ``reasons`` (default ``UNRECORDABLE``) fails
    only for want of the facts ``unrecordable`` assumed: ``not_assessable``, saying why."""
    reasons = UNRECORDABLE if reasons is None else reasons
    by_rule = {f.rule_id: f for f in assumed}
    out = []
    for finding in real:
        other = by_rule.get(finding.rule_id)
        reason = reasons.get(finding.rule_id)
        if (
            reason is not None
            and finding.status is Status.FAIL
            and other is not None
            and other.status is not Status.FAIL
        ):
            finding = attrs.evolve(
                finding,
                status=Status.NOT_ASSESSABLE,
                message=f"{finding.message} ({reason}.)",
            )
        out.append(finding)
    return out
