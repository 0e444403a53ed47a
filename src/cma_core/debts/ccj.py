"""The one-month rule for a county court judgment (England and Wales).

A CCJ paid in full **within one calendar month** of the judgment's date is removed from
the Register of Judgments, Orders and Fines (the debtor applies with form N443 for a
certificate of cancellation); paid later, it is marked *satisfied* and stays on the
Register for six years. Source: /work/shared/domain/UK-DEBT-ADVICE.md §5 ("CCJ paid within
1 calendar month: entry removed from the Register", [V] HMCTS leaflet).

"One calendar month" counts to the same date of the next month, or its last day if there
is none (31 January → 28/29 February), the same arithmetic as ``reference.periods``.
"""

from __future__ import annotations

import datetime as dt
import enum

from attrs import frozen

from cma_core.debts.model import Debt
from cma_core.reference.periods import add_months

RULE_ID = "CCJ-1M"
SOURCE = "UK-DEBT-ADVICE §5 (CCJ paid within 1 calendar month: removed; HMCTS leaflet)"


class RegisterOutcome(enum.StrEnum):
    """What happens to the judgment's Register entry."""

    PAY_TO_REMOVE = "pay_to_remove"  # unpaid, the month still running: pay by the date
    REMOVED = "removed"  # paid within the month: apply for cancellation (N443)
    SATISFIED = "satisfied"  # paid after the month: marked satisfied, six years
    STAYS = "stays"  # unpaid and the month over: six years, marked satisfied when paid


@frozen
class CcjAssessment:
    outcome: RegisterOutcome
    judgment_on: dt.date
    pay_by: dt.date
    paid_on: dt.date | None
    rule_id: str = RULE_ID
    source: str = SOURCE


def pay_by(judgment_on: dt.date) -> dt.date:
    """The last day a payment in full gets the entry removed."""
    return add_months(judgment_on, 1)


def assess_ccj(debt: Debt, today: dt.date) -> CcjAssessment | None:
    """The Register outcome of the debt's judgment; ``None`` without a judgment date."""
    if debt.ccj_date is None:
        return None
    last = pay_by(debt.ccj_date)
    paid = debt.ccj_paid_date
    if paid is not None:
        outcome = RegisterOutcome.REMOVED if paid <= last else RegisterOutcome.SATISFIED
    else:
        outcome = RegisterOutcome.PAY_TO_REMOVE if today <= last else RegisterOutcome.STAYS
    return CcjAssessment(outcome=outcome, judgment_on=debt.ccj_date, pay_by=last, paid_on=paid)
