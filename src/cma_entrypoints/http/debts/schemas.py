"""Request and response shapes of creditors and debts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from msgspec import Meta, Struct

from cma_core.debts.ports import CreditorEntry
from cma_core.debts.service import DebtView
from cma_entrypoints.http.common.schemas import (
    LINE,
    Code,
    Email,
    Input,
    Line,
    LongText,
    Name,
    PageOf,
    PastDate,
    Pence,
    Phone,
    Reference,
    from_attributes,
)


class CreditorIn(Input):
    name: Name
    address: LongText | None = None
    email: Email | None = None
    phone: Phone | None = None
    #: RE2 syntax (no backreferences or lookaround), matched against the whole reference.
    reference_pattern: Annotated[str, Meta(max_length=200, pattern=LINE)] | None = None


class CreditorOut(Struct):
    id: uuid.UUID
    name: str
    address: str | None
    email: str | None
    phone: str | None
    reference_pattern: str | None
    created_at: dt.datetime
    version: int

    @classmethod
    def of(cls, e: CreditorEntry) -> CreditorOut:
        return from_attributes(cls, e.creditor, created_at=e.created_at, version=e.version)


class CreditorPage(PageOf[CreditorOut]):
    items: list[CreditorOut]


class DebtIn(Input):
    """A debt. ``debt_type`` is one of the enumeration in the docs; amounts in pence."""

    debt_type: Code
    balance_pence: Pence
    creditor_id: uuid.UUID | None = None
    arrears_pence: Pence | None = None
    contractual_payment_pence: Pence | None = None
    ownership: Code | None = None
    account_reference: Reference | None = None
    ccj: bool | None = None
    enforcement_stage: Code | None = None
    last_payment_date: PastDate | None = None
    last_acknowledgment_date: PastDate | None = None
    hp_goods_essential: bool | None = None
    priority_override: bool | None = None
    priority_override_reason: Line | None = None
    notes: LongText | None = None


class PriorityOut(Struct):
    is_priority: bool
    basis: str
    rule_id: str
    treatment: str
    sanction: str
    source: str
    needs_adviser_decision: bool
    flags: list[str]
    override_reason: str | None


class LimitationOut(Struct):
    status: str
    warning: bool
    rule_id: str
    runs_from: dt.date | None
    expires_on: dt.date | None
    reasons: list[str]


class DebtOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    creditor_id: uuid.UUID | None
    creditor_name: str | None
    debt_type: str
    balance_pence: int
    arrears_pence: int | None
    contractual_payment_pence: int | None
    ownership: str | None
    account_reference: str | None
    reference_matches: bool | None
    ccj: bool | None
    enforcement_stage: str | None
    last_payment_date: dt.date | None
    last_acknowledgment_date: dt.date | None
    hp_goods_essential: bool | None
    priority: PriorityOut
    limitation: LimitationOut
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, v: DebtView) -> DebtOut:
        d, p, lim = v.entry.debt, v.priority, v.limitation
        return cls(
            id=d.id,
            case_id=d.case_id,
            creditor_id=d.creditor_id,
            creditor_name=v.creditor.name if v.creditor else None,
            debt_type=d.debt_type.value,
            balance_pence=d.balance.pence,
            arrears_pence=d.arrears.pence if d.arrears else None,
            contractual_payment_pence=d.contractual_payment.pence
            if d.contractual_payment
            else None,
            ownership=d.ownership.value if d.ownership else None,
            account_reference=d.account_reference,
            reference_matches=v.reference_matches,
            ccj=d.ccj,
            enforcement_stage=d.enforcement_stage.value if d.enforcement_stage else None,
            last_payment_date=d.last_payment_date,
            last_acknowledgment_date=d.last_acknowledgment_date,
            hp_goods_essential=d.hp_goods_essential,
            priority=PriorityOut(
                is_priority=p.is_priority,
                basis=p.basis.value,
                rule_id=p.rule_id,
                treatment=p.treatment.value,
                sanction=p.sanction,
                source=p.source,
                needs_adviser_decision=p.needs_adviser_decision,
                flags=list(p.flags),
                override_reason=p.override_reason,
            ),
            limitation=LimitationOut(
                status=lim.status.value,
                warning=lim.warning,
                rule_id=lim.rule_id,
                runs_from=lim.runs_from,
                expires_on=lim.expires_on,
                reasons=list(lim.reasons),
            ),
            notes=v.entry.notes,
            created_at=v.entry.created_at,
            updated_at=v.entry.updated_at,
            version=v.entry.version,
        )


class DebtPage(PageOf[DebtOut]):
    items: list[DebtOut]
