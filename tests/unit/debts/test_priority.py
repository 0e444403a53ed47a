from __future__ import annotations

import datetime as dt

import pytest

from cma_core.debts.model import DebtType, EnforcementStage
from cma_core.debts.priority import PRIORITY_TABLE, Basis, Treatment, classify, is_priority
from debts.builders import debt

PRIORITY = [
    DebtType.MORTGAGE,
    DebtType.SECURED_LOAN,
    DebtType.RENT,
    DebtType.GROUND_RENT_SERVICE_CHARGE,
    DebtType.COUNCIL_TAX,
    DebtType.GAS,
    DebtType.ELECTRICITY,
    DebtType.TV_LICENCE,
    DebtType.MAGISTRATES_FINE,
    DebtType.CHILD_MAINTENANCE,
    DebtType.INCOME_TAX_VAT_NI,
]
NON_PRIORITY = [
    DebtType.WATER,
    DebtType.CREDIT_CARD,
    DebtType.STORE_CARD,
    DebtType.CATALOGUE,
    DebtType.PERSONAL_LOAN,
    DebtType.PAYDAY_LOAN,
    DebtType.OVERDRAFT,
    DebtType.BNPL,
    DebtType.FAMILY_LOAN,
    DebtType.PARKING_CHARGE,
    DebtType.STUDENT_LOAN,
    DebtType.MORTGAGE_SHORTFALL,
]
CASE_BY_CASE = [
    DebtType.BENEFIT_OVERPAYMENT,
    DebtType.TAX_CREDIT_OVERPAYMENT,
    DebtType.SOCIAL_FUND_LOAN,
    DebtType.UNIVERSAL_CREDIT_ADVANCE,
]


def test_table_covers_every_type() -> None:
    assert set(PRIORITY_TABLE) == set(DebtType)


@pytest.mark.parametrize("debt_type", PRIORITY)
def test_priority_types(debt_type: DebtType) -> None:
    result = classify(debt(debt_type))
    assert result.is_priority
    assert result.basis is Basis.TABLE
    assert not result.needs_adviser_decision


@pytest.mark.parametrize("debt_type", NON_PRIORITY)
def test_non_priority_types(debt_type: DebtType) -> None:
    result = classify(debt(debt_type))
    assert not result.is_priority
    assert not result.needs_adviser_decision


@pytest.mark.parametrize("debt_type", NON_PRIORITY)
@pytest.mark.parametrize(
    "stage", [EnforcementStage.JUDGMENT, EnforcementStage.ATTACHMENT_OF_EARNINGS, None]
)
def test_a_ccj_alone_never_makes_a_debt_priority(
    debt_type: DebtType, stage: EnforcementStage | None
) -> None:
    result = classify(debt(debt_type, ccj=True, enforcement_stage=stage))
    assert not result.is_priority
    assert any(f.startswith("PRI-CCJ") for f in result.flags)


def test_domestic_water_is_not_priority() -> None:
    result = classify(debt(DebtType.WATER))
    assert not result.is_priority
    assert "no disconnection" in result.sanction


@pytest.mark.parametrize("debt_type", CASE_BY_CASE)
def test_benefit_overpayments_not_priority_by_default_but_flagged(debt_type: DebtType) -> None:
    result = classify(debt(debt_type))
    assert not result.is_priority
    assert result.treatment is Treatment.CASE_BY_CASE
    assert result.needs_adviser_decision
    assert any(f.startswith("PRI-BEN") for f in result.flags)


@pytest.mark.parametrize(
    ("essential", "expected", "needs_decision"),
    [(True, True, False), (False, False, False), (None, True, True)],
)
def test_hire_purchase_depends_on_the_goods(
    essential: bool | None, expected: bool, needs_decision: bool
) -> None:
    result = classify(debt(DebtType.HIRE_PURCHASE, hp_goods_essential=essential))
    assert result.is_priority is expected
    assert result.needs_adviser_decision is needs_decision


def test_adviser_override_wins_and_keeps_the_reason() -> None:
    d = debt(DebtType.CREDIT_CARD, enforcement_stage=EnforcementStage.CHARGING_ORDER)
    before = classify(d)
    assert not before.is_priority
    assert any(f.startswith("PRI-ENF") for f in before.flags)
    d.override_priority(
        is_priority=True,
        reason="charging order: order for sale threatened",
        by=None,
        on=dt.date(2025, 1, 1),
    )
    after = classify(d)
    assert after.is_priority
    assert after.basis is Basis.OVERRIDE
    assert after.override_reason == "charging order: order for sale threatened"
    assert is_priority(d)


def test_override_can_demote_and_settles_a_case_by_case_debt() -> None:
    d = debt(DebtType.BENEFIT_OVERPAYMENT)
    d.override_priority(
        is_priority=True, reason="recovered by court action", by=None, on=dt.date(2025, 1, 1)
    )
    result = classify(d)
    assert result.is_priority
    assert not result.needs_adviser_decision
    rent = debt(DebtType.RENT)
    rent.override_priority(
        is_priority=False,
        reason="former tenancy, no eviction risk",
        by=None,
        on=dt.date(2025, 1, 1),
    )
    assert not classify(rent).is_priority


def test_other_type_needs_a_decision() -> None:
    assert classify(debt(DebtType.OTHER)).needs_adviser_decision
