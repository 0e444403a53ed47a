"""Request and response shapes of the case clock: facts, deadlines, appointments, adviser
availability, contact consent, closure days and reminders."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from msgspec import Meta, Struct

from cma_core.scheduling.appointments import AppointmentKind
from cma_core.scheduling.ports import (
    ClosureDay,
    FactKind,
    ReminderRecord,
    StoredAppointment,
    StoredAvailability,
    StoredConsent,
    TrackedDeadline,
)
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
    id: uuid.UUID
    case_id: uuid.UUID
    kind: str
    occurred_on: dt.date
    deadlines: list[DeadlineOut]


class DeadlinePage(PageOf[DeadlineOut]):
    items: list[DeadlineOut]


class AppointmentIn(Input):
    case_id: uuid.UUID
    kind: AppointmentKind
    start: Moment
    end: Moment
    adviser_id: uuid.UUID | None = None
    location: Line = ""


class ReschedulePatch(Input):
    start: Moment
    end: Moment


class CancelIn(Input):
    reason: Reason


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

    @classmethod
    def of(cls, s: StoredAppointment) -> AppointmentOut:
        a = s.appointment
        return from_attributes(cls, a, kind=a.kind.value, status=a.status.value, version=s.version)


class AppointmentPage(PageOf[AppointmentOut]):
    items: list[AppointmentOut]


class WindowIn(Input):
    start: dt.time
    end: dt.time


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
