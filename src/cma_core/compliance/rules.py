"""Compliance rules CR-01 … CR-24 (UK-DEBT-ADVICE §6.1) as pure functions.

Each rule reads a ``CaseFile`` and returns a ``Verdict``; ``registry.evaluate`` stamps the
rule id and severity on it to make a ``Finding``. When a rule checks several things, a
failure anywhere makes it ``FAIL``; otherwise a missing fact anywhere makes it
``NOT_ASSESSABLE``; only then ``PASS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import frozen

from cma_core.advice.wording import DEBT_TYPE_LABELS, SOLUTION_LABELS
from cma_core.compliance.casefile import (
    BsCheck,
    CaseFile,
    ComplaintKind,
    DebtSummary,
    Direction,
    LetterSection,
    MoratoriumKind,
    Party,
    SfsSection,
    Threat,
)
from cma_core.compliance.model import CompliancePolicy, Status
from cma_core.debts.model import DebtType
from cma_core.reference.periods import add_months, add_years
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.deadlines import moratorium_day, sar_deadlines, written_advice_due
from cma_core.shared.money import Money
from cma_core.solutions.affordability import Affordability, check_payment
from cma_core.solutions.model import (
    MORATORIA,
    REGULAR_PAYMENT_SOLUTIONS,
    Eligibility,
    Solution,
    available_in,
)
from cma_core.solutions.model import Finding as OptionFinding


@frozen(kw_only=True)
class RuleContext:
    policy: CompliancePolicy
    today: dt.date
    calendar: WorkingCalendar
    calendar_note: str = ""  # set when a fallback calendar (weekends only) is in use


@frozen(kw_only=True)
class Verdict:
    status: Status
    message: str
    facts: tuple[tuple[str, str], ...] = ()
    fix: str | None = None
    due_on: dt.date | None = None


def _text(value: object) -> str:
    if value is None:
        return "not recorded"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(str(v) for v in value)) or "none"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


def _facts(**values: object) -> tuple[tuple[str, str], ...]:
    return tuple((k, _text(v)) for k, v in values.items())


class _Outcome:
    """Collects failures and gaps from the sub-checks of one rule."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.fixes: list[str] = []
        self.gaps: list[str] = []
        self.gap_fixes: list[str] = []

    def fail(self, message: str, fix: str) -> None:
        self.failures.append(message)
        if fix not in self.fixes:
            self.fixes.append(fix)

    def gap(self, message: str, fix: str) -> None:
        self.gaps.append(message)
        if fix not in self.gap_fixes:
            self.gap_fixes.append(fix)

    def verdict(
        self,
        passed: str,
        facts: tuple[tuple[str, str], ...],
        due_on: dt.date | None = None,
    ) -> Verdict:
        if self.failures:
            return Verdict(
                status=Status.FAIL,
                message="; ".join(self.failures),
                facts=facts,
                fix=" ".join(self.fixes),
            )
        if self.gaps:
            return Verdict(
                status=Status.NOT_ASSESSABLE,
                message="Cannot check: " + "; ".join(self.gaps),
                facts=facts,
                fix=" ".join(self.gap_fixes),
            )
        return Verdict(status=Status.PASS, message=passed, facts=facts, due_on=due_on)


def _solution(solution: str) -> str:
    """A solution as an adviser reads it ("Debt Relief Order"), never its code ("dro")."""
    try:
        return SOLUTION_LABELS[Solution(solution)]
    except (KeyError, ValueError):
        return solution.replace("_", " ")


def _solutions(solutions: Iterable[str]) -> str:
    return ", ".join(_solution(s) for s in solutions)


def _debt(debt: DebtSummary) -> str:
    """A debt as an adviser finds it in the list: by its creditor, else its type, with its
    balance ("the debt to Castle Cards of £845.10", "the £845.10 debt (Credit card)"), never
    by its id. The type stays as its label is written ("Council Tax", "TV Licence")."""
    creditor = (debt.creditor or "").strip()
    try:
        kind = DEBT_TYPE_LABELS[DebtType(debt.debt_type or "")]
    except (KeyError, ValueError):
        kind = ""
    if creditor:
        name = f"the debt to {creditor}"
        return f"{name} of {debt.balance}" if debt.balance is not None else name
    name = f"the {debt.balance} debt" if debt.balance is not None else "a debt"
    return f"{name} ({kind})" if kind else name


def _threat(threat: Threat) -> str:
    """A threat by its kind and what the adviser wrote of it ("the reply form")."""
    words = threat.kind.replace("_", " ")
    about = threat.description.strip()
    return f"the {words} ({about})" if about else f"the {words}"


def _missing(what: str, fix: str, facts: tuple[tuple[str, str], ...] = ()) -> Verdict:
    return Verdict(
        status=Status.NOT_ASSESSABLE,
        message=f"Cannot check: the case file holds no {what}.",
        facts=facts,
        fix=fix,
    )


def _not_applicable(message: str, facts: tuple[tuple[str, str], ...] = ()) -> Verdict:
    return Verdict(status=Status.NOT_APPLICABLE, message=message, facts=facts)


# --------------------------------------------------------------------------- CR-01 … CR-06


