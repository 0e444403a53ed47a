from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cma_core.budgets.offers import OfferKind, Share, plan_offers, pro_rata, token_offers
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money


def _shares(*pence: int) -> list[Share]:
    return [Share(i, Money(p)) for i, p in enumerate(pence)]


def test_worked_example_from_the_domain_reference() -> None:
    offers = pro_rata(Money(10_000), _shares(50_000, 100_000, 23_300, 20_000))
    assert [o.amount.pence for o in offers] == [2_587, 5_173, 1_205, 1_035]
    assert sum(o.amount.pence for o in offers) == 10_000


def test_ties_go_to_the_larger_balance_then_creditor_order() -> None:
    # 1p over three equal balances: all fractions tie, so the first creditor gets it
    assert [o.amount.pence for o in pro_rata(Money(1), _shares(100, 100, 100))] == [1, 0, 0]
    # 2p over 3 equal: first two
    assert [o.amount.pence for o in pro_rata(Money(2), _shares(100, 100, 100))] == [1, 1, 0]
    # exact shares 0.5p and 1.5p: equal fractions, so the larger balance gets the penny,
    # whichever order the creditors are listed in
    assert [o.amount.pence for o in pro_rata(Money(2), _shares(100, 300))] == [0, 2]
    assert [o.amount.pence for o in pro_rata(Money(2), _shares(300, 100))] == [2, 0]


def test_zero_balances_and_zero_available() -> None:
    assert [o.amount.pence for o in pro_rata(Money(500), _shares(0, 0))] == [0, 0]
    assert [o.amount.pence for o in pro_rata(Money(0), _shares(10, 20))] == [0, 0]
    assert [o.amount.pence for o in pro_rata(Money(500), _shares(0, 100))] == [0, 100]
    assert pro_rata(Money(500), []) == ()


def test_never_pays_more_than_owed() -> None:
    offers = pro_rata(Money(10_000), _shares(100, 300))
    assert [o.amount.pence for o in offers] == [100, 300]


def test_negative_inputs_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        pro_rata(Money(-1), _shares(1))
    assert exc.value.field == "available"
    with pytest.raises(ValidationError) as exc:
        pro_rata(Money(1), [Share("a", Money(-5))])
    assert exc.value.field == "shares[0].balance"


@given(
    st.integers(min_value=0, max_value=10_000_000),
    st.lists(st.integers(min_value=0, max_value=100_000_000), min_size=1, max_size=30),
)
def test_pro_rata_properties(available: int, balances: list[int]) -> None:
    offers = pro_rata(Money(available), _shares(*balances))
    amounts = [o.amount.pence for o in offers]
    total_balance = sum(balances)
    assert sum(amounts) <= available
    assert all(a >= 0 for a in amounts)
    if total_balance == 0:
        assert amounts == [0] * len(balances)
        return
    pot = min(available, total_balance)
    assert sum(amounts) == pot  # nothing lost to rounding
    for amount, balance in zip(amounts, balances, strict=True):
        exact = Fraction(pot * balance, total_balance)
        assert abs(Fraction(amount) - exact) < 1  # within 1p of the exact share
        assert amount <= balance


@given(st.lists(st.integers(min_value=1, max_value=10**7), min_size=2, max_size=10))
def test_larger_balance_never_gets_a_smaller_offer(balances: list[int]) -> None:
    amounts = [o.amount.pence for o in pro_rata(Money(12_345), _shares(*balances))]
    for i in range(len(balances)):
        for j in range(len(balances)):
            if balances[i] > balances[j]:
                assert amounts[i] >= amounts[j]


def test_token_offers_skip_cleared_debts() -> None:
    offers = token_offers(_shares(100, 0), Money(100))
    assert [o.amount.pence for o in offers] == [100, 0]
    assert {o.kind for o in offers} == {OfferKind.TOKEN}


ON = dt.date(2025, 1, 15)


def test_plan_pays_priority_first_then_pro_rata() -> None:
    plan = plan_offers(
        available_for_priority=Money(15_000),
        priority_offers=[("rent", Money(5_000))],
        non_priority=_shares(50_000, 100_000, 23_300, 20_000),
        jurisdiction=Jurisdiction.EW,
        on_date=ON,
    )
    assert plan.total_priority_offers == Money(5_000)
    assert plan.available_for_non_priority == Money(10_000)
    assert [o.amount.pence for o in plan.non_priority_offers] == [2_587, 5_173, 1_205, 1_035]
    assert not plan.uses_token_payments


def test_priority_offers_may_use_everything_available() -> None:
    plan = plan_offers(
        available_for_priority=Money(5_000),
        priority_offers=[("rent", Money(5_000))],
        non_priority=_shares(1_000, 2_000),
        jurisdiction=Jurisdiction.EW,
        on_date=ON,
    )
    assert plan.uses_token_payments
    assert [o.amount.pence for o in plan.non_priority_offers] == [100, 100]
    assert "token payments of £1.00" in plan.notes[0]


def test_priority_offers_over_available_rejected_by_one_penny() -> None:
    with pytest.raises(ValidationError) as exc:
        plan_offers(
            available_for_priority=Money(5_000),
            priority_offers=[("rent", Money(3_000)), ("council tax", Money(2_001))],
            non_priority=[],
            jurisdiction=Jurisdiction.EW,
            on_date=ON,
        )
    assert exc.value.field == "priority_offers"


def test_deficit_budget_allows_no_priority_offer_and_no_tokens_by_default() -> None:
    with pytest.raises(ValidationError):
        plan_offers(
            available_for_priority=Money(-100),
            priority_offers=[("rent", Money(1))],
            non_priority=[],
            jurisdiction=Jurisdiction.EW,
            on_date=ON,
        )
    plan = plan_offers(
        available_for_priority=Money(-100),
        priority_offers=[],
        non_priority=_shares(500),
        jurisdiction=Jurisdiction.SCO,
        on_date=ON,
    )
    # A deficit is not a nil budget: nothing offered, the shortfall and the options noted.
    assert not plan.uses_token_payments
    assert plan.non_priority_offers == ()
    assert plan.shortfall == Money(100)
    assert "in deficit" in plan.notes[0]
    assert [n.split(":")[0] for n in plan.notes[1:]] == [
        "DEF-INCOME",
        "DEF-PRIORITY",
        "DEF-HOLD",  # a Scottish case: Breathing Space is England and Wales only
        "DEF-NO-TOKENS",
    ]
    assert all("UK-DEBT-ADVICE §" in n for n in plan.notes[1:])
    # The adviser may still ask for token payments.
    asked = plan_offers(
        available_for_priority=Money(-100),
        priority_offers=[],
        non_priority=_shares(500),
        jurisdiction=Jurisdiction.SCO,
        on_date=ON,
        tokens_in_deficit=True,
    )
    assert asked.uses_token_payments
    assert asked.non_priority_offers[0].amount == Money(100)
    assert asked.shortfall == Money(100)


def test_a_nil_budget_is_not_a_deficit() -> None:
    plan = plan_offers(
        available_for_priority=Money(0),
        priority_offers=[],
        non_priority=_shares(500),
        jurisdiction=Jurisdiction.EW,
        on_date=ON,
    )
    assert plan.uses_token_payments
    assert plan.shortfall is None


def test_negative_priority_offer_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        plan_offers(
            available_for_priority=Money(5_000),
            priority_offers=[("rent", Money(-1))],
            non_priority=[],
            jurisdiction=Jurisdiction.EW,
            on_date=ON,
        )
    assert exc.value.field == "priority_offers[0]"
