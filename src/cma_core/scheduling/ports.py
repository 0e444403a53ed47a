"""Ports of the case clock: the records it keeps, the repositories, the notifier and the
holiday provider (bank holidays per jurisdiction) it needs.

The records here are what the application layer stores around the pure domain of
``cma_core.scheduling`` and ``cma_core.compliance`` (which know nothing of centres, ids of
stored rows or versions). Every record carries its ``centre_id``; every repository is bound
to one unit of work, hence one centre, and raises ``CrossTenantAccess`` when asked to write
another centre's record. Reads of another centre's records behave as "not found".

Each repository joins a unit of work through its own ``RepositoryFactory`` (see
``cma_core.shared.uow``), like every area's.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, NewType, Protocol

from attrs import field, frozen

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.appointments import AdviserAvailability, Appointment, AppointmentId
from cma_core.scheduling.conflicts import AppointmentConflict, CentreHours
from cma_core.scheduling.deadlines import Deadline
from cma_core.scheduling.reminders import ContactConsent
from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import Page

FactId = NewType("FactId", uuid.UUID)
DeadlineId = NewType("DeadlineId", uuid.UUID)


# --------------------------------------------------------------------------- records


class FactKind(enum.StrEnum):
    """Dated facts an adviser records on a case; each starts one or more deadlines."""

    COURT_CLAIM_SERVED = "court_claim_served"
    LETTER_OF_CLAIM = "letter_of_claim"
    STATUTORY_DEMAND_SERVED = "statutory_demand_served"
    ENFORCEMENT_NOTICE = "enforcement_notice"
    INTERIM_CHARGING_ORDER_SERVED = "interim_charging_order_served"
    BREATHING_SPACE_REGISTERED = "breathing_space_registered"
    DRO_APPROVED = "dro_approved"
    SUBJECT_ACCESS_REQUEST = "subject_access_request"
    ADVICE_GIVEN = "advice_given"
    CASE_REVIEWED = "case_reviewed"
    #: The end of a mental-health crisis treatment: the crisis moratorium ends 30 days on.
    CRISIS_TREATMENT_ENDED = "crisis_treatment_ended"
    #: A creditor's bankruptcy petition (``scheduling.petition``: debt, deposit, hearing).
    CREDITOR_PETITION = "creditor_petition"


@frozen(kw_only=True)
class CaseFact:
    id: FactId
    centre_id: CentreId
    case_id: CaseId
    kind: FactKind
    occurred_on: dt.date
    recorded_at: dt.datetime
    recorded_by: UserId | None
    details: Mapping[str, Any] = field(factory=dict)
    #: Bumped by every change (``ETag``/``If-Match`` on withdrawal).
    version: int = 1
    #: Withdrawn as recorded in error (a wrong date, the wrong kind, the wrong case): its
    #: open deadlines were withdrawn with it and their tasks cancelled. Kept, for the record.
    withdrawn_at: dt.datetime | None = None
    withdrawn_by: UserId | None = None
    withdrawn_reason: str | None = None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class DeadlineStatus(enum.StrEnum):
    OPEN = "open"
    MET = "met"  # the adviser recorded that it was dealt with in time
    MISSED = "missed"  # passed while open; escalated
    INFO = "info"  # an "earliest day" marker, not an obligation (never missed)
    #: The fact it was counted from was withdrawn (recorded in error): no longer tracked.
    WITHDRAWN = "withdrawn"


@frozen(kw_only=True)
class TrackedDeadline:
    """A ``Deadline`` on a case, with who owns it and what happened to it."""

    id: DeadlineId
    centre_id: CentreId
    case_id: CaseId
    fact_id: FactId
    deadline: Deadline
    adviser_id: UserId | None
    status: DeadlineStatus
    created_at: dt.datetime
    task_id: uuid.UUID | None = None
    closed_at: dt.datetime | None = None  # met or missed
    escalated_to: UserId | None = None


@frozen(kw_only=True)
class StoredAppointment:
    """An appointment of a centre, with the version used for ``ETag``/``If-Match``."""

    centre_id: CentreId
    appointment: Appointment
    version: int
    created_at: dt.datetime
    #: Computed when read (``conflicts_of``), never stored: what is wrong with the slot now.
    conflicts: tuple[AppointmentConflict, ...] = field(default=(), eq=False)

    @property
    def id(self) -> AppointmentId:
        return self.appointment.id


@frozen(kw_only=True)
class StoredCentreHours:
    """The centre's working hours; version 0 is the default nobody saved yet."""

    centre_id: CentreId
    hours: CentreHours
    version: int
    updated_at: dt.datetime | None


