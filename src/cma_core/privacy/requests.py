"""The register of data-subject requests (CR-23) and the legal holds that stop retention.

**Data-subject requests.** Access, erasure, rectification, portability, restriction,
objection: received on, the day the clock started (a later day when identity evidence,
clarification or a permitted fee arrived), an extension (+2 months, only if the requester
was told within the first month), answered on. The due date is UK-DEBT-ADVICE §7's rule
(``scheduling.deadlines.sar_deadlines``: one calendar month to the same date, the month's
last day if none, then the next working day in the centre's calendar; three months when
validly extended); Arts 12(3), 17 and 20 give the other rights the same deadlines. The
subject access export and the client erasure answer a request when given its id
(``PrivacyService.export_client`` / ``erase_client``).

An entry names its client by id only and holds no personal data (the note is sealed), so
it outlives an erasure: it is the evidence that the request was answered (Art. 5(2)).

**Legal holds.** A hold on a case or on a client (a complaint, litigation, a live
insolvency: §7) keeps the retention run away from it until released. A hold on a client
covers all of the client's cases.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from attrs import define, frozen

from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId


class RequestKind(enum.StrEnum):
    ACCESS = "access"  # Art. 15
    ERASURE = "erasure"  # Art. 17
    RECTIFICATION = "rectification"  # Art. 16
    PORTABILITY = "portability"  # Art. 20
    RESTRICTION = "restriction"  # Art. 18
    OBJECTION = "objection"  # Art. 21


@define(kw_only=True)
class DataSubjectRequest:
    id: uuid.UUID
    centre_id: CentreId
    #: The client the request is from (an id: the entry outlives the client's erasure).
    data_subject_id: ClientId
    kind: RequestKind
    received_on: dt.date
    clock_started_on: dt.date | None = None
    extended: bool = False
    extension_notified_on: dt.date | None = None
    answered_on: dt.date | None = None
    note: str | None = None
    created_at: dt.datetime
    created_by: UserId | None = None
    updated_at: dt.datetime
    version: int = 1


@frozen(kw_only=True)
class RequestDue:
    """A request with its due dates in the centre's calendar."""

    request: DataSubjectRequest
    due_on: dt.date  # the date that applies (extended if validly extended)
    first_due_on: dt.date
    extended_due_on: dt.date
    overdue: bool


class HoldSubject(enum.StrEnum):
    CASE = "case"
    CLIENT = "client"


@define(kw_only=True)
class LegalHold:
    id: uuid.UUID
    centre_id: CentreId
    subject: HoldSubject
    case_id: CaseId | None = None
    client_id: ClientId | None = None
    reason: str  # a short code-like reason: complaint, litigation, insolvency, other
    note: str | None = None
    placed_at: dt.datetime
    placed_by: UserId | None = None
    released_at: dt.datetime | None = None
    released_by: UserId | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def active(self) -> bool:
        return self.released_at is None


class HoldReason(enum.StrEnum):
    COMPLAINT = "complaint"
    LITIGATION = "litigation"
    INSOLVENCY = "insolvency"
    REGULATOR = "regulator"
    OTHER = "other"
