"""DB-01, a budget in deficit (outgoings above income): the shortfall flagged on the
findings with the options for a deficit budget, and a failure when payments that deepen
the shortfall are offered or recommended.

Like CC-01 it sits beside the CR rules of the registry (UK-DEBT-ADVICE §6.1 has no rule
for it): recommending what the client cannot afford likely breaches Principles 2, 6 and 9
(CONC 8.2.2G(2), UK-DEBT-ADVICE §6), and token payments suit a nil or low surplus, not a
deficit (§1.6).
"""

from __future__ import annotations

from cma_core.budgets.deficit import deficit_of
from cma_core.compliance.casefile import CaseFile
from cma_core.compliance.model import Finding, Severity, Status
from cma_core.shared.money import Money
from cma_core.solutions.model import REGULAR_PAYMENT_SOLUTIONS

DEFICIT_RULE_ID = "DB-01"
DEFICIT_RULE_TITLE = "A deficit budget is flagged and no payment deepens it"
DEFICIT_RULE_SOURCE = "CONC 8.2.2G(2); UK-DEBT-ADVICE §1.6, §2, §3, §4"


def deficit_finding(case: CaseFile) -> Finding:
    available = case.sfs.available_for_priority if case.sfs else None
    deficit = deficit_of(available, case.jurisdiction)

    def finding(status: Status, message: str, fix: str | None = None) -> Finding:
        facts: tuple[tuple[str, str], ...] = (("available_for_priority", str(available)),)
        if deficit is not None:
            notes = tuple((n.id, f"{n.text} [{n.source}]") for n in deficit.notes)
            facts += (("shortfall", str(deficit.shortfall)), *notes)
        return Finding(
            rule_id=DEFICIT_RULE_ID,
            severity=Severity.HIGH,
            status=status,
            message=message,
            facts=facts,
            fix=fix,
        )

    if case.sfs is None or available is None:
        return finding(Status.NOT_APPLICABLE, "No budget is recorded yet.")
    if deficit is None:
        return finding(Status.NOT_APPLICABLE, "The budget is not in deficit.")
    problems = []
    offered = [
        d.offer
        for d in (case.debts.debts if case.debts else ())
        if d.priority is False and d.offer is not None and d.offer.pence > 0
    ]
    if offered:
        total = Money(sum(o.pence for o in offered))
        problems.append(f"{total} a month is offered to non-priority creditors")
    rec = case.recommendation
    if (
        rec is not None
        and rec.solution in REGULAR_PAYMENT_SOLUTIONS
        and rec.monthly_payment is not None
        and rec.monthly_payment.pence > 0
    ):
        problems.append(f"{rec.solution} at {rec.monthly_payment} a month is recommended")
    options = ", ".join(n.title for n in deficit.notes)
    if problems:
        return finding(
            Status.FAIL,
            f"{deficit.message.capitalize()}, yet {' and '.join(problems)}.",
            "Withdraw payments the budget cannot make; advise on: " + options + ".",
        )
    return finding(
        Status.PASS,
        f"{deficit.message.capitalize()}; no payment deepens it. Advise on: {options}.",
    )
