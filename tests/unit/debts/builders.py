"""Test builders for debts (plain functions, no mocks)."""

from __future__ import annotations

import uuid
from typing import Any

from cma_core.debts.model import CreditorId, Debt, DebtId, DebtType
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money

CENTRE = CentreId(uuid.UUID(int=1))
CASE = CaseId(uuid.UUID(int=2))


def debt(debt_type: DebtType = DebtType.CREDIT_CARD, pounds: int = 1000, **kw: Any) -> Debt:
    kw.setdefault("creditor_id", CreditorId(uuid.uuid4()))
    return Debt(
        id=DebtId(uuid.uuid4()),
        centre_id=CENTRE,
        case_id=CASE,
        debt_type=debt_type,
        balance=Money(pounds * 100),
        **kw,
    )
