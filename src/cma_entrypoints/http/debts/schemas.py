"""Request and response shapes of creditors and debts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from msgspec import UNSET, Meta, Struct, UnsetType

from cma_core.debts.ccj import RegisterOutcome
from cma_core.debts.model import DebtType, EnforcementStage, Ownership
from cma_core.debts.ports import CreditorEntry
from cma_core.debts.service import DebtView, FormatSource, ReferenceFormat
from cma_core.shared.money import Money
from cma_entrypoints.http.common.schemas import (
    LINE,
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


class ReferenceFormatOut(Struct):
    """How a creditor's account references look. ``source``: ``directory`` (the format
    set on the creditor, ``pattern`` in RE2 syntax), ``learned`` (the shape most of the
    references on the centre's debts owed to it share, ``example`` as an adviser reads it,
    "AA-999999", learned from ``references`` of them) or ``none``. ``fits``: whether the
    ``reference`` asked about fits it (``null``: none asked, or no format)."""

    creditor_id: uuid.UUID
    source: FormatSource
    pattern: str | None
    example: str | None
    references: int
    fits: bool | None

    @classmethod
    def of(cls, v: ReferenceFormat) -> ReferenceFormatOut:
        return from_attributes(cls, v)


class DebtIn(Input):
    """A debt; amounts in pence. ``ccj_date``/``ccj_paid_date``: the county court
    judgment's date and the day it was paid in full (the one-month rule, ``ccj_register``)."""

    debt_type: DebtType
    balance_pence: Pence
    creditor_id: uuid.UUID | None = None
    arrears_pence: Pence | None = None
    contractual_payment_pence: Pence | None = None
    ownership: Ownership | None = None
    account_reference: Reference | None = None
    ccj: bool | None = None
    enforcement_stage: EnforcementStage | None = None
    last_payment_date: PastDate | None = None
    last_acknowledgment_date: PastDate | None = None
    hp_goods_essential: bool | None = None
    priority_override: bool | None = None
    priority_override_reason: Line | None = None
    notes: LongText | None = None
    ccj_date: PastDate | None = None
    ccj_paid_date: PastDate | None = None


class DebtPatch(Input):
    """Only the details to change; a field left out keeps its value, ``null`` clears it
    (``debt_type`` and ``balance_pence`` cannot be cleared)."""

    debt_type: DebtType | UnsetType = UNSET
    balance_pence: Pence | UnsetType = UNSET
    creditor_id: uuid.UUID | UnsetType | None = UNSET
    arrears_pence: Pence | UnsetType | None = UNSET
    contractual_payment_pence: Pence | UnsetType | None = UNSET
    ownership: Ownership | UnsetType | None = UNSET
    account_reference: Reference | UnsetType | None = UNSET
    ccj: bool | UnsetType | None = UNSET
    enforcement_stage: EnforcementStage | UnsetType | None = UNSET
    last_payment_date: PastDate | UnsetType | None = UNSET
    last_acknowledgment_date: PastDate | UnsetType | None = UNSET
    hp_goods_essential: bool | UnsetType | None = UNSET
    priority_override: bool | UnsetType | None = UNSET
    priority_override_reason: Line | UnsetType | None = UNSET
    notes: LongText | UnsetType | None = UNSET
    ccj_date: PastDate | UnsetType | None = UNSET
    ccj_paid_date: PastDate | UnsetType | None = UNSET

    def changes(self) -> dict[str, Any]:
        """The given fields as the core's detail names (``balance_pence`` → ``balance``)."""
        out: dict[str, Any] = {}
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if value is UNSET:
                continue
            if name.endswith("_pence"):
                out[name.removesuffix("_pence")] = None if value is None else Money(value)
            else:
                out[name] = value
        return out


class CcjOut(Struct):
    """The one-month rule: paid in full by ``pay_by``, the judgment leaves the Register."""

    outcome: RegisterOutcome
    judgment_on: dt.date
    pay_by: dt.date
    paid_on: dt.date | None
    rule_id: str
    source: str


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
    reference_matches: Annotated[
        bool | None,
        Meta(
            description="Whether `account_reference` fits the creditor's format, as written "
            "or without its spaces: the directory's where one is set, else the shape learned "
            "from the references of the centre's other debts to the creditor (this debt's "
            "own, and any copy of it, left out). Null: no reference, no creditor, no format "
            "to judge by, or a stored directory format that cannot be run."
        ),
    ]
    reference_format: Annotated[
        FormatSource, Meta(description="Which format `reference_matches` judged by.")
    ]
    ccj: bool | None
    enforcement_stage: str | None
    last_payment_date: dt.date | None
    last_acknowledgment_date: dt.date | None
    hp_goods_essential: bool | None
    ccj_date: dt.date | None
    ccj_paid_date: dt.date | None
    ccj_register: CcjOut | None
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
            reference_format=v.reference_format,
            ccj=d.ccj,
            enforcement_stage=d.enforcement_stage.value if d.enforcement_stage else None,
            last_payment_date=d.last_payment_date,
            last_acknowledgment_date=d.last_acknowledgment_date,
            hp_goods_essential=d.hp_goods_essential,
            ccj_date=d.ccj_date,
            ccj_paid_date=d.ccj_paid_date,
            ccj_register=from_attributes(CcjOut, v.ccj) if v.ccj else None,
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
