"""Request and response shapes of the casework records: contacts, the first-contact
checklist, vulnerability screenings, credit reports and eligibility decisions."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from msgspec import UNSET, Meta, Struct, UnsetType

from cma_core.casework.catalogue import Checklist, ScreeningGuide, first_contact_checklist
from cma_core.casework.model import (
    Channel,
    ChecklistRecord,
    Contact,
    CreditLine,
    CreditReport,
    Direction,
    EligibilityRecord,
    LineDecision,
    Party,
    Purpose,
    ReportSource,
)
from cma_core.casework.service import ChecklistView, ScreeningView
from cma_core.debts.model import DebtType
from cma_core.solutions.model import Solution
from cma_entrypoints.http.common.schemas import PageOf, from_attributes

Text200 = Annotated[str, Meta(max_length=200)]
Text4000 = Annotated[str, Meta(max_length=4000)]

# ----------------------------------------------------------------------------- contacts


class ContactIn(Struct, forbid_unknown_fields=True):
    at: dt.datetime
    channel: Channel
    direction: Direction
    party: Party
    with_whom: Text200
    summary: Text4000
    purpose: Purpose = Purpose.OTHER
    document_id: uuid.UUID | None = None


class ContactPatch(Struct, forbid_unknown_fields=True):
    at: dt.datetime | UnsetType = UNSET
    channel: Channel | UnsetType = UNSET
    direction: Direction | UnsetType = UNSET
    party: Party | UnsetType = UNSET
    with_whom: Text200 | UnsetType = UNSET
    summary: Text4000 | UnsetType = UNSET
    purpose: Purpose | UnsetType = UNSET
    document_id: uuid.UUID | UnsetType | None = UNSET


class ContactOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    at: dt.datetime
    channel: Channel
    direction: Direction
    party: Party
    with_whom: str
    summary: str
    purpose: Purpose
    document_id: uuid.UUID | None
    created_at: dt.datetime
    created_by: uuid.UUID | None
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, c: Contact) -> ContactOut:
        return from_attributes(cls, c)


class ContactPage(PageOf[ContactOut]):
    items: list[ContactOut]


# ----------------------------------------------------------------------------- checklist


class TickIn(Struct, forbid_unknown_fields=True):
    done_at: dt.datetime | None = None
    value: Annotated[str, Meta(max_length=500)] | None = None
    note: Annotated[str, Meta(max_length=1000)] | None = None


class ChecklistItemOut(Struct):
    id: str
    label: str
    rule: str
    source: str
    required: bool
    choices: list[str]
    needs_value: bool
    done: bool
    done_at: dt.datetime | None = None
    done_by: uuid.UUID | None = None
    value: str | None = None
    note: str | None = None


class ChecklistOut(Struct):
    case_id: uuid.UUID
    checklist_version: str
    items: list[ChecklistItemOut]
    missing: list[str]
    complete: bool
    version: int

    @classmethod
    def of(cls, view: ChecklistView) -> ChecklistOut:
        return checklist_out(view.record, view.missing)


def checklist_out(record: ChecklistRecord, missing: tuple[str, ...]) -> ChecklistOut:
    items = []
    for item in first_contact_checklist().items:
        tick = record.tick_of(item.id)
        items.append(
            ChecklistItemOut(
                id=item.id,
                label=item.label,
                rule=item.rule,
                source=item.source,
                required=item.required,
                choices=list(item.choices),
                needs_value=item.needs_value,
                done=tick is not None,
                done_at=tick.done_at if tick else None,
                done_by=tick.by if tick else None,
                value=tick.value if tick else None,
                note=tick.note if tick else None,
            )
        )
    return ChecklistOut(
        case_id=record.case_id,
        checklist_version=record.checklist_version,
        items=items,
        missing=list(missing),
        complete=not missing,
        version=record.version,
    )


class CatalogueItemOut(Struct):
    id: str
    label: str
    rule: str
    source: str
    required: bool
    choices: list[str]
    needs_value: bool


class CatalogueOut(Struct):
    version: str
    title: str
    source: str
    items: list[CatalogueItemOut]

    @classmethod
    def of(cls, c: Checklist) -> CatalogueOut:
        return cls(
            version=c.version,
            title=c.title,
            source=c.source,
            items=[
                CatalogueItemOut(
                    id=i.id,
                    label=i.label,
                    rule=i.rule,
                    source=i.source,
                    required=i.required,
                    choices=list(i.choices),
                    needs_value=i.needs_value,
                )
                for i in c.items
            ],
        )


# ----------------------------------------------------------------------------- screening


class ScreeningIn(Struct, forbid_unknown_fields=True):
    on: dt.date
    drivers: list[str] = []
    answers: dict[str, str] = {}
    adjustments: list[Annotated[str, Meta(max_length=500)]] = []
    no_adjustment_reason: Annotated[str, Meta(max_length=1000)] | None = None
    notes: Text4000 | None = None


class ScreeningOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    on: dt.date
    guide_version: str
    drivers: list[str]
    answers: dict[str, str]
    adjustments: list[str]
    no_adjustment_reason: str | None
    notes: str | None
    withheld: list[str]
    created_at: dt.datetime
    created_by: uuid.UUID | None
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, view: ScreeningView) -> ScreeningOut:
        s = view.screening
        return from_attributes(
            cls,
            s,
            drivers=list(s.drivers),
            answers=dict(s.answers),
            adjustments=list(s.adjustments),
            withheld=list(view.withheld),
        )


class ScreeningPage(PageOf[ScreeningOut]):
    items: list[ScreeningOut]


class DriverOut(Struct):
    id: str
    label: str
    special_category: bool


class PromptOut(Struct):
    id: str
    set: str
    label: str


class GuideOut(Struct):
    version: str
    source: str
    drivers: list[DriverOut]
    prompts: list[PromptOut]

    @classmethod
    def of(cls, g: ScreeningGuide) -> GuideOut:
        return cls(
            version=g.version,
            source=g.source,
            drivers=[DriverOut(d.id, d.label, d.special_category) for d in g.drivers],
            prompts=[PromptOut(p.id, p.set, p.label) for p in g.prompts],
        )


# ----------------------------------------------------------------------------- credit reports


class AccountIn(Struct, forbid_unknown_fields=True):
    lender: Text200
    account_type: Text200
    balance_pence: Annotated[int, Meta(ge=0)]
    account_number: Text200 | None = None
    status: Annotated[str, Meta(max_length=60)] | None = None
    default_date: dt.date | None = None
    opened_date: dt.date | None = None
    last_payment_date: dt.date | None = None


class CreditReportIn(Struct, forbid_unknown_fields=True):
    agency: Annotated[str, Meta(max_length=100)]
    accounts: list[AccountIn]
    report_date: dt.date | None = None
    checked_on: dt.date | None = None


class CreditLineOut(Struct):
    line: int
    lender: str
    account_number: str | None
    account_type: str
    balance_pence: int
    status: str | None
    default_date: dt.date | None
    opened_date: dt.date | None
    last_payment_date: dt.date | None
    suggested_debt_type: DebtType
    decision: LineDecision
    debt_id: uuid.UUID | None
    decided_by: uuid.UUID | None
    decided_at: dt.datetime | None
    reason: str | None

    @classmethod
    def of(cls, x: CreditLine) -> CreditLineOut:
        return from_attributes(
            cls,
            x,
            balance_pence=x.balance.pence,
            default_date=x.default_on,
            opened_date=x.opened_on,
            last_payment_date=x.last_payment_on,
            suggested_debt_type=x.suggested_type,
        )


class CreditReportOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    agency: str
    report_date: dt.date
    checked_on: dt.date
    source: ReportSource
    filename: str | None
    lines: list[CreditLineOut]
    pending: int
    created_at: dt.datetime
    created_by: uuid.UUID | None
    version: int

    @classmethod
    def of(cls, r: CreditReport) -> CreditReportOut:
        return from_attributes(
            cls,
            r,
            report_date=r.report_on,
            lines=[CreditLineOut.of(x) for x in r.lines],
            pending=sum(1 for x in r.lines if x.decision is LineDecision.PENDING),
        )


class CreditReportPage(PageOf[CreditReportOut]):
    items: list[CreditReportOut]


class AcceptIn(Struct, forbid_unknown_fields=True):
    debt_type: DebtType | None = None


class RejectIn(Struct, forbid_unknown_fields=True):
    reason: Annotated[str, Meta(max_length=500)]


# ----------------------------------------------------------------------------- eligibility


class DecisionIn(Struct, forbid_unknown_fields=True):
    eligible: bool
    reason: Annotated[str, Meta(max_length=1000)]


class DecisionOut(Struct):
    solution: Solution
    eligible: bool
    reason: str
    by: uuid.UUID | None
    at: dt.datetime


class EligibilityOut(Struct):
    case_id: uuid.UUID
    decisions: list[DecisionOut]
    version: int

    @classmethod
    def of(cls, r: EligibilityRecord) -> EligibilityOut:
        return cls(
            case_id=r.case_id,
            decisions=[
                DecisionOut(
                    solution=d.solution, eligible=d.eligible, reason=d.reason, by=d.by, at=d.at
                )
                for d in r.decisions
            ],
            version=r.version,
        )
