"""Facts CMA cannot record yet (credit report check, limitation flag) make a rule
not assessable, never a failure of the adviser and never a pass."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.compliance import casefile as cf
from cma_core.compliance.inputs import soften, unrecordable
from cma_core.compliance.model import CompliancePolicy, Status
from cma_core.compliance.registry import evaluate
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money

TODAY = dt.date(2026, 11, 28)


def _case(*debts: cf.DebtSummary) -> cf.CaseFile:
    return cf.CaseFile(case_id=CaseId(uuid.uuid4()), debts=cf.DebtSchedule(debts=debts))


def _debt(**kw: object) -> cf.DebtSummary:
    base: dict[str, object] = {
        "id": "d1",
        "creditor": "Example Bank",
        "balance": Money(150000),
        "priority": False,
        "debt_type": "credit_card",
    }
    base.update(kw)
    return cf.DebtSummary(**base)  # type: ignore[arg-type]


def _status(case: cf.CaseFile, rule: str) -> tuple[Status, str]:
    policy = CompliancePolicy()
    real = evaluate(case, policy, TODAY, only=[rule])
    assumed = evaluate(unrecordable(case), policy, TODAY, only=[rule])
    [finding] = soften(real, assumed)
    return finding.status, finding.message


def test_cr09_fails_only_for_the_credit_report_so_it_is_not_assessable() -> None:
    status, message = _status(_case(_debt()), "CR-09")
    assert status is Status.NOT_ASSESSABLE
    assert "cannot record the credit report check" in message


def test_cr09_still_fails_for_a_gap_the_adviser_can_fill() -> None:
    status, message = _status(_case(_debt(creditor=None)), "CR-09")
    assert status is Status.FAIL
    assert "no creditor" in message


@pytest.mark.parametrize(
    ("last_payment", "expected"),
    [(dt.date(2015, 1, 1), Status.NOT_ASSESSABLE), (dt.date(2025, 1, 1), Status.PASS)],
)
def test_cr20_an_old_debt_with_an_offer_cannot_be_shown_flagged(
    last_payment: dt.date, expected: Status
) -> None:
    debt = _debt(offer=Money(500), offer_on=dt.date(2026, 11, 20), last_payment_on=last_payment)
    status, _ = _status(_case(debt), "CR-20")
    assert status is expected