@frozen(kw_only=True)
class StoredAvailability:
    centre_id: CentreId
    availability: AdviserAvailability
    version: int
    updated_at: dt.datetime


@frozen(kw_only=True)
class StoredConsent:
    centre_id: CentreId
    consent: ContactConsent
    recorded_at: dt.datetime
    recorded_by: UserId | None
    version: int = 1


class ReminderStatus(enum.StrEnum):
    PLANNED = "planned"  # ahead, not yet due: computed when listed, never stored as such
    PENDING = "pending"
    SENT = "sent"
    SKIPPED = "skipped"  # no address on file: reported, never retried
    CANCELLED = "cancelled"  # by staff: its key is kept so the planner never plans it again


@frozen(kw_only=True)
class ReminderRecord:
    """One reminder the scheduler decided to send; ``key`` is its idempotency key.

    ``case_id``: the case whose appointment or deadline it is about (``None`` only for rows
    stored before it was kept). ``version``: 0 while only planned (not stored), then 1,
    bumped by every save, so cancelling takes ``If-Match`` like any other edit."""

    key: str
    centre_id: CentreId
    case_id: CaseId | None = None
    version: int = 1
    audience: str  # client | adviser | supervisor
    channel: str  # email | sms | in_app
    recipient: str  # client or user id
    subject_kind: str
    subject_ref: str
    send_at: dt.datetime
    event_at: dt.datetime
    created_at: dt.datetime
    status: ReminderStatus = ReminderStatus.PENDING
    attempts: int = 0
    sent_at: dt.datetime | None = None
    note: str | None = None


@frozen(kw_only=True)
class ClosureDay:
    """A day the centre is closed (training, staff holiday): not a working day for it."""

    centre_id: CentreId
    day: dt.date
    reason: str
    created_at: dt.datetime
    created_by: UserId | None


# --------------------------------------------------------------------------- events


@frozen(kw_only=True)
class FactRecorded(DomainEvent):
    name = "FactRecorded"
    case_id: CaseId
    fact_id: FactId
    kind: str
    occurred_on: dt.date


@frozen(kw_only=True)
class FactWithdrawn(DomainEvent):
    """A fact recorded in error was withdrawn, with its open deadlines (read models: the
    case's deadlines and tasks change)."""

    name = "FactWithdrawn"
    case_id: CaseId
    fact_id: FactId
    kind: str


@frozen(kw_only=True)
class DeadlinePassed(DomainEvent):
    name = "DeadlinePassed"
    case_id: CaseId
    deadline_id: DeadlineId
    kind: str
    due: dt.date
    adviser_id: UserId | None


@frozen(kw_only=True)
class DeadlineMet(DomainEvent):
    """An adviser recorded that an open deadline was dealt with in time (read models: the
    case's next deadline moves on)."""

    name = "DeadlineMet"
    case_id: CaseId
    deadline_id: DeadlineId


@frozen(kw_only=True)
class AppointmentChanged(DomainEvent):
    """An appointment was booked, moved, cancelled, attended or missed (``change``: booked,
    rescheduled, cancelled, completed, no_show). Read by the case timeline."""

    name = "AppointmentChanged"
    case_id: CaseId
    appointment_id: AppointmentId
    change: str
    by: UserId | None


