"""OpenAPI examples of the case clock routes: deadlines, appointments, availability,
closures and reminders, built with the response shapes themselves."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec
from litestar.openapi.spec import Example

from cma_core.scheduling.conflicts import ConflictKind
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.scheduling.schemas import (
    AppointmentOut,
    AvailabilityOut,
    CentreHoursOut,
    ClosureOut,
    ConflictOut,
    ConsentOut,
    DeadlineOut,
    FactOut,
    LeaveIn,
    ReminderOut,
    WindowIn,
)

FACT_ID = uuid.UUID("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")

DEADLINE = DeadlineOut(
    id=uuid.UUID("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"),
    case_id=ex.CASE_ID,
    fact_id=FACT_ID,
    kind="claim_response",
    due=dt.date(2026, 12, 9),
    trigger=dt.date(2026, 11, 20),
    counting="calendar_days",
    amount=14,
    rule="CPR 10.3(1)(a) + CPR 6.14",
    source="Civil Procedure Rules",
    is_earliest=False,
    status="open",
    adviser_id=ex.ADVISER_ID,
    task_id=ex.TASK_ID,
    escalated_to=None,
)

DEADLINE_MET = DeadlineOut(**{**msgspec.structs.asdict(DEADLINE), "status": "met"})

FACT = FactOut(
    id=FACT_ID,
    case_id=ex.CASE_ID,
    kind="court_claim_served",
    occurred_on=dt.date(2026, 11, 20),
    deadlines=[DEADLINE],
    recorded_at=dt.datetime(2026, 11, 23, 10, 5, tzinfo=dt.UTC),
    recorded_by=ex.ADVISER_ID,
)
FACT_WITHDRAWN = FactOut(
    **{
        **msgspec.structs.asdict(FACT),
        "deadlines": [DeadlineOut(**{**msgspec.structs.asdict(DEADLINE), "status": "withdrawn"})],
        "version": 2,
        "withdrawn_at": dt.datetime(2026, 11, 23, 10, 9, tzinfo=dt.UTC),
        "withdrawn_by": ex.ADVISER_ID,
        "withdrawn_reason": "date mistyped: served 16 Nov",
    }
)

APPOINTMENT = AppointmentOut(
    id=uuid.UUID("c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f"),
    case_id=ex.CASE_ID,
    client_id=ex.CLIENT_ID,
    adviser_id=ex.ADVISER_ID,
    kind="phone",
    start=dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC),
    end=dt.datetime(2026, 12, 1, 11, 0, tzinfo=dt.UTC),
    status="booked",
    location="",
    sequence=0,
    cancel_reason=None,
    version=1,
    conflicts=[],
)


def appointment_example(**changes: Any) -> AppointmentOut:
    return AppointmentOut(**{**msgspec.structs.asdict(APPOINTMENT), **changes})


AVAILABILITY = AvailabilityOut(
    adviser_id=ex.ADVISER_ID,
    weekly_hours={
        day: [WindowIn(start=dt.time(9, 0), end=dt.time(13, 0))] for day in ("0", "1", "2")
    },
    leave=[LeaveIn(first_day=dt.date(2026, 12, 21), last_day=dt.date(2026, 12, 24))],
    timezone="Europe/London",
    version=2,
)

CLOSURE = ClosureOut(
    day=dt.date(2026, 12, 29), reason="Training", created_at=ex.AT, created_by=ex.MANAGER_ID
)

REMINDER = ReminderOut(
    key="3f9c2a7d5b1e4c6f8a0d2b4c6e8f0a1b",
    case_id=ex.CASE_ID,
    version=1,
    audience="client",
    channel="sms",
    recipient="07700 900123",
    subject_kind="appointment",
    subject_ref=str(APPOINTMENT.id),
    send_at=dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC),
    event_at=APPOINTMENT.start,
    status="pending",
    attempts=0,
    sent_at=None,
    note=None,
)

CANCELLED_REMINDER = msgspec.structs.replace(REMINDER, status="cancelled", version=2)

CONSENT = ConsentOut(client_id=ex.CLIENT_ID, email=False, sms=True, recorded_at=ex.AT, version=2)


# Request bodies, as an adviser would send them.
FACT_BODIES = [
    Example(
        summary="A county court claim was served",
        value={"kind": "court_claim_served", "occurred_on": "2026-11-20"},
    ),
    Example(
        summary="A statutory demand served abroad",
        value={
            "kind": "statutory_demand_served",
            "occurred_on": "2026-11-20",
            "details": {"served_outside_ew": True},
        },
    ),
    Example(
        summary="A claim form's deemed date of service, still a few days ahead",
        value={"kind": "court_claim_served", "occurred_on": "2026-11-24", "deemed": True},
    ),
]
BOOKING_BODIES = [
    Example(
        summary="A phone appointment",
        value={
            "case_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b",
            "kind": "phone",
            "start": "2026-12-01T10:00:00Z",
            "end": "2026-12-01T11:00:00Z",
        },
    ),
    Example(
        summary="Squeeze in an urgent client although the adviser is booked then",
        value={
            "case_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b",
            "kind": "phone",
            "start": "2026-12-01T10:30:00Z",
            "end": "2026-12-01T11:00:00Z",
            "allow_conflict": True,
        },
    ),
]
AVAILABILITY_BODIES = [
    Example(
        summary="Mornings Monday to Wednesday, a week off",
        value={
            "weekly_hours": {
                "0": [{"start": "09:00:00", "end": "13:00:00"}],
                "1": [{"start": "09:00:00", "end": "13:00:00"}],
                "2": [{"start": "09:00:00", "end": "13:00:00"}],
            },
            "leave": [{"first_day": "2026-12-21", "last_day": "2026-12-31"}],
        },
    )
]


CONFLICTED = appointment_example(
    id=uuid.UUID("d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70"),
    start=dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.UTC),
    end=dt.datetime(2026, 12, 1, 11, 0, tzinfo=dt.UTC),
    conflicts=[
        ConflictOut(
            kind=ConflictKind.OVERLAP_ADVISER,
            detail="the adviser has another appointment from 10:00 to 11:00 on "
            "Tuesday 1 December 2026",
            other_appointment_id=APPOINTMENT.id,
        )
    ],
)

CENTRE_HOURS = CentreHoursOut(
    weekly_hours={
        **{str(d): [WindowIn(start=dt.time(9, 0), end=dt.time(17, 0))] for d in range(4)},
        "4": [WindowIn(start=dt.time(9, 0), end=dt.time(13, 0))],
    },
    timezone="Europe/London",
    version=1,
    updated_at=ex.AT,
)
CENTRE_HOURS_IN = {
    "weekly_hours": {
        **{str(d): [{"start": "09:00:00", "end": "17:00:00"}] for d in range(4)},
        "4": [{"start": "09:00:00", "end": "13:00:00"}],
    },
    "timezone": "Europe/London",
}
