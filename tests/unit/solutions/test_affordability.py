"""CR-13: the one affordability check, and the decision it pins (the surplus is the amount
available for non-priority debts, not the amount available for priority debts)."""

from __future__ import annotations

import attrs
import pytest

from cma_core.budgets.model import Budget, Household
from cma_core.shared.money import Money
from cma_core.solutions.affordability import Affordability, budget_figures, check_payment


def worked_example() -> Budget:
    """£1,500 income, £1,350 outgoings: £150 available for priority debts."""
    b = Budget(household=Household())
    b.set_line("client_salary", Money(150_000))
    b.set_line("rent", Money(135_000))
    b.set_savings_contribution(Money(0))
    return b


def test_the_surplus_is_what_is_left_after_priority_offers() -> None:
    summary = worked_example().summary(Money(5_000))  # £50 a month to the rent arrears
    assert summary.available_for_priority == Money(15_000)
    assert summary.available_for_non_priority == Money(10_000)
    # £120 fits the £150 available for priority debts, but not the £100 left for the
    # non-priority creditors a DMP pays: not affordable (CONC 8.2.2G(2)).
    check = check_payment(Money(12_000), summary)
    assert check.outcome is Affordability.OVER_SURPLUS
    assert check.surplus == Money(10_000)
    assert check_payment(Money(10_000), summary).affordable


@pytest.mark.parametrize(
    ("payment", "surplus", "expected"),
    [
        (0, -5_000, Affordability.AFFORDABLE),  # nothing asked of a deficit budget
        (1, -5_000, Affordability.OVER_SURPLUS),
        (1, 0, Affordability.OVER_SURPLUS),
        (1, None, Affordability.SURPLUS_UNKNOWN),
        (0, None, Affordability.AFFORDABLE),
    ],
)
def test_edges(payment: int, surplus: int | None, expected: Affordability) -> None:
    figures = None
    if surplus is not None:
        figures = attrs.evolve(
            worked_example().summary(Money(0)), available_for_non_priority=Money(surplus)
        )
    check = check_payment(Money(payment), figures)
    assert check.outcome is expected


def test_budget_figures_take_the_latest_plans_priority_offers() -> None:
    assert budget_figures(None, []) is None
    figures = budget_figures(worked_example(), [])
    assert figures is not None
    assert figures.available_for_non_priority == Money(15_000)