# --------------------------------------------------------------------------- repositories


class FactRepository(Protocol):
    async def add(self, fact: CaseFact) -> None:
        """Stage a fact. Raises ``CrossTenantAccess`` for another centre's fact."""
        ...

    async def list(self, case_id: CaseId) -> Sequence[CaseFact]:
        """The case's facts, withdrawn ones too, oldest ``occurred_on`` first (then
        recorded order)."""
        ...

    async def get(self, fact_id: FactId) -> CaseFact | None: ...

    async def save(self, fact: CaseFact, expected_version: int) -> None:
        """Store ``fact`` (its version already bumped) if the stored version is still
        ``expected_version``, else ``StaleVersion``; ``NotFound`` if there is none."""
        ...


class DeadlineRepository(Protocol):
    async def add(self, deadline: TrackedDeadline) -> None:
        """Stage a deadline. Raises ``Conflict`` if the fact already has one of that kind."""
        ...

    async def get(self, deadline_id: DeadlineId) -> TrackedDeadline | None: ...

    async def save(self, deadline: TrackedDeadline) -> None:
        """Overwrite status, task, closure and escalation. Not found → ``NotFound``."""
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        case_id: CaseId | None = None,
        status: DeadlineStatus | None = None,
        due_before: dt.date | None = None,
    ) -> Page[TrackedDeadline]:
        """Deadlines of this centre, soonest due first (then kind)."""
        ...


class AppointmentRepository(Protocol):
    async def lock_adviser(self, adviser_id: UserId) -> None:
        """Serialise bookings of one adviser until the transaction ends, so two concurrent
        bookings cannot both pass the conflict check (a no-op where writes are serial)."""
        ...

    async def add(self, stored: StoredAppointment) -> None: ...

    async def get(self, appointment_id: AppointmentId) -> StoredAppointment | None: ...

    async def save(self, stored: StoredAppointment, expected_version: int) -> None:
        """Store ``stored`` (whose version is already bumped) if the stored version is still
        ``expected_version``; else ``StaleVersion``."""
        ...

    async def booked_between(
        self, adviser_id: UserId | None, start: dt.datetime, end: dt.datetime
    ) -> Sequence[Appointment]:
        """Booked appointments of the adviser (``None``: of anyone in the centre)
        overlapping ``[start, end)``."""
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        adviser_id: UserId | None = None,
        case_id: CaseId | None = None,
        start_from: dt.datetime | None = None,
        start_to: dt.datetime | None = None,
        booked_only: bool = False,
        after: tuple[dt.datetime, AppointmentId] | None = None,
    ) -> Page[StoredAppointment]:
        """Appointments of this centre, earliest start first; ``start_to`` exclusive; with
        ``after``, only those sorting after that ``(start, id)`` (keyset pages)."""
        ...


class CentreHoursRepository(Protocol):
    async def get(self) -> StoredCentreHours | None:
        """The centre's saved working hours, ``None`` before the first save."""
        ...

    async def put(self, stored: StoredCentreHours, expected_version: int) -> None:
        """Store ``stored`` (version already bumped) if the stored version is still
        ``expected_version`` (0: none stored yet); else ``StaleVersion``."""
        ...


class AvailabilityRepository(Protocol):
    async def get(self, adviser_id: UserId) -> StoredAvailability | None: ...

    async def put(self, stored: StoredAvailability) -> None:
        """Create or replace the adviser's availability (last writer wins on version)."""
        ...


class ConsentRepository(Protocol):
    async def get(self, client_id: ClientId) -> StoredConsent | None: ...

    async def put(self, stored: StoredConsent) -> None:
        """Record the first consent (``version`` 1) or replace the one at ``version - 1``;
        ``StaleVersion`` if another writer got there first."""
        ...

    async def for_clients(
        self, client_ids: Sequence[ClientId]
    ) -> Mapping[ClientId, ContactConsent]:
        """Consents of those clients that have one recorded."""
        ...