def cr01_authority_before_contact(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Authority to act before the first outbound contact with a creditor or third party."""
    if case.comms is None:
        return _missing("communications log", "Load the case's communications log.")
    if case.authority is None:
        return _missing("authority-to-act record", "Record whether authority to act is signed.")
    outbound = sorted(
        c.at
        for c in case.comms
        if c.direction is Direction.OUTBOUND and c.party in {Party.CREDITOR, Party.THIRD_PARTY}
    )
    signed = case.authority.signed_at
    first = outbound[0] if outbound else None
    facts = _facts(authority_signed_at=signed, first_outbound_contact_at=first)
    if first is None:
        return Verdict(
            status=Status.PASS,
            message="No creditor or third party has been contacted yet.",
            facts=facts,
        )
    fix = (
        "Stop third-party contact until the client signs an authority to act; record "
        "it, and note the early contact on file."
    )
    if signed is None:
        return Verdict(
            status=Status.FAIL,
            message=f"A creditor or third party was contacted on {first:%d %b %Y} but no "
            "signed authority to act is on file.",
            facts=facts,
            fix=fix,
        )
    if signed > first:
        return Verdict(
            status=Status.FAIL,
            message=f"Authority to act was signed on {signed:%d %b %Y}, after the first "
            f"third-party contact on {first:%d %b %Y}.",
            facts=facts,
            fix=fix,
        )
    return Verdict(
        status=Status.PASS,
        message="Authority to act was signed before any third party was contacted.",
        facts=facts,
    )


def cr02_privacy_and_consent(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Privacy notice, lawful basis and service information at first contact; explicit
    consent before special-category data is stored."""
    pre = case.preliminaries
    if pre is None:
        return _missing(
            "first-contact (privacy and service information) record",
            "Record the first-contact checklist.",
        )
    facts = _facts(
        first_contact_on=pre.first_contact_on,
        privacy_notice_on=pre.privacy_notice_on,
        lawful_basis=pre.lawful_basis,
        service_info_on=pre.service_info_on,
        holds_special_category=pre.holds_special_category,
        special_category_first_recorded_on=pre.special_category_first_recorded_on,
        special_consent_on=pre.special_consent_on,
    )
    out = _Outcome()
    if pre.first_contact_on is None:
        out.gap("the date of first contact is not recorded", "Record the first contact date.")
    for label, value in (
        ("privacy notice", pre.privacy_notice_on),
        ("role, boundaries and complaints information", pre.service_info_on),
    ):
        if value is None:
            out.fail(f"no {label} is recorded", f"Give the {label} and record the date.")
        elif pre.first_contact_on is not None and value > pre.first_contact_on:
            out.fail(
                f"the {label} was given on {value:%d %b %Y}, after first contact on "
                f"{pre.first_contact_on:%d %b %Y}",
                f"Give the {label} at first contact.",
            )
    if not (pre.lawful_basis or "").strip():
        out.fail("no lawful basis for processing is recorded", "Record the lawful basis.")
    if pre.holds_special_category:
        first_held = pre.special_category_first_recorded_on
        if pre.special_consent_on is None:
            out.fail(
                "health or other special-category data is held without recorded explicit consent",
                "Obtain and record explicit consent, or remove the special-category data.",
            )
        elif first_held is None:
            out.gap(
                "the date special-category data was first recorded is unknown",
                "Record when special-category data was first stored.",
            )
        elif pre.special_consent_on > first_held:
            out.fail(
                f"special-category data was stored on {first_held:%d %b %Y}, before consent "
                f"on {pre.special_consent_on:%d %b %Y}",
                "Note the breach and review how consent is asked at first contact.",
            )
    return out.verdict(
        "Privacy, lawful basis, service information and consent are in order.", facts
    )


def cr03_vulnerability_screening(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Vulnerability screened at first substantive contact and each review (FCA FG21/1)."""
    vul = case.vulnerability
    if vul is None:
        return _missing("vulnerability record", "Record the vulnerability screening.")
    screened = sorted(s.on for s in vul.screenings)
    facts = _facts(
        first_substantive_contact_on=vul.first_substantive_contact_on,
        screened_on=tuple(d.isoformat() for d in screened),
        reviews_on=tuple(d.isoformat() for d in vul.case_reviews_on),
    )
    out = _Outcome()
    tolerance = dt.timedelta(days=ctx.policy.vulnerability_review_tolerance_days)

    def screened_near(day: dt.date) -> bool:
        return any(abs(s - day) <= tolerance for s in screened)

    first = vul.first_substantive_contact_on
    if first is None:
        out.gap(
            "the first substantive contact date is not recorded",
            "Record the first substantive contact date.",
        )
    elif not any(s <= first + tolerance for s in screened):
        out.fail(
            f"no vulnerability screening at first substantive contact ({first:%d %b %Y})",
            "Screen for vulnerability (health, life events, resilience, capability) and record it.",
        )
    for review in vul.case_reviews_on:
        if not screened_near(review):
            out.fail(
                f"no vulnerability screening at the review on {review:%d %b %Y}",
                "Re-screen for vulnerability at every case review.",
            )
    for s in vul.screenings:
        if s.drivers and not s.adjustments and not (s.no_adjustment_reason or "").strip():
            out.fail(
                f"the screening on {s.on:%d %b %Y} found {', '.join(s.drivers)} but records no "
                "adjustment or reason for none",
                "Record the adjustments made, or why none were needed.",
            )
    return out.verdict("Vulnerability was screened at first contact and at each review.", facts)


def cr04_threat_tasks(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Every dated threat has a task due before its deadline."""
    if case.threats is None:
        return _missing("list of threats", "Load the case's threats (hearings, evictions…).")
    if case.tasks is None:
        return _missing("task list", "Load the case's tasks.")
    out = _Outcome()
    covered: list[str] = []
    for threat in case.threats:
        if threat.deadline is None:
            out.gap(
                f"{_threat(threat)} has no date",
                "Find out and record the date of each threat.",
            )
            continue
        deadline = threat.deadline
        linked = [t for t in case.tasks if t.threat_id == threat.id]
        if not any(t.due is not None and t.due < deadline for t in linked):
            out.fail(
                f"{_threat(threat)} on {deadline:%d %b %Y} has no task due before it",
                "Create a task linked to each threat, due before the threat's date.",
            )
        else:
            covered.append(threat.id)
    facts = _facts(
        threats=tuple(f"{t.id}:{t.kind}:{_text(t.deadline)}" for t in case.threats),
        threats_with_task=tuple(covered),
    )
    if not case.threats:
        return Verdict(
            status=Status.PASS, message="No threats are recorded on the case.", facts=facts
        )
    return out.verdict("Every dated threat has a task due before it.", facts)


def _recommendation_unknown(case: CaseFile) -> Verdict | None:
    if not case.recommendation_known:
        return _missing("recommendation data", "Load the case's solutions and recommendation.")
    return None


def cr05_jurisdiction_solution(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Jurisdiction recorded; the recommended solution exists there (CONC 8.2.2G(1))."""
    if (unknown := _recommendation_unknown(case)) is not None:
        return unknown
    rec = case.recommendation
    facts = _facts(jurisdiction=case.jurisdiction, recommended=rec.solution if rec else None)
    if case.jurisdiction is None:
        return Verdict(
            status=Status.FAIL,
            message="The client's UK jurisdiction (England and Wales, Scotland or Northern "
            "Ireland) is not recorded; advice must reflect it (CONC 8.2.2G(1)).",
            facts=facts,
            fix="Record where the client lives.",
        )
    if rec is None:
        return _not_applicable("Jurisdiction is recorded; no solution recommended yet.", facts)
    if not available_in(rec.solution, case.jurisdiction):
        return Verdict(
            status=Status.FAIL,
            message=f"{_solution(rec.solution)} is not available in {case.jurisdiction}.",
            facts=facts,
            fix="Recommend a solution that exists in the client's jurisdiction.",
        )
    return Verdict(
        status=Status.PASS,
        message=f"{_solution(rec.solution)} is available in {case.jurisdiction}.",
        facts=facts,
    )


def cr06_sfs_before_recommendation(case: CaseFile, ctx: RuleContext) -> Verdict:
    """A complete SFS dated on or before any recommendation (Breathing Space excepted)."""
    if (unknown := _recommendation_unknown(case)) is not None:
        return unknown
    rec = case.recommendation
    if rec is None:
        return _not_applicable("No solution has been recommended yet.")
    completed = case.sfs.completed_on if case.sfs else None
    facts = _facts(recommended=rec.solution, recommended_on=rec.on, sfs_completed_on=completed)
    if rec.solution in MORATORIA:
        return _not_applicable(
            "A Breathing Space needs only enough financial information to advise, not a full "
            "SFS (BSG 4.3); see CR-15.",
            facts,
        )
    if case.sfs is None:
        return _missing("budget (SFS)", "Load the case's budget.", facts)
    fix = "Complete the SFS and revisit the recommendation in its light."
    if completed is None:
        return Verdict(
            status=Status.FAIL,
            facts=facts,
            fix=fix,
            message=f"{_solution(rec.solution)} was recommended but the SFS is not complete.",
        )
    if completed > rec.on:
        return Verdict(
            status=Status.FAIL,
            facts=facts,
            fix=fix,
            message=f"The SFS was completed on {completed:%d %b %Y}, after the "
            f"recommendation on {rec.on:%d %b %Y}.",
        )
    return Verdict(
        status=Status.PASS, facts=facts, message="A complete SFS predates the recommendation."
    )


# --------------------------------------------------------------------------- CR-07 … CR-13


def _sum(amounts: Iterable[Money]) -> Money:
    total = Money.zero()
    for amount in amounts:
        total = total + amount
    return total


def cr07_sfs_arithmetic(case: CaseFile, ctx: RuleContext) -> Verdict:
    """SFS totals match the SFS-DDS formulas; no negative line items."""
    sfs = case.sfs
    if sfs is None:
        return _missing("budget (SFS)", "Load the case's budget.")
    income = _sum(line.amount for line in sfs.lines if line.section is SfsSection.INCOME)
    fixed = _sum(line.amount for line in sfs.lines if line.section is SfsSection.FIXED)
    flexible = _sum(line.amount for line in sfs.lines if line.section is SfsSection.FLEXIBLE)
    out = _Outcome()
    fix = "Recalculate the budget; totals must come from the line items."
    for line in sfs.lines:
        if line.amount.is_negative:
            out.fail(
                f"the {line.section} line '{line.category}' is negative ({line.amount})",
                "Enter every line item as a positive monthly amount.",
            )
    outgoings = fixed + flexible
    expected_afp = None
    if sfs.savings_contribution is not None and sfs.debt_admin_fee is not None:
        expected_afp = income - outgoings - sfs.savings_contribution - sfs.debt_admin_fee
    checks: list[tuple[str, Money | None, Money | None]] = [
        ("total income", sfs.total_income, income),
        ("total fixed costs", sfs.total_fixed, fixed),
        ("total flexible costs", sfs.total_flexible, flexible),
        ("total outgoings", sfs.total_outgoings, outgoings),
        ("available for priority debts", sfs.available_for_priority, expected_afp),
    ]
    if sfs.available_for_priority is not None and sfs.total_priority_offers is not None:
        checks.append(
            (
                "available for non-priority debts",
                sfs.available_for_non_priority,
                sfs.available_for_priority - sfs.total_priority_offers,
            )
        )
    else:
        checks.append(("available for non-priority debts", sfs.available_for_non_priority, None))
    for label, stored, expected in checks:
        if stored is None or expected is None:
            out.gap(
                f"{label} cannot be recomputed (a figure is missing)",
                "Complete the budget's totals, savings and fee figures.",
            )
        elif stored != expected:
            out.fail(f"{label} is {stored} but the lines give {expected}", fix)
    facts = _facts(
        lines=len(sfs.lines),
        income=income,
        fixed=fixed,
        flexible=flexible,
        stored_available_for_priority=sfs.available_for_priority,
        stored_available_for_non_priority=sfs.available_for_non_priority,
    )
    return out.verdict("The SFS totals add up and no line is negative.", facts)


def cr08_flexible_above_guideline(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Every flexible line above its spending guideline has a note or evidence."""
    sfs = case.sfs
    if sfs is None:
        return _missing("budget (SFS)", "Load the case's budget.")
    out = _Outcome()
    above: list[str] = []
    for line in sfs.lines:
        if line.section is not SfsSection.FLEXIBLE:
            continue
        if line.guideline is None:
            out.gap(
                f"no spending guideline is loaded for '{line.category}'",
                "Load the current SFS spending guidelines for the household type.",
            )
            continue
        if line.amount > line.guideline:
            above.append(line.category)
            if not line.has_note_or_evidence:
                out.fail(
                    f"'{line.category}' is {line.amount}, above the guideline {line.guideline}, "
                    "with no note or evidence",
                    "Add a note explaining the spending, with evidence where feasible.",
                )
    facts = _facts(flexible_lines_above_guideline=tuple(above))
    return out.verdict("Every flexible cost above its guideline is explained.", facts)


def cr09_debt_details(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Every debt has creditor, balance, priority and type; credit report checked or why not."""
    sched = case.debts
    if sched is None:
        return _missing("debt list", "Load the case's debts.")
    out = _Outcome()
    fix = "Complete the creditor, balance, priority and type of every debt."
    for debt in sched.debts:
        gaps = [
            name
            for name, value in (
                ("creditor", (debt.creditor or "").strip() or None),
                ("balance", debt.balance),
                ("priority", debt.priority),
                ("type", (debt.debt_type or "").strip() or None),
            )
            if value is None
        ]
        if gaps:
            out.fail(f"{_debt(debt)} has no {', '.join(gaps)}", fix)
    if (
        sched.credit_report_checked_on is None
        and not (sched.credit_report_not_checked_reason or "").strip()
    ):
        out.fail(
            "no credit report check, and no reason for not checking, is recorded",
            "Check the client's credit report or record why not.",
        )
    facts = _facts(
        debts=len(sched.debts),
        credit_report_checked_on=sched.credit_report_checked_on,
        credit_report_not_checked_reason=sched.credit_report_not_checked_reason,
    )
    return out.verdict("Every debt is fully described and the credit report is addressed.", facts)


def cr10_priority_first(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Priority debts have a strategy or offer before any non-priority offer; priority offers
    total no more than is available for priority debts."""
    sched = case.debts
    if sched is None:
        return _missing("debt list", "Load the case's debts.")
    out = _Outcome()
    unknown_priority = [d.id for d in sched.debts if d.priority is None]
    if unknown_priority:
        out.gap(
            f"priority is not set for {', '.join(unknown_priority)}",
            "Mark each debt priority or non-priority.",
        )
    priority = [d for d in sched.debts if d.priority is True]
    non_priority_offers = sorted(
        d.offer_on for d in sched.debts if d.priority is False and d.offer_on is not None
    )
    first_np = non_priority_offers[0] if non_priority_offers else None
    if first_np is not None:
        for debt in priority:
            acted = [d for d in (debt.offer_on, debt.strategy_on) if d is not None]
            if not acted or min(acted) > first_np:
                out.fail(
                    f"{_debt(debt)}, a priority debt, had no strategy or offer before the first "
                    f"non-priority offer on {first_np:%d %b %Y}",
                    "Deal with priority debts (home, liberty, essential services) before offering "
                    "to non-priority creditors.",
                )
    offers = [d.offer for d in priority if d.offer is not None]
    total_priority = _sum(offers)
    available = case.sfs.available_for_priority if case.sfs else None
    if offers:
        if available is None:
            out.gap("the amount available for priority debts is unknown", "Complete the budget.")
        elif total_priority > available and total_priority.pence > 0:
            # Nothing offered never exceeds what a deficit budget allows: offering nothing
            # is the deficit advice (budgets.deficit), not an unaffordable offer.
            out.fail(
                f"priority offers total {total_priority}, more than the {available} available",
                "Reduce priority offers to what the budget allows, or revisit the budget.",
            )
    facts = _facts(
        priority_debts=len(priority),
        first_non_priority_offer_on=first_np,
        priority_offers_total=total_priority,
        available_for_priority=available,
    )
    return out.verdict(
        "Priority debts were dealt with first and their offers are affordable.", facts
    )


def cr11_pro_rata(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Non-priority offers pro rata to balances (±1p) and within what is available."""
    sched = case.debts
    if sched is None:
        return _missing("debt list", "Load the case's debts.")
    offered = [d for d in sched.debts if d.priority is False and d.offer is not None]
    if not offered:
        return _not_applicable("No offers have been made to non-priority creditors.")
    sfs_available = case.sfs.available_for_non_priority if case.sfs else None
    facts = _facts(
        offers=tuple(f"{d.id}:{d.offer}" for d in offered),
        available_for_non_priority=sfs_available,
    )
    if sfs_available is None:
        return _missing(
            "figure for the amount available to non-priority debts", "Complete the budget.", facts
        )
    available = sfs_available
    out = _Outcome()
    if any(d.balance is None for d in offered):
        return _missing("balance for every debt with an offer", "Record each balance.", facts)
    total_offers = _sum(d.offer for d in offered if d.offer is not None)
    if available.pence <= 0:
        cap = ctx.policy.token_payment_max
        for d in offered:
            if d.offer is not None and d.offer > cap:
                out.fail(
                    f"nothing is available, yet {_debt(d)} is offered {d.offer}",
                    f"Offer token payments (up to {cap}) or a payment holiday.",
                )
        return out.verdict("Nothing is available: only token payments are offered.", facts)
    if total_offers > available:
        out.fail(
            f"non-priority offers total {total_offers}, more than the {available} available",
            "Reduce the offers to the amount available.",
        )
    total_balance = sum(d.balance.pence for d in offered if d.balance is not None)
    tol = ctx.policy.pro_rata_tolerance_pence
    for d in offered:
        if d.balance is None or d.offer is None:
            continue
        # Exact integers: |offer - A·b/B| ≤ tol  ⇔  |offer·B - A·b| ≤ tol·B.
        if abs(d.offer.pence * total_balance - available.pence * d.balance.pence) > (
            tol * total_balance
        ):
            share = Money(round(available.pence * d.balance.pence / total_balance))
            out.fail(
                f"{_debt(d)} is offered {d.offer}; pro rata it would be {share}",
                "Share the available amount pro rata to balances.",
            )
    return out.verdict("Non-priority offers are pro rata and within what is available.", facts)


def cr12_options_appraisal(case: CaseFile, ctx: RuleContext) -> Verdict:
    """The options appraisal covers every solution available in the jurisdiction."""
    if case.jurisdiction is None:
        return _missing("jurisdiction", "Record where the client lives (see CR-05).")
    if case.options is None:
        if case.recommendation_known and case.recommendation is None:
            return _not_applicable("No options appraisal or recommendation yet.")
        return _missing("options appraisal", "Record the options appraisal.")
    required = ctx.policy.required_options.get(case.jurisdiction, frozenset())
    listed = {o.solution for o in case.options}
    missing = sorted(required - listed)
    out = _Outcome()
    if missing:
        out.fail(
            f"the appraisal omits {_solutions(missing)}",
            "Consider every solution available in the client's jurisdiction.",
        )
    undecided = [o.solution for o in case.options if o.eligible is None]
    if undecided:
        out.fail(
            f"no eligibility decision is recorded for {_solutions(undecided)}",
            "Record whether the client is eligible for each option.",
        )
    unreasoned = [o.solution for o in case.options if not o.reason.strip()]
    if unreasoned:
        out.fail(
            f"no reason is given for {_solutions(unreasoned)}", "Give a reason for each option."
        )
    facts = _facts(listed=frozenset(listed), required=required)
    return out.verdict(
        "Every available solution was appraised with eligibility and reasons.", facts
    )


def cr13_affordable_payment(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Recommended payment within surplus; expected term recorded (CONC 8.2.2G(2)).

    Affordability is ``solutions.affordability.check_payment``, the function the advice
    record's save-time check calls: the surplus is the amount available for non-priority
    debts (its docstring quotes UK-DEBT-ADVICE §4 and §6 for why).
    """
    if (unknown := _recommendation_unknown(case)) is not None:
        return unknown
    rec = case.recommendation
    if rec is None:
        return _not_applicable("No solution has been recommended yet.")
    if rec.solution not in REGULAR_PAYMENT_SOLUTIONS:
        return _not_applicable(
            f"{rec.solution} has no regular payment to test.", _facts(recommended=rec.solution)
        )
    facts = _facts(
        recommended=rec.solution,
        monthly_payment=rec.monthly_payment,
        term_months=rec.term_months,
        available_for_non_priority=case.sfs.available_for_non_priority if case.sfs else None,
    )
    out = _Outcome()
    if rec.monthly_payment is None:
        out.fail("the recommended monthly payment is not recorded", "Record the payment.")
    else:
        check = check_payment(rec.monthly_payment, case.sfs)
        if check.outcome is Affordability.SURPLUS_UNKNOWN:
            out.gap(check.message, "Complete the SFS.")
        elif check.outcome is Affordability.OVER_SURPLUS:
            out.fail(check.message, "Recommend only what the budget shows the client can afford.")
    if rec.term_months is None:
        out.fail("the expected term is not recorded", "Record the expected term in months.")
    return out.verdict("The payment is affordable and the expected term is recorded.", facts)


# --------------------------------------------------------------------------- CR-14 … CR-17


def cr14_dro_eligibility(case: CaseFile, ctx: RuleContext) -> Verdict:
    """A recommended DRO passes DRO-E1…E8 using the limits in force on the submission date.

    The judge is the saved options appraisal (``solutions.rules``, the one DRO engine, with
    the dated thresholds of ``reference``): the case file carries the latest saved
    appraisal's DRO result, judged on the date the adviser appraised it for (DRO-E1).
    """
    if (unknown := _recommendation_unknown(case)) is not None:
        return unknown
    rec = case.recommendation
    if rec is None or rec.solution is not Solution.DRO:
        return _not_applicable("No DRO is recommended.")
    dro = case.dro
    if dro is None:
        return _missing(
            "saved options appraisal that judges a DRO",
            "Run and save the options appraisal on the DRO submission date.",
        )
    facts = _facts(
        jurisdiction=dro.jurisdiction,
        appraised_on=dro.on_date,
        status=dro.status,
        reasons=tuple(str(r) for r in dro.reasons if r.finding is not OptionFinding.PASS),
    )
    fix = "Record the missing facts and save the options appraisal again."
    out = _Outcome()
    for reason in dro.reasons:
        if reason.finding is OptionFinding.FAIL:
            out.fail(
                f"{reason.rule_id}: {reason.message}",
                "A DRO is not available; review other options.",
            )
        elif reason.finding in {OptionFinding.MISSING, OptionFinding.JUDGEMENT}:
            out.gap(f"{reason.rule_id}: {reason.message}", fix)
    if dro.status is not Eligibility.ELIGIBLE and not (out.failures or out.gaps):
        out.gap(f"the appraisal rates the DRO {dro.status}", fix)  # never a silent pass
    return out.verdict(
        f"The appraisal of {dro.on_date:%d %b %Y} finds DRO-E1…E8 met in {dro.jurisdiction}.",
        facts,
    )


def _breathing_space_gate(case: CaseFile) -> Verdict | None:
    if case.breathing_space is None:
        rec = case.recommendation
        if rec is not None and rec.solution in MORATORIA:
            return _missing(
                "breathing-space record although one is recommended",
                "Record the breathing-space application.",
            )
        return _not_applicable("No breathing space is recorded on this case.")
    return None


def cr15_breathing_space_entry(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Reg 24(3) checks recorded; advice given before the application; no fee (reg 4)."""
    if (gate := _breathing_space_gate(case)) is not None:
        return gate
    bs = case.breathing_space
    assert bs is not None
    out = _Outcome()
    required = set(BsCheck)
    if bs.kind is MoratoriumKind.MENTAL_HEALTH_CRISIS:
        required.discard(BsCheck.NO_STANDARD_BS_IN_12_MONTHS)  # reg 30(3)
    missing = sorted(required - bs.checks_confirmed)
    if missing:
        out.fail(
            f"eligibility checks not recorded: {', '.join(missing)}",
            "Record each reg 24(3) eligibility check before applying.",
        )
    previous = bs.previous_standard_ended_on
    if (
        bs.kind is MoratoriumKind.STANDARD
        and previous is not None
        and add_months(previous, 12) >= bs.applied_on
    ):
        out.fail(
            f"the previous standard breathing space ended on {previous:%d %b %Y}, within 12 "
            "months of this application",
            "A new standard breathing space is not available yet (reg 24(3)).",
        )
    if bs.advice_on is None:
        out.fail(
            "no advice on suitability, conditions and consequences is recorded",
            "Record the advice given before applying (reg 23).",
        )
    elif bs.advice_on > bs.applied_on:
        out.fail(
            f"advice was recorded on {bs.advice_on:%d %b %Y}, after the application on "
            f"{bs.applied_on:%d %b %Y}",
            "Give and record advice before applying.",
        )
    if bs.fee_charged.pence != 0:
        out.fail(
            f"a fee of {bs.fee_charged} was charged; breathing space must be free",
            "Refund the fee.",
        )
    facts = _facts(
        kind=bs.kind,
        applied_on=bs.applied_on,
        advice_on=bs.advice_on,
        checks_confirmed=bs.checks_confirmed,
        fee_charged=bs.fee_charged,
    )
    return out.verdict("Eligibility, prior advice and no-fee conditions are met.", facts)


def cr16_midway_review(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Midway review done on days 26–35 with an outcome (SI 2020/1311 reg 27)."""
    if (gate := _breathing_space_gate(case)) is not None:
        return gate
    bs = case.breathing_space
    assert bs is not None
    if bs.kind is not MoratoriumKind.STANDARD:
        return _not_applicable("Midway reviews apply to standard breathing spaces only.")
    if bs.start_on is None:
        return _not_applicable("The breathing space has not started yet.")
    opens, closes = moratorium_day(bs.start_on, 26), moratorium_day(bs.start_on, 35)
    facts = _facts(
        start_on=bs.start_on,
        window_opens=opens,
        window_closes=closes,
        review_on=bs.midway_review_on,
        outcome=bs.midway_review_outcome,
    )
    fix = "Carry out the midway review between day 26 and day 35 and record its outcome."
    review = bs.midway_review_on
    if review is None:
        if bs.ended_on is not None and bs.ended_on < opens:
            return _not_applicable("The breathing space ended before the review window.", facts)
        if ctx.today > closes:
            return Verdict(
                status=Status.FAIL,
                facts=facts,
                fix=fix,
                message=f"No midway review was done by day 35 ({closes:%d %b %Y}).",
            )
        return Verdict(
            status=Status.PASS,
            facts=facts,
            due_on=closes,
            message=f"Midway review not yet due: do it between {opens:%d %b %Y} and "
            f"{closes:%d %b %Y}.",
        )
    out = _Outcome()
    if not opens <= review <= closes:
        out.fail(
            f"the midway review on {review:%d %b %Y} is outside days 26–35 "
            f"({opens:%d %b %Y}–{closes:%d %b %Y})",
            fix,
        )
    if not (bs.midway_review_outcome or "").strip():
        out.fail("the midway review outcome is not recorded", fix)
    return out.verdict("The midway review was done in the window and its outcome recorded.", facts)


def cr17_creditor_reviews(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Creditor review requests (received by day 20) decided by day 35 (regs 17-18)."""
    if (gate := _breathing_space_gate(case)) is not None:
        return gate
    bs = case.breathing_space
    assert bs is not None
    if not bs.creditor_requests:
        return _not_applicable("No creditor asked for a review.")
    if bs.start_on is None:
        return _missing("breathing-space start date", "Record the start date.")
    last_request, decide_by = moratorium_day(bs.start_on, 20), moratorium_day(bs.start_on, 35)
    out = _Outcome()
    pending = False
    for req in bs.creditor_requests:
        if req.received_on > last_request:
            continue  # out of time: no duty to review (reg 17(3)); nothing to decide
        if req.decided_on is None:
            if ctx.today > decide_by:
                out.fail(
                    f"{req.creditor}'s review request was not decided by day 35 "
                    f"({decide_by:%d %b %Y})",
                    "Decide the review and notify the creditor.",
                )
            else:
                pending = True
        elif req.decided_on > decide_by:
            out.fail(
                f"{req.creditor}'s review request was decided on {req.decided_on:%d %b %Y}, "
                f"after day 35",
                "Decide creditor reviews by day 35.",
            )
    facts = _facts(
        requests=tuple(
            f"{r.creditor}:{r.received_on}:{_text(r.decided_on)}" for r in bs.creditor_requests
        ),
        request_deadline=last_request,
        decide_by=decide_by,
    )
    return out.verdict(
        "Creditor review requests are decided in time." + (" Some are pending." if pending else ""),
        facts,
        due_on=decide_by if pending else None,
    )


# --------------------------------------------------------------------------- CR-18 … CR-24


def cr18_written_advice(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Written advice summary sent within N working days (centre policy)."""
    adv = case.advice
    if adv is None:
        if case.recommendation is not None:
            return _missing(
                "record of when the advice was given, although a solution is recommended",
                "Record the date the advice was given.",
                _facts(recommended_on=case.recommendation.on),
            )
        return _not_applicable("No advice is recorded as given yet.")
    n = ctx.policy.written_advice_working_days
    due = written_advice_due(adv.given_on, n, ctx.calendar).due
    facts = _facts(
        advice_given_on=adv.given_on,
        letter_sent_on=adv.letter_sent_on,
        due_on=due,
        sections=adv.letter_sections,
        calendar=ctx.calendar_note or "centre calendar",
    )
    fix = "Send the written advice summary (options, recommendation, reasons, risks, next steps)."
    out = _Outcome()
    if adv.letter_sent_on is None:
        if ctx.today > due:
            out.fail(
                f"no written advice was sent within {n} working days (due {due:%d %b %Y})", fix
            )
        else:
            return Verdict(
                status=Status.PASS,
                facts=facts,
                due_on=due,
                message=f"Written advice is due by {due:%d %b %Y}.",
            )
    else:
        if adv.letter_sent_on > due:
            out.fail(
                f"written advice was sent on {adv.letter_sent_on:%d %b %Y}, after the "
                f"{n}-working-day target ({due:%d %b %Y})",
                fix,
            )
        missing = sorted(set(LetterSection) - adv.letter_sections)
        if missing:
            out.fail(f"the advice letter does not cover {', '.join(missing)}", fix)
    return out.verdict("Written advice was sent in time and covers every section.", facts)


def cr19_settlement_acceptance(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Creditor's written acceptance on file before a settlement is paid."""
    if case.settlements is None:
        return _missing("settlement records", "Load the case's settlements.")
    if not case.settlements:
        return _not_applicable("No full and final settlements are recorded.")
    out = _Outcome()
    for s in case.settlements:
        if s.paid_on is None:
            continue
        if s.written_acceptance_on is None:
            out.fail(
                f"{s.creditor} was paid {s.offered} on {s.paid_on:%d %b %Y} with no written "
                "acceptance on file",
                "Obtain and file the creditor's written acceptance.",
            )
        elif s.written_acceptance_on > s.paid_on:
            out.fail(
                f"{s.creditor} was paid before its written acceptance "
                f"({s.written_acceptance_on:%d %b %Y})",
                "Never pay before written acceptance is on file.",
            )
    facts = _facts(
        settlements=tuple(
            f"{s.creditor}:{_text(s.written_acceptance_on)}:{_text(s.paid_on)}"
            for s in case.settlements
        )
    )
    return out.verdict("Every paid settlement had written acceptance first.", facts)


def cr20_limitation_flag(case: CaseFile, ctx: RuleContext) -> Verdict:
    """A debt with no payment or acknowledgment for over 6 years (12 for mortgage-shortfall
    principal) is flagged before any offer (Limitation Act 1980 ss5, 20, 29)."""
    sched = case.debts
    if sched is None:
        return _missing("debt list", "Load the case's debts.")
    offered = [d for d in sched.debts if d.offer_on is not None]
    if not offered:
        return _not_applicable("No offers have been made, so none could waive limitation.")
    out = _Outcome()
    flagged: list[str] = []
    for d in offered:
        assert d.offer_on is not None
        dates = [x for x in (d.last_payment_on, d.last_ack_on) if x is not None]
        if not dates:
            out.gap(
                f"{_debt(d)} has no last payment or acknowledgment date",
                "Record the last payment and written acknowledgment dates.",
            )
            continue
        years = (
            ctx.policy.mortgage_shortfall_limitation_years
            if d.mortgage_shortfall
            else ctx.policy.limitation_years
        )
        barred_from = add_years(max(dates), years)
        if d.offer_on > barred_from:
            flagged.append(d.id)
            if d.limitation_flagged_on is None or d.limitation_flagged_on > d.offer_on:
                out.fail(
                    f"{_debt(d)} looks statute-barred (last activity {max(dates):%d %b %Y}, "
                    f"over {years} years) but was not flagged before the offer on "
                    f"{d.offer_on:%d %b %Y}",
                    "Flag possible limitation and advise before any payment or acknowledgment.",
                )
    facts = _facts(possibly_statute_barred=tuple(flagged))
    return out.verdict("Possibly statute-barred debts were flagged before any offer.", facts)


def _period_bounds(day: dt.date, months: int) -> tuple[dt.date, dt.date]:
    start_month = ((day.month - 1) // months) * months + 1
    start = dt.date(day.year, start_month, 1)
    return start, add_months(start, months) - dt.timedelta(days=1)


def cr21_file_reviews(case: CaseFile, ctx: RuleContext) -> Verdict:
    """≥ K supervisor file reviews per adviser in the last complete period, each complete."""
    if case.adviser_id is None:
        return _missing("assigned adviser", "Assign an adviser to the case.")
    if case.adviser_file_reviews is None:
        return _missing("file reviews for the adviser", "Load the adviser's file reviews.")
    months = ctx.policy.file_review_period_months
    current_start, _ = _period_bounds(ctx.today, months)
    start, end = _period_bounds(current_start - dt.timedelta(days=1), months)
    reviews = [
        r
        for r in case.adviser_file_reviews
        if r.adviser_id == case.adviser_id and start <= r.reviewed_on <= end
    ]
    quota = ctx.policy.file_review_quota
    joined = case.adviser_started_on
    if joined is not None and joined > start:
        own_start, own_end = _period_bounds(joined, months)
        first_end = (
            own_end
            if joined == own_start
            else _period_bounds(own_end + dt.timedelta(days=1), months)[1]
        )
        return Verdict(
            status=Status.NOT_APPLICABLE,
            facts=_facts(adviser_id=case.adviser_id, started_on=joined, quota=quota),
            due_on=first_end,
            message=f"The adviser started on {joined:%d %b %Y}, after the last complete "
            f"period began; their first full period ends on {first_end:%d %b %Y}, and "
            f"{quota} file review(s) are due in it.",
        )
    out = _Outcome()
    if len(reviews) < quota:
        out.fail(
            f"the adviser had {len(reviews)} file review(s) from {start:%d %b %Y} to "
            f"{end:%d %b %Y}; the centre requires {quota}",
            "Schedule supervisor file reviews to meet the quota.",
        )
    for r in reviews:
        gaps = [
            n
            for n, v in (
                ("reviewer", r.reviewer_id),
                ("score", r.score),
                ("actions", (r.actions or "").strip() or None),
            )
            if v is None
        ]
        if gaps:
            out.fail(
                f"the review of case {r.case_id} on {r.reviewed_on:%d %b %Y} has no "
                f"{', '.join(gaps)}",
                "Complete each review's reviewer, score and actions.",
            )
    facts = _facts(
        adviser_id=case.adviser_id,
        period_start=start,
        period_end=end,
        reviews=len(reviews),
        quota=quota,
    )
    return out.verdict("The adviser's file reviews meet the quota and are complete.", facts)


def cr22_retention(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Closed case has a retention date (policy, default 6 years) and is disposed of on time."""
    closure = case.closure
    if closure is None:
        return _not_applicable("The case is open.")
    if closure.closed_on is None:
        return _missing("closing date for this closed case", "Record when the case closed.")
    expected = add_years(closure.closed_on, ctx.policy.retention_years)
    facts = _facts(
        closed_on=closure.closed_on,
        retain_until=closure.retain_until,
        policy_retain_until=expected,
        disposed_on=closure.disposed_on,
        legal_hold=closure.legal_hold,
    )
    out = _Outcome()
    if closure.retain_until is None:
        out.fail(
            "the closed case has no retention date",
            f"Set the retention date ({expected:%d %b %Y} under centre policy).",
        )
        return out.verdict("", facts)
    if closure.retain_until < expected:
        out.fail(
            f"retention until {closure.retain_until:%d %b %Y} is shorter than the "
            f"{ctx.policy.retention_years}-year policy",
            "Correct the retention date.",
        )
    elif closure.retain_until > expected and not closure.legal_hold:
        out.fail(
            f"retention until {closure.retain_until:%d %b %Y} exceeds policy with no legal "
            "hold (storage limitation)",
            "Correct the date or record the legal hold.",
        )
    if not closure.legal_hold:
        deadline = closure.retain_until + dt.timedelta(days=ctx.policy.disposal_grace_days)
        disposed = closure.disposed_on
        if (disposed is None and ctx.today > deadline) or (
            disposed is not None and disposed > deadline
        ):
            out.fail(
                f"the file was due for deletion or anonymisation by {deadline:%d %b %Y}",
                "Run the retention batch for this case.",
            )
    return out.verdict(
        "The retention date follows policy and disposal is on time.",
        facts,
        due_on=closure.retain_until if closure.disposed_on is None else None,
    )


def cr23_data_subject_requests(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Data-subject requests answered by their due date (UK GDPR Art 12(3); ICO)."""
    if case.data_subject_requests is None:
        return _missing("data-subject request log", "Load the case's data-subject requests.")
    if not case.data_subject_requests:
        return _not_applicable("No data-subject requests are recorded.")
    out = _Outcome()
    next_due: dt.date | None = None
    shown: list[str] = []
    for r in case.data_subject_requests:
        start = r.clock_started_on or r.received_on
        first, extended = sar_deadlines(start, ctx.calendar)
        due = first.due
        if r.extended:
            if r.extension_notified_on is not None and r.extension_notified_on <= first.due:
                due = extended.due
            else:
                out.fail(
                    f"request {r.id} was extended without telling the requester within "
                    f"the first month (by {first.due:%d %b %Y})",
                    "Tell the requester of an extension, with reasons, within one month.",
                )
        shown.append(f"{r.id}:{r.kind}:due {due.isoformat()}:{_text(r.answered_on)}")
        if r.answered_on is None:
            if ctx.today > due:
                out.fail(
                    f"{r.kind} request {r.id} is overdue (due {due:%d %b %Y})",
                    "Answer the request now and record it.",
                )
            else:
                next_due = due if next_due is None else min(next_due, due)
        elif r.answered_on > due:
            out.fail(
                f"{r.kind} request {r.id} was answered on {r.answered_on:%d %b %Y}, after "
                f"its due date {due:%d %b %Y}",
                "Answer requests by the due date.",
            )
    facts = _facts(requests=tuple(shown), calendar=ctx.calendar_note or "centre calendar")
    return out.verdict("Data-subject requests were answered on time.", facts, due_on=next_due)


def cr24_complaints(case: CaseFile, ctx: RuleContext) -> Verdict:
    """Complaints handled within configured limits (DISP 8 weeks [U]; DP ack 30 days [S])."""
    if case.complaints is None:
        return _missing("complaints log", "Load the case's complaints.")
    if not case.complaints:
        return _not_applicable("No complaints are recorded.")
    policy = ctx.policy
    out = _Outcome()
    for c in case.complaints:
        final_due = c.received_on + dt.timedelta(days=policy.complaint_final_response_days)
        if (c.final_response_on is None and ctx.today > final_due) or (
            c.final_response_on is not None and c.final_response_on > final_due
        ):
            out.fail(
                f"complaint {c.id} had no final response within "
                f"{policy.complaint_final_response_days} days (due {final_due:%d %b %Y})",
                "Send a final response and record it.",
            )
        if (
            c.kind is ComplaintKind.DATA_PROTECTION
            and c.received_on >= policy.dp_complaint_ack_from
        ):
            ack_due = c.received_on + dt.timedelta(days=policy.dp_complaint_ack_days)
            if (c.acknowledged_on is None and ctx.today > ack_due) or (
                c.acknowledged_on is not None and c.acknowledged_on > ack_due
            ):
                out.fail(
                    f"data-protection complaint {c.id} was not acknowledged within "
                    f"{policy.dp_complaint_ack_days} days (due {ack_due:%d %b %Y})",
                    "Acknowledge data-protection complaints within 30 days.",
                )
    facts = _facts(
        complaints=tuple(
            f"{c.id}:{c.kind}:{c.received_on}:{_text(c.final_response_on)}" for c in case.complaints
        )
    )
    return out.verdict("Complaints were handled within the limits.", facts)
