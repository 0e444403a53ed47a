"""Ports of the solutions area: saved appraisals and offer plans."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Protocol

from attrs import define, frozen

from cma_core.budgets.offers import OfferKind
from cma_core.debts.model import DebtId
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import Appraisal


@define(kw_only=True)
class AppraisalRecord:
    """A saved options appraisal (the facts as they were, judged on ``on_date``)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    appraisal: Appraisal
    created_at: dt.datetime
    created_by: UserId | None
    version: int = 1


@frozen(kw_only=True)
class OfferLine:
    debt_id: DebtId
    creditor: str
    kind: OfferKind
    balance: Money
    amount: Money


@define(kw_only=True)
class OfferPlanRecord:
    """Offers to every creditor of a case, as planned on ``on_date`` (CR-10, CR-11)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    on_date: dt.date
    jurisdiction: Jurisdiction
    available_for_priority: Money
    total_priority_offers: Money
    available_for_non_priority: Money
    uses_token_payments: bool
    lines: tuple[OfferLine, ...]
    notes: tuple[str, ...]
    created_at: dt.datetime
    created_by: UserId | None
    version: int = 1


class AppraisalRepository(Protocol):
    async def add(self, record: AppraisalRecord) -> None: ...

    async def get(self, appraisal_id: uuid.UUID) -> AppraisalRecord | None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[AppraisalRecord]:
        """Saved appraisals of the case, oldest first."""
        ...


class OfferRepository(Protocol):
    async def add(self, record: OfferPlanRecord) -> None: ...

    async def get(self, plan_id: uuid.UUID) -> OfferPlanRecord | None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[OfferPlanRecord]:
        """Offer plans of the case, oldest first."""
        ...
