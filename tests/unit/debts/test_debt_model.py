from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.debts.model import Creditor, CreditorId, Debt, DebtId, DebtType, Ownership
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import UserId
from cma_core.shared.money import Money
from debts.builders import CASE, CENTRE, debt


def _creditor(pattern: str | None) -> Creditor:
    return Creditor(
        id=CreditorId(uuid.uuid4()), centre_id=CENTRE, name="Bank", reference_pattern=pattern
    )


def test_every_debt_type_from_the_brief_exists() -> None:
    names = {t.value for t in DebtType}
    for wanted in (
        "council_tax",
        "rent",
        "mortgage",
        "secured_loan",
        "gas",
        "electricity",
        "water",
        "tv_licence",
        "magistrates_fine",
        "child_maintenance",
        "income_tax_vat_ni",
        "hire_purchase",
        "credit_card",
        "overdraft",
        "personal_loan",
        "payday_loan",
        "bnpl",
        "catalogue",
        "store_card",
        "student_loan",
        "benefit_overpayment",
        "family_loan",
        "parking_charge",
        "other",
    ):
        assert wanted in names


@pytest.mark.parametrize("field", ["arrears", "contractual_payment"])
def test_negative_money_is_rejected_naming_the_field(field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        debt(**{field: Money(-1)})
    assert exc.value.field == field


def test_negative_balance_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        Debt(
            id=DebtId(uuid.uuid4()),
            centre_id=CENTRE,
            case_id=CASE,
            creditor_id=None,
            debt_type=DebtType.OTHER,
            balance=Money(-1),
        )
    assert exc.value.field == "balance"


def test_zero_amounts_are_allowed() -> None:
    d = debt(pounds=0, arrears=Money(0), contractual_payment=Money(0))
    assert d.balance == Money(0)


def test_unknown_facts_stay_none() -> None:
    d = debt()
    assert d.ccj is None
    assert d.enforcement_stage is None
    assert d.is_joint is None
    assert debt(ownership=Ownership.JOINT).is_joint is True
    assert debt(ownership=Ownership.SOLE).is_joint is False


def test_secured_types() -> None:
    assert debt(DebtType.MORTGAGE).is_secured
    assert debt(DebtType.SECURED_LOAN).is_secured
    assert not debt(DebtType.MORTGAGE_SHORTFALL).is_secured


def test_override_requires_a_reason() -> None:
    d = debt()
    with pytest.raises(ValidationError) as exc:
        d.override_priority(is_priority=True, reason="  ", by=None, on=dt.date(2025, 1, 1))
    assert exc.value.field == "priority_override.reason"
    assert d.priority_override is None
    d.override_priority(
        is_priority=True, reason=" charging order ", by=UserId(uuid.uuid4()), on=dt.date(2025, 1, 1)
    )
    assert d.priority_override is not None
    assert d.priority_override.reason == "charging order"
    d.clear_priority_override()
    assert d.priority_override is None


def test_creditor_reference_format() -> None:
    cred = _creditor(r"\d{4}-\d{4}")
    assert debt(account_reference="1234-5678").reference_matches(cred) is True
    assert debt(account_reference="1234-567").reference_matches(cred) is False
    # fullmatch: a longer reference does not pass
    assert debt(account_reference="1234-56789").reference_matches(cred) is False
    assert debt(account_reference=None).reference_matches(cred) is None
    assert debt(account_reference="x").reference_matches(_creditor(None)) is None


def test_invalid_reference_pattern_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        _creditor("([a-z")
    assert exc.value.field == "reference_pattern"
    with pytest.raises(ValidationError):
        _creditor("a" * 201)


def test_creditor_needs_a_name() -> None:
    with pytest.raises(ValidationError) as exc:
        Creditor(id=CreditorId(uuid.uuid4()), centre_id=CENTRE, name=" ")
    assert exc.value.field == "name"