class ReminderRepository(Protocol):
    async def add_pending(self, record: ReminderRecord) -> bool:
        """Stage ``record`` unless its key is already known (in any status). Returns whether
        it was new: planning the same reminder twice stores it once."""
        ...

    async def pending(self, *, limit: int) -> Sequence[ReminderRecord]:
        """Pending reminders of this centre, oldest ``send_at`` first."""
        ...

    async def save(self, record: ReminderRecord) -> None:
        """Update status, attempts, ``sent_at`` and note of a known key; the stored version
        becomes ``record.version + 1``."""
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        status: ReminderStatus | None = None,
        audience: str | None = None,
        subject_kind: str | None = None,
        after: tuple[dt.datetime, str] | None = None,
        case_id: CaseId | None = None,
    ) -> Page[ReminderRecord]:
        """The centre's stored reminders matching every filter given, oldest ``send_at``
        first (then by key); with ``after``, only those after that ``(send_at, key)``."""
        ...

    async def get(self, key: str) -> ReminderRecord | None:
        """The stored reminder of ``key`` in this centre, or ``None``."""
        ...

    async def known(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` are stored for this centre (in any status)."""
        ...


class ClosureRepository(Protocol):
    async def add(self, closure: ClosureDay) -> None:
        """Stage a closure day. ``Conflict`` if the day is already closed."""
        ...

    async def remove(self, day: dt.date) -> bool:
        """Reopen ``day``; whether it was closed."""
        ...

    async def list(
        self, *, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[ClosureDay]:
        """Closure days of this centre between ``start`` and ``end`` inclusive, in order."""
        ...


class WrittenAdviceDays(Protocol):
    """The centre's own written-advice period (working days), set by its compliance
    policy; ``None`` while the centre keeps the deployment's default."""

    async def __call__(self) -> int | None: ...


# --------------------------------------------------------------------------- notifier


class NotifyChannel(enum.StrEnum):
    EMAIL = "email"
    SMS = "sms"


@frozen(kw_only=True)
class OutgoingMessage:
    """One message to one recipient. ``idempotency_key`` names it across retries."""

    idempotency_key: str
    channel: NotifyChannel
    to: str  # email address or phone number
    subject: str
    body: str


@frozen(kw_only=True)
class Delivery:
    """What the notifier did: ``duplicate`` when the key was already delivered by it."""

    idempotency_key: str
    provider_ref: str
    duplicate: bool = False


class NotificationFailed(Exception):
    """The message was not accepted (provider down, refused); safe to retry later."""


class Notifier(Protocol):
    """Sends email and SMS.

    Idempotent by ``idempotency_key`` as far as the transport allows: the folder and the
    fake remember keys; the SMS provider receives an ``Idempotency-Key`` header; email
    carries a ``Message-ID`` derived from the key so mail clients fold a resend into one.
    The scheduler calls it again with the same key only after a crash between sending and
    recording the send.
    """

    def channels(self) -> frozenset[NotifyChannel]:
        """The channels this notifier can deliver."""
        ...

    async def send(self, message: OutgoingMessage) -> Delivery:
        """Deliver ``message`` or raise ``NotificationFailed``; ``ValueError`` for a
        channel it does not deliver."""
        ...


class HolidayProvider(Protocol):
    """Source of public (bank) holidays for one UK jurisdiction.

    An adapter may wrap the ``holidays`` package, the GOV.UK ``bank-holidays.json`` feed or a
    table kept by the centre. The core never imports any of them.
    """

    def bank_holidays(self, jurisdiction: Jurisdiction, year: int) -> frozenset[dt.date]:
        """All bank and public holidays in ``jurisdiction`` during ``year``.

        Substitute days (e.g. Monday 28 Dec 2026 for Boxing Day on a Saturday) are included
        as the holiday actually observed. A year the provider does not know raises
        ``LookupError`` rather than returning an empty set, so a missing table can never
        pass for "no holidays".
        """
        ...
