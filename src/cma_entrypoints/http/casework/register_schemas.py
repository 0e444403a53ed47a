"""Request and response shapes of a case's settlements (CR-19) and complaints (CR-24), and
their OpenAPI examples (built by the same ``of`` the handlers use)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from msgspec import UNSET, Struct, UnsetType

from cma_core.casework.model import Complaint, ComplaintKind, Settlement
from cma_core.casework.registers import ComplaintDetails, SettlementDetails
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.schemas import (
    Input,
    LongText,
    PageOf,
    PastDate,
    Pence,
    from_attributes,
)

# ----------------------------------------------------------------------------- settlements


class SettlementIn(Input):
    debt_id: uuid.UUID
    amount_pence: Pence
    accepted_on: PastDate | None = None
    acceptance_document_id: uuid.UUID | None = None
    paid_on: PastDate | None = None
    note: LongText | None = None

    def details(self) -> SettlementDetails:
        return SettlementDetails(
            debt_id=self.debt_id,
            amount=Money(self.amount_pence),
            accepted_on=self.accepted_on,
            acceptance_document_id=self.acceptance_document_id,
            paid_on=self.paid_on,
            note=self.note,
        )


class SettlementPatch(Input):
    debt_id: uuid.UUID | UnsetType = UNSET
    amount_pence: Pence | UnsetType = UNSET
    accepted_on: PastDate | UnsetType | None = UNSET
    acceptance_document_id: uuid.UUID | UnsetType | None = UNSET
    paid_on: PastDate | UnsetType | None = UNSET
    note: LongText | UnsetType | None = UNSET

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if value is UNSET:
                continue
            if name == "amount_pence":
                out["amount"] = Money(value)
            else:
                out[name] = value
        return out


class SettlementOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    debt_id: uuid.UUID
    creditor: str
    amount_pence: int
    accepted_on: dt.date | None
    acceptance_document_id: uuid.UUID | None
    paid_on: dt.date | None
    note: str | None
    #: Paid with no written acceptance on file, or before it (CR-19 fails the case).
    paid_without_acceptance: bool
    created_at: dt.datetime
    created_by: uuid.UUID | None
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, s: Settlement) -> SettlementOut:
        return from_attributes(
            cls,
            s,
            amount_pence=s.amount.pence,
            paid_without_acceptance=s.paid_on is not None
            and (s.accepted_on is None or s.accepted_on > s.paid_on),
        )


class SettlementPage(PageOf[SettlementOut]):
    items: list[SettlementOut]


# ----------------------------------------------------------------------------- complaints


class ComplaintIn(Input):
    kind: ComplaintKind
    received_on: PastDate
    summary: LongText
    acknowledged_on: PastDate | None = None
    final_response_on: PastDate | None = None
    outcome: LongText | None = None

    def details(self) -> ComplaintDetails:
        return ComplaintDetails(
            kind=self.kind,
            received_on=self.received_on,
            summary=self.summary,
            acknowledged_on=self.acknowledged_on,
            final_response_on=self.final_response_on,
            outcome=self.outcome,
        )


class ComplaintPatch(Input):
    kind: ComplaintKind | UnsetType = UNSET
    received_on: PastDate | UnsetType = UNSET
    summary: LongText | UnsetType = UNSET
    acknowledged_on: PastDate | UnsetType | None = UNSET
    final_response_on: PastDate | UnsetType | None = UNSET
    outcome: LongText | UnsetType | None = UNSET

    def changes(self) -> dict[str, Any]:
        return {
            name: getattr(self, name)
            for name in self.__struct_fields__
            if getattr(self, name) is not UNSET
        }


class ComplaintOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: ComplaintKind
    received_on: dt.date
    summary: str
    acknowledged_on: dt.date | None
    final_response_on: dt.date | None
    outcome: str | None
    created_at: dt.datetime
    created_by: uuid.UUID | None
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, c: Complaint) -> ComplaintOut:
        return from_attributes(cls, c)


class ComplaintPage(PageOf[ComplaintOut]):
    items: list[ComplaintOut]


# ----------------------------------------------------------------------------- examples

_CENTRE, _CASE, _BY = CentreId(ex.CENTRE_ID), CaseId(ex.CASE_ID), UserId(ex.ADVISER_ID)

SETTLEMENT = SettlementOut.of(
    Settlement(
        id=uuid.UUID("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"),
        centre_id=_CENTRE,
        case_id=_CASE,
        debt_id=ex.DEBT_ID,
        creditor="Example Bank",
        amount=Money(60000),
        accepted_on=dt.date(2026, 11, 20),
        acceptance_document_id=ex.DOCUMENT_ID,
        paid_on=dt.date(2026, 11, 27),
        note="Full and final settlement at 40% of the balance, lump sum from a relative.",
        created_at=ex.EARLIER,
        created_by=_BY,
        updated_at=ex.AT,
        version=2,
    )
)

COMPLAINT = ComplaintOut.of(
    Complaint(
        id=uuid.UUID("1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f"),
        centre_id=_CENTRE,
        case_id=_CASE,
        kind=ComplaintKind.DATA_PROTECTION,
        received_on=dt.date(2026, 11, 2),
        summary="A letter about the case was sent to a former address.",
        acknowledged_on=dt.date(2026, 11, 4),
        final_response_on=None,
        created_at=ex.EARLIER,
        created_by=_BY,
        updated_at=ex.AT,
        version=2,
    )
)
