"""Shapes of the register of data-subject requests and of legal holds, with their OpenAPI
examples (built by the same ``of`` the handlers use)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from msgspec import UNSET, Struct, UnsetType

from cma_core.privacy.requests import (
    DataSubjectRequest,
    HoldReason,
    HoldSubject,
    LegalHold,
    RequestDue,
    RequestKind,
)
from cma_core.privacy.rights import RequestDetails
from cma_core.shared.ids import CentreId, ClientId, UserId
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.schemas import Input, LongText, PageOf, PastDate, from_attributes


class RequestIn(Input):
    client_id: uuid.UUID
    kind: RequestKind
    received_on: PastDate
    clock_started_on: PastDate | None = None
    extended: bool = False
    extension_notified_on: PastDate | None = None
    answered_on: PastDate | None = None
    note: LongText | None = None

    def details(self) -> RequestDetails:
        return RequestDetails(
            **{n: getattr(self, n) for n in self.__struct_fields__ if n != "client_id"}
        )


class RequestPatch(Input):
    kind: RequestKind | UnsetType = UNSET
    received_on: PastDate | UnsetType = UNSET
    clock_started_on: PastDate | UnsetType | None = UNSET
    extended: bool | UnsetType = UNSET
    extension_notified_on: PastDate | UnsetType | None = UNSET
    answered_on: PastDate | UnsetType | None = UNSET
    note: LongText | UnsetType | None = UNSET

    def changes(self) -> dict[str, Any]:
        return {
            n: getattr(self, n) for n in self.__struct_fields__ if getattr(self, n) is not UNSET
        }


class RequestOut(Struct):
    id: uuid.UUID
    client_id: uuid.UUID
    kind: RequestKind
    received_on: dt.date
    clock_started_on: dt.date | None
    extended: bool
    extension_notified_on: dt.date | None
    answered_on: dt.date | None
    note: str | None
    #: The date that applies: one month from the clock's start (to the same date, else
    #: the month's last day, then the next working day); three months if validly extended.
    due_on: dt.date
    first_due_on: dt.date
    extended_due_on: dt.date
    overdue: bool
    created_at: dt.datetime
    created_by: uuid.UUID | None
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, d: RequestDue) -> RequestOut:
        return from_attributes(
            cls,
            d.request,
            client_id=d.request.data_subject_id,
            due_on=d.due_on,
            first_due_on=d.first_due_on,
            extended_due_on=d.extended_due_on,
            overdue=d.overdue,
        )


class RequestPage(PageOf[RequestOut]):
    items: list[RequestOut]


class HoldIn(Input):
    reason: HoldReason
    case_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    note: LongText | None = None


class HoldOut(Struct):
    id: uuid.UUID
    subject: HoldSubject
    case_id: uuid.UUID | None
    client_id: uuid.UUID | None
    reason: str
    note: str | None
    active: bool
    placed_at: dt.datetime
    placed_by: uuid.UUID | None
    released_at: dt.datetime | None
    released_by: uuid.UUID | None
    version: int

    @classmethod
    def of(cls, h: LegalHold) -> HoldOut:
        return from_attributes(cls, h, active=h.active)


class HoldPage(PageOf[HoldOut]):
    items: list[HoldOut]


_CENTRE, _BY = CentreId(ex.CENTRE_ID), UserId(ex.ADVISER_ID)

REQUEST = RequestOut.of(
    RequestDue(
        request=DataSubjectRequest(
            id=uuid.UUID("5e6f7081-92a3-4b4c-8d5e-6f708192a3b4"),
            centre_id=_CENTRE,
            data_subject_id=ClientId(ex.CLIENT_ID),
            kind=RequestKind.ACCESS,
            received_on=dt.date(2026, 11, 2),
            answered_on=None,
            created_at=ex.EARLIER,
            created_by=_BY,
            updated_at=ex.EARLIER,
        ),
        due_on=dt.date(2026, 12, 2),
        first_due_on=dt.date(2026, 12, 2),
        extended_due_on=dt.date(2027, 2, 2),
        overdue=False,
    )
)

HOLD = HoldOut.of(
    LegalHold(
        id=uuid.UUID("6f708192-a3b4-4c5d-9e6f-708192a3b4c5"),
        centre_id=_CENTRE,
        subject=HoldSubject.CASE,
        case_id=ex.CASE_ID,  # type: ignore[arg-type]
        reason=HoldReason.COMPLAINT.value,
        note="Complaint referred to the Financial Ombudsman.",
        placed_at=ex.AT,
        placed_by=_BY,
        created_at=ex.AT,
        updated_at=ex.AT,
    )
)
