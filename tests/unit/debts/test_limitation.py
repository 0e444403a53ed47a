from __future__ import annotations

import datetime as dt

import pytest

from cma_core.debts.limitation import LimitationStatus, assess_limitation
from cma_core.debts.model import DebtType
from cma_core.reference.jurisdiction import Jurisdiction
from debts.builders import debt

D = dt.date
W, E, U = (
    LimitationStatus.WITHIN_PERIOD,
    LimitationStatus.PERIOD_EXPIRED,
    LimitationStatus.UNKNOWN,
)


def test_six_years_boundary_from_last_payment() -> None:
    d = debt(last_payment_date=D(2019, 3, 15), last_acknowledgment_date=D(2018, 1, 1), ccj=False)
    on_anniversary = assess_limitation(d, D(2025, 3, 15))
    assert on_anniversary.status is W
    assert on_anniversary.expires_on == D(2025, 3, 15)
    assert not on_anniversary.warning
    day_after = assess_limitation(d, D(2025, 3, 16))
    assert day_after.status is E
    assert day_after.warning
    assert day_after.rule_id == "LIM-01"
    assert assess_limitation(d, D(2025, 3, 14)).status is W


def test_the_later_date_counts_acknowledgment_restarts() -> None:
    d = debt(last_payment_date=D(2015, 1, 1), last_acknowledgment_date=D(2020, 6, 1), ccj=False)
    result = assess_limitation(d, D(2026, 6, 1))
    assert result.runs_from == D(2020, 6, 1)
    assert result.status is W
    assert assess_limitation(d, D(2026, 6, 2)).status is E


def test_mortgage_shortfall_principal_is_twelve_years() -> None:
    d = debt(
        DebtType.MORTGAGE_SHORTFALL,
        last_payment_date=D(2013, 5, 1),
        last_acknowledgment_date=D(2013, 5, 1),
        ccj=False,
    )
    assert assess_limitation(d, D(2019, 5, 2)).status is W  # would be barred at 6 years
    assert assess_limitation(d, D(2025, 5, 1)).status is W
    result = assess_limitation(d, D(2025, 5, 2))
    assert result.status is E
    assert result.rule_id == "LIM-02"
    assert any("interest" in r for r in result.reasons)


def test_both_dates_missing_is_unknown() -> None:
    result = assess_limitation(debt(), D(2025, 1, 1))
    assert result.status is U
    assert "missing: last payment date and last written acknowledgment date" in result.reasons[0]


def test_one_date_missing_cannot_confirm_expiry() -> None:
    d = debt(last_payment_date=D(2010, 1, 1), ccj=False)
    result = assess_limitation(d, D(2025, 1, 1))
    assert result.status is U
    assert any("missing: last written acknowledgment date" in r for r in result.reasons)
    # ...but a recent known date is enough to say the period has not run out
    recent = debt(last_payment_date=D(2024, 1, 1))
    assert assess_limitation(recent, D(2025, 1, 1)).status is W


@pytest.mark.parametrize(
    "debt_type", [DebtType.COUNCIL_TAX, DebtType.BENEFIT_OVERPAYMENT, DebtType.MAGISTRATES_FINE]
)
def test_other_regimes_are_not_auto_warned(debt_type: DebtType) -> None:
    d = debt(
        debt_type,
        last_payment_date=D(2010, 1, 1),
        last_acknowledgment_date=D(2010, 1, 1),
        ccj=False,
    )
    result = assess_limitation(d, D(2025, 1, 1))
    assert result.status is U
    assert any(r.startswith("LIM-03") for r in result.reasons)


def test_judgment_debt_is_adviser_judgement() -> None:
    d = debt(last_payment_date=D(2010, 1, 1), last_acknowledgment_date=D(2010, 1, 1), ccj=True)
    result = assess_limitation(d, D(2025, 1, 1))
    assert result.status is U
    assert any(r.startswith("LIM-04") for r in result.reasons)


def test_scotland_is_not_assessed() -> None:
    d = debt(last_payment_date=D(2010, 1, 1), last_acknowledgment_date=D(2010, 1, 1), ccj=False)
    result = assess_limitation(d, D(2025, 1, 1), Jurisdiction.SCO)
    assert result.status is U
    assert result.period is None
