"""CR-13: is a recommended monthly payment affordable? One function for both callers.

The advice record's save-time check (``solutions.service.AppraisalService.record_advice``)
and the compliance rule (``compliance.rules.cr13_affordable_payment``) both call
:func:`check_payment`, so the two can no longer disagree about the number.

**Which amount is the surplus.** UK-DEBT-ADVICE.md §4 (SFS-DDS formulas)::

    available_for_priority     = income - total_outgoings - savings_contribution - debt_admin_fee
    available_for_non_priority = available_for_priority - total_priority_offers

and §6: "recommending a solution the firm knows, believes or ought to suspect is
**unaffordable** likely breaches Principles 2, 6 and 9, and the **expected term** matters"
(CONC 8.2.2G(2)); CR-13 "Recommended payment ≤ surplus". The solutions with a regular
payment pay the *non-priority* creditors ("DMP: covers **unsecured non-priority** debts
only", §1.6), while priority debts are dealt with first, out of the amount available for
priority debts (CR-10: "Priority debts have a strategy or offer before any non-priority
offer"). What the priority offers take is not there for the solution, so the surplus a
recommended payment must fit is ``available_for_non_priority``. Testing against
``available_for_priority`` (as the save-time check did) passed a DMP payment that, with the
priority arrears payments, is more than the client has each month.

Worked example: £1,500 income, £1,350 outgoings: £150 available for priority debts; £50 a
month offered on rent arrears leaves £100 for non-priority debts. A £120 DMP payment fits
the £150 but not the £100: it is not affordable.

A deficit counts as a surplus of nothing, so a payment of £0 is always affordable.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Protocol

from attrs import frozen

from cma_core.budgets.model import Budget, BudgetSummary
from cma_core.budgets.ports import OfferPlanRecord
from cma_core.shared.money import Money


class BudgetFigures(Protocol):
    """The budget figure CR-13 reads (``BudgetSummary``, or compliance's ``SfsSummary``)."""

    @property
    def available_for_non_priority(self) -> Money | None: ...


class Affordability(enum.StrEnum):
    AFFORDABLE = "affordable"
    OVER_SURPLUS = "over_surplus"
    SURPLUS_UNKNOWN = "surplus_unknown"  # no budget, or its figure is missing


@frozen(kw_only=True)
class PaymentCheck:
    payment: Money
    surplus: Money | None  # the amount available for non-priority debts
    outcome: Affordability

    @property
    def affordable(self) -> bool:
        return self.outcome is Affordability.AFFORDABLE

    @property
    def message(self) -> str:
        if self.outcome is Affordability.OVER_SURPLUS:
            return (
                f"the payment {self.payment} exceeds the surplus {self.surplus} "
                "(the amount available for non-priority debts)"
            )
        if self.outcome is Affordability.SURPLUS_UNKNOWN:
            return "the surplus available for non-priority debts is unknown"
        return f"the payment {self.payment} is within the surplus {self.surplus}"


def check_payment(payment: Money, budget: BudgetFigures | None) -> PaymentCheck:
    """CR-13 (CONC 8.2.2G(2)): ``payment`` (monthly) against the budget's surplus, which
    is the amount available for non-priority debts (see the module docstring)."""
    surplus = budget.available_for_non_priority if budget is not None else None
    if payment.pence <= 0:
        outcome = Affordability.AFFORDABLE
    elif surplus is None:
        outcome = Affordability.SURPLUS_UNKNOWN
    elif payment.pence > max(surplus.pence, 0):
        outcome = Affordability.OVER_SURPLUS
    else:
        outcome = Affordability.AFFORDABLE
    return PaymentCheck(payment=payment, surplus=surplus, outcome=outcome)


def latest_plan(plans: Sequence[OfferPlanRecord]) -> OfferPlanRecord | None:
    """The offer plan in force: the latest by date, then by when it was made."""
    return max(plans, key=lambda p: (p.on_date, p.created_at), default=None)


def budget_figures(budget: Budget | None, plans: Sequence[OfferPlanRecord]) -> BudgetSummary | None:
    """The budget's SFS figures with the latest offer plan's priority offers taken off, as
    the compliance case file reads them; ``None`` without a budget."""
    if budget is None:
        return None
    plan = latest_plan(plans)
    return budget.summary(plan.total_priority_offers if plan else None)
