"""Request and response shapes of the case clock: facts, deadlines, appointments, adviser
availability, contact consent, closure days and reminders."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Sequence
from typing import Annotated, Any

from litestar.params import KwargDefinition
from msgspec import Meta, Struct

from cma_core.scheduling.appointments import AppointmentKind, WorkingHours
from cma_core.scheduling.conflicts import AppointmentConflict, CentreHours, ConflictKind
from cma_core.scheduling.ports import (
    CaseFact,
    ClosureDay,
    FactKind,
    ReminderRecord,
    StoredAppointment,
    StoredAvailability,
    StoredCentreHours,
    StoredConsent,
    TrackedDeadline,
)
from cma_core.scheduling.service import DEEMED_SERVICE_AHEAD_DAYS
from cma_core.shared.errors import ValidationError
from cma_entrypoints.http.common.schemas import (
    LINE,
    MAX_ITEMS,
    Code,
    Day,
    Input,
    Line,
    Moment,
    PageOf,
    Reason,
    from_attributes,
)


class FactIn(Input):
    kind: FactKind
    occurred_on: Day
    details: Annotated[dict[Code, Any], Meta(max_length=50)] = {}
    deemed: Annotated[
        bool,
        Meta(
            description="occurred_on is a deemed date of service, as printed on a claim "
            "form or worked out from the rules (court_claim_served, "
            "statutory_demand_served, interim_charging_order_served only): it may be up "
            f"to {DEEMED_SERVICE_AHEAD_DAYS} days ahead, and the deadlines count from it. "
            "Any other fact is never dated after today."
        ),
    ] = False


class DeadlineOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    fact_id: uuid.UUID
    kind: str
    due: dt.date
    trigger: dt.date
    counting: str
    amount: int
    rule: str
    source: str
    is_earliest: bool
    status: str
    adviser_id: uuid.UUID | None
    task_id: uuid.UUID | None
    escalated_to: uuid.UUID | None

    @classmethod
    def of(cls, d: TrackedDeadline) -> DeadlineOut:
        return cls(
            id=d.id,
            case_id=d.case_id,
            fact_id=d.fact_id,
            kind=d.deadline.kind.value,
            due=d.deadline.due,
            trigger=d.deadline.trigger,
            counting=d.deadline.counting.value,
            amount=d.deadline.amount,
            rule=d.deadline.rule,
            source=d.deadline.source,
            is_earliest=d.deadline.is_earliest,
            status=d.status.value,
            adviser_id=d.adviser_id,
            task_id=d.task_id,
            escalated_to=d.escalated_to,
        )


class FactOut(Struct):
    """A dated event on the case and the deadlines it started (their state now)."""

    id: uuid.UUID
    case_id: uuid.UUID
    kind: str
    occurred_on: dt.date
    deadlines: list[DeadlineOut]
    #: ``occurred_on`` is a deemed date of service (it may be ahead of today).
    deemed: bool = False
    #: By kind (``served_outside_ew``, a petition's sums); from a document:
    #: ``document_id``, ``suggestion_id``.
    details: dict[str, Any] = {}
    recorded_at: dt.datetime | None = None
    recorded_by: uuid.UUID | None = None
    version: int = 1
    #: Set when withdrawn as recorded in error: its open deadlines were withdrawn with it.
    withdrawn_at: dt.datetime | None = None
    withdrawn_by: uuid.UUID | None = None
    withdrawn_reason: str | None = None

    @classmethod
    def of(cls, f: CaseFact, deadlines: Sequence[TrackedDeadline]) -> FactOut:
        return cls(
            id=f.id,
            case_id=f.case_id,
            kind=f.kind.value,
            occurred_on=f.occurred_on,
            deadlines=[DeadlineOut.of(d) for d in deadlines],
            deemed=bool(f.details.get("deemed", False)),
            details=dict(f.details),
            recorded_at=f.recorded_at,
            recorded_by=f.recorded_by,
            version=f.version,
            withdrawn_at=f.withdrawn_at,
            withdrawn_by=f.withdrawn_by,
            withdrawn_reason=f.withdrawn_reason,
        )


class FactPage(PageOf[FactOut]):
    items: list[FactOut]


class WithdrawFactIn(Input):
    """Why the event is withdrawn (kept with it, and as the cancelled tasks' note)."""

    reason: Reason


class DeadlinePage(PageOf[DeadlineOut]):
    items: list[DeadlineOut]


class AppointmentIn(Input):
    case_id: uuid.UUID
    kind: AppointmentKind
    start: Moment
    end: Moment
    adviser_id: uuid.UUID | None = None
    location: Line = ""
    #: Book even if the adviser is double-booked, on leave or outside their own hours.
    allow_conflict: bool = False


class ReschedulePatch(Input):
    start: Moment
    end: Moment
    allow_conflict: bool = False


class CancelIn(Input):
    reason: Reason


class ConflictOut(Struct):
    """One thing wrong with a booked appointment, computed when it is read."""

    kind: ConflictKind
    detail: str
    other_appointment_id: uuid.UUID | None = None

    @classmethod
    def of(cls, c: AppointmentConflict) -> ConflictOut:
        return cls(kind=c.kind, detail=c.detail, other_appointment_id=c.other_appointment_id)


class AppointmentOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    client_id: uuid.UUID
    adviser_id: uuid.UUID
    kind: str
    start: dt.datetime
    end: dt.datetime
    status: str
    location: str
    sequence: int
    cancel_reason: str | None
    version: int
    #: What is wrong with the slot now (computed when read; empty unless booked).
    conflicts: list[ConflictOut]

    @classmethod
    def of(cls, s: StoredAppointment) -> AppointmentOut:
        a = s.appointment
        return from_attributes(
            cls,
            a,
            kind=a.kind.value,
            status=a.status.value,
            version=s.version,
            conflicts=[ConflictOut.of(c) for c in s.conflicts],
        )


class AppointmentPage(PageOf[AppointmentOut]):
    items: list[AppointmentOut]


#: A time of day on the wall clock ("09:00", "17:30:00"). Litestar documents ``dt.time`` as
#: ``format: duration`` (ISO 8601 "PT9H"), which is not what is sent or answered; RFC 3339
#: calls a time with no offset a ``partial-time``.
ClockTime = Annotated[
    dt.time, KwargDefinition(schema_extra={"format": "partial-time", "examples": ["09:00:00"]})
]


class WindowIn(Input):
    start: ClockTime
    end: ClockTime


class LeaveIn(Input):
    first_day: Day
    last_day: Day


Windows = Annotated[list[WindowIn], Meta(max_length=24)]


class AvailabilityIn(Input):
    weekly_hours: Annotated[
        dict[Code, Annotated[list[WindowIn], Meta(max_length=24)]], Meta(max_length=7)
    ]
    leave: Annotated[list[LeaveIn], Meta(max_length=MAX_ITEMS)] = []
    timezone: Annotated[str, Meta(max_length=64, pattern=r"^[A-Za-z0-9_+/-]*$(?!\n)")] = (
        "Europe/London"
    )


class AvailabilityOut(Struct):
    adviser_id: uuid.UUID
    weekly_hours: dict[str, list[WindowIn]]
    leave: list[LeaveIn]
    timezone: str
    version: int

    @classmethod
    def of(cls, s: StoredAvailability) -> AvailabilityOut:
        a = s.availability
        return cls(
            adviser_id=a.adviser_id,
            weekly_hours={
                str(day): [WindowIn(start=w.start, end=w.end) for w in wins]
                for day, wins in a.weekly_hours
            },
            leave=[LeaveIn(first_day=p.first_day, last_day=p.last_day) for p in a.leave],
            timezone=a.timezone,
            version=s.version,
        )


WeeklyWindows = Annotated[dict[Code, Windows], Meta(max_length=7)]


def weekly_hours_in(value: dict[str, list[WindowIn]]) -> dict[int, list[WorkingHours]]:
    """``{"0": [{start, end}]}`` as weekday → windows; a key that is no weekday is refused,
    and a window that ends before it starts or overlaps another of its day is refused naming
    that window's field (``weekly_hours.2[1].start``), so a form can mark the very input."""
    hours: dict[int, list[WorkingHours]] = {}
    for key, windows in value.items():
        if not key.isdigit() or not 0 <= int(key) <= 6:
            raise ValidationError("weekly_hours", "keys are weekdays 0 (Monday) to 6")
        _check_windows(key, windows)
        hours[int(key)] = [WorkingHours(w.start, w.end) for w in windows]
    return hours


def _check_windows(day: str, windows: list[WindowIn]) -> None:
    for i, w in enumerate(windows):
        if w.start >= w.end:
            raise ValidationError(f"weekly_hours.{day}[{i}].end", "must be after the start")
    order = sorted(range(len(windows)), key=lambda i: (windows[i].start, i))
    for a, b in itertools.pairwise(order):
        if windows[b].start < windows[a].end:
            raise ValidationError(
                f"weekly_hours.{day}[{b}].start",
                f"overlaps the window {windows[a].start:%H:%M}–{windows[a].end:%H:%M}",
            )


class CentreHoursIn(Input):
    weekly_hours: WeeklyWindows
    timezone: Annotated[str, Meta(max_length=64, pattern=r"^[A-Za-z0-9_+/-]*$(?!\n)")] = (
        "Europe/London"
    )

    def hours(self) -> CentreHours:
        return CentreHours(weekly=weekly_hours_in(self.weekly_hours), timezone=self.timezone)


class CentreHoursOut(Struct):
    weekly_hours: dict[str, list[WindowIn]]
    timezone: str
    version: int
    updated_at: dt.datetime | None

    @classmethod
    def of(cls, s: StoredCentreHours) -> CentreHoursOut:
        return cls(
            weekly_hours={
                str(day): [WindowIn(start=w.start, end=w.end) for w in wins]
                for day, wins in s.hours.weekly
            },
            timezone=s.hours.timezone,
            version=s.version,
            updated_at=s.updated_at,
        )


class ConsentIn(Input):
    email: bool | None = None
    sms: bool | None = None


class ConsentOut(Struct):
    client_id: uuid.UUID
    email: bool | None
    sms: bool | None
    recorded_at: dt.datetime
    version: int

    @classmethod
    def of(cls, stored: StoredConsent) -> ConsentOut:
        return cls(
            client_id=stored.consent.client_id,
            email=stored.consent.email,
            sms=stored.consent.sms,
            recorded_at=stored.recorded_at,
            version=stored.version,
        )


class ClosureIn(Input):
    day: Day
    reason: Annotated[str, Meta(min_length=1, max_length=200, pattern=LINE)]


class ClosureOut(Struct):
    day: dt.date
    reason: str
    created_at: dt.datetime
    created_by: uuid.UUID | None

    @classmethod
    def of(cls, c: ClosureDay) -> ClosureOut:
        return cls(day=c.day, reason=c.reason, created_at=c.created_at, created_by=c.created_by)


class ReminderOut(Struct):
    key: str
    case_id: uuid.UUID | None
    version: int
    audience: str
    channel: str
    recipient: str
    subject_kind: str
    subject_ref: str
    send_at: dt.datetime
    event_at: dt.datetime
    status: str
    attempts: int
    sent_at: dt.datetime | None
    note: str | None

    @classmethod
    def of(cls, r: ReminderRecord) -> ReminderOut:
        return from_attributes(
            cls,
            r,
            status=r.status.value,
            # The note of a sent email is the provider's reference (e.g. an outbox path):
            # only the reason of a skipped one is for the reader.
            note=r.note if r.status.value == "skipped" else None,
        )


class ReminderPage(PageOf[ReminderOut]):
    items: list[ReminderOut]
