"""Ports of the budgets area: the budget (SFS) repository and the SFS codec."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Sequence
from typing import Protocol

from attrs import define, field, frozen

from cma_core.budgets.model import Budget
from cma_core.budgets.offers import OfferKind
from cma_core.debts.model import DebtId
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money


@frozen(kw_only=True)
class SfsStatementDetails:
    """SFS-DDS fields the budget model does not hold, kept so an SFS round trip loses
    nothing: client and partner identity, address, employment, tenure text, notes."""

    client_name: str | None = None
    is_joint_application: bool = False
    client_date_of_birth: dt.date | None = None
    client_address: str | None = None
    partner_name: str | None = None
    partner_date_of_birth: dt.date | None = None
    housing_tenure_other: str | None = None
    client_employment_status: tuple[str, ...] = ()
    client_employment_status_other: str | None = None
    partner_employment_status: tuple[str, ...] = ()
    partner_employment_status_other: str | None = None
    additional_notes: tuple[str, ...] = ()


@define(kw_only=True)
class BudgetRecord:
    """A case's SFS budget. One per case; ``completed_at`` dates a complete SFS (CR-06)."""

    case_id: CaseId
    centre_id: CentreId
    budget: Budget = field(factory=Budget)
    details: SfsStatementDetails = field(factory=SfsStatementDetails)
    completed_at: dt.datetime | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CaseId:
        return self.case_id


class BudgetRepository(Protocol):
    async def get(self, case_id: CaseId) -> BudgetRecord | None:
        """The case's budget, or ``None`` if there is none yet (or not this centre's)."""
        ...

    async def add(self, record: BudgetRecord) -> None:
        """Stage the first budget of a case."""
        ...

    async def save(self, record: BudgetRecord) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


class SfsFormat(enum.StrEnum):
    JSON = "json"
    XML = "xml"


@frozen(kw_only=True)
class SfsDebtLine:
    """A debt as the SFS lists it: under priority or non-priority debts."""

    creditor: str
    amount_owed: Money
    repayment_offer: Money
    priority: bool
    ccj: bool | None = None
    notes: str | None = None


@frozen(kw_only=True)
class SfsStatement:
    """Everything an SFS-DDS v1.1 data-entry document holds, in CMA's terms.

    Totals are not stored: the exporter computes them from ``budget`` with the SFS
    formulas, and the importer recomputes them (and reports a mismatch).
    """

    budget: Budget
    details: SfsStatementDetails
    debts: tuple[SfsDebtLine, ...] = ()
    token_payments: Money | None = None


class SfsCodec(Protocol):
    """Reads and writes SFS-DDS v1.1 documents (JSON and XML)."""

    def export(self, statement: SfsStatement, fmt: SfsFormat) -> bytes:
        """The document; it is validated against the format's schema before it is returned.

        Raises:
            ValidationError: the statement cannot be written as a valid document (the
                field names the SFS element).
        """
        ...

    def parse(self, data: bytes, fmt: SfsFormat, *, check_totals: bool = True) -> SfsStatement:
        """Read a document, validating it against the schema first. With
        ``check_totals`` every total must equal the sum CMA computes from the lines.

        Raises:
            ValidationError: not valid SFS-DDS v1.1 (the field names the element at fault).
        """
        ...


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
    #: The budget's monthly deficit when planned (``None``: not in deficit).
    shortfall: Money | None = None


class OfferRepository(Protocol):
    async def add(self, record: OfferPlanRecord) -> None: ...

    async def get(self, plan_id: uuid.UUID) -> OfferPlanRecord | None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[OfferPlanRecord]:
        """Offer plans of the case, oldest first."""
        ...
