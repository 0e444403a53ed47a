from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_adapters.re2 import Re2PatternEngine
from cma_core.debts.model import (
    Creditor,
    CreditorId,
    Debt,
    DebtId,
    DebtType,
    Ownership,
    check_reference_pattern,
)
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
    engine = Re2PatternEngine()
    assert debt(account_reference="1234-5678").reference_matches(cred, engine) is True
    assert debt(account_reference="1234-567").reference_matches(cred, engine) is False
    # fullmatch: a longer reference does not pass
    assert debt(account_reference="1234-56789").reference_matches(cred, engine) is False
    assert debt(account_reference=None).reference_matches(cred, engine) is None
    assert debt(account_reference="x").reference_matches(_creditor(None), engine) is None
    # as printed with spaces, as the documents worker and the reference-format route judge
    card = _creditor(r"\d{16}")
    assert debt(account_reference="4929 1234 5678 9012").reference_matches(card, engine) is True
    assert debt(account_reference="4929 1234 5678 901").reference_matches(card, engine) is False


def test_invalid_reference_pattern_is_rejected() -> None:
    engine = Re2PatternEngine()
    for pattern, why in [("([a-z", "missing ]"), (r"(a)\1", "escape"), ("(?<=a)b", "perl")]:
        with pytest.raises(ValidationError) as exc:
            check_reference_pattern(engine, pattern)
        assert exc.value.field == "reference_pattern"
        assert why in exc.value.detail
    with pytest.raises(ValidationError):
        _creditor("a" * 201)
    check_reference_pattern(engine, r"\d{4}-\d{4}")


def test_a_stored_pattern_the_engine_refuses_matches_nothing() -> None:
    """A pattern stored before save-time checking (e.g. a backreference) is not run."""
    cred = _creditor(r"(\d)\1")
    assert debt(account_reference="11").reference_matches(cred, Re2PatternEngine()) is None


def test_creditor_needs_a_name() -> None:
    with pytest.raises(ValidationError) as exc:
        Creditor(id=CreditorId(uuid.uuid4()), centre_id=CENTRE, name=" ")
    assert exc.value.field == "name"


@pytest.mark.parametrize(
    ("recorded", "shown", "moved"),
    [
        (None, "claim_issued", "claim_issued"),
        ("none", "statutory_demand", "statutory_demand"),
        ("none", "none", None),
        ("letter_of_claim", "judgment", "judgment"),
        ("judgment", "claim_issued", None),  # never back
        ("judgment", "judgment", None),
        ("charging_order", "enforcement_agent", None),  # off the court route: as recorded
        ("claim_issued", "statutory_demand", None),
    ],
)
def test_a_debts_stage_moves_on_along_the_court_route_only(
    recorded: str | None, shown: str, moved: str | None
) -> None:
    from cma_core.debts.model import EnforcementStage, advanced_stage

    before = EnforcementStage(recorded) if recorded else None
    after = advanced_stage(before, EnforcementStage(shown))
    assert after == (EnforcementStage(moved) if moved else None)
