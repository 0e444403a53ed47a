from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.scheduling.appointments import (
    AdviserAvailability,
    AdviserUnavailable,
    Appointment,
    AppointmentId,
    AppointmentKind,
    AppointmentStatus,
    DoubleBooking,
    LeavePeriod,
    WorkingHours,
    book,
    find_conflicts,
    reschedule,
)
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.shared.errors import InvalidTransition, ValidationError
from cma_core.shared.ids import CaseId, ClientId, UserId

UTC = dt.UTC
ADVISER = UserId(uuid.UUID(int=1))
OTHER = UserId(uuid.UUID(int=2))


def at(day: int, hour: int, minute: int = 0, month: int = 1) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=UTC)


def appt(
    start: dt.datetime, minutes: int = 60, adviser: UserId = ADVISER, **kw: object
) -> Appointment:
    fields: dict[str, object] = {
        "id": AppointmentId(uuid.uuid4()),
        "case_id": CaseId(uuid.uuid4()),
        "client_id": ClientId(uuid.uuid4()),
        "adviser_id": adviser,
        "kind": AppointmentKind.PHONE,
        "start": start,
        "end": start + dt.timedelta(minutes=minutes),
    }
    fields.update(kw)
    return Appointment(**fields)  # type: ignore[arg-type]


NINE_TO_FIVE = {d: [WorkingHours(dt.time(9), dt.time(17))] for d in range(5)}
AVAIL = AdviserAvailability(
    adviser_id=ADVISER,
    weekly_hours=NINE_TO_FIVE,
    leave=(LeavePeriod(dt.date(2026, 2, 9), dt.date(2026, 2, 13)),),
)


def test_double_booking_rejected() -> None:
    existing = [appt(at(5, 10))]
    with pytest.raises(DoubleBooking) as err:
        book(appt(at(5, 10, 30)), existing)
    assert err.value.clashes == (existing[0].id,)


def test_back_to_back_and_other_adviser_are_fine() -> None:
    existing = [appt(at(5, 10))]
    assert book(appt(at(5, 11)), existing)
    assert book(appt(at(5, 10), adviser=OTHER), existing)


def test_cancelled_appointment_frees_the_slot() -> None:
    first = appt(at(5, 10)).cancelled("client asked")
    assert first.status is AppointmentStatus.CANCELLED
    assert first.sequence == 1
    assert book(appt(at(5, 10)), [first])


def test_availability_hours_leave_and_holidays(ew: WorkingCalendar) -> None:
    assert book(appt(at(5, 9)), [], AVAIL, ew)
    with pytest.raises(AdviserUnavailable, match="working hours"):
        book(appt(at(5, 16, 30)), [], AVAIL, ew)
    with pytest.raises(AdviserUnavailable, match="leave"):
        book(appt(at(10, 10, month=2)), [], AVAIL, ew)
    with pytest.raises(AdviserUnavailable, match="not a working day"):
        book(appt(at(1, 10)), [], AVAIL, ew)  # New Year's Day
    with pytest.raises(AdviserUnavailable):
        book(appt(at(3, 10)), [], AVAIL, ew)  # Saturday: no hours


def test_working_hours_are_local_time_in_summer() -> None:
    # 08:30 UTC in June is 09:30 BST: inside 9-5 London time.
    assert book(appt(dt.datetime(2026, 6, 1, 8, 30, tzinfo=UTC)), [], AVAIL)
    with pytest.raises(AdviserUnavailable):
        book(appt(dt.datetime(2026, 6, 1, 7, 30, tzinfo=UTC)), [], AVAIL)


def test_reschedule_checks_new_slot_and_ignores_itself() -> None:
    a = appt(at(5, 10))
    b = appt(at(5, 14))
    moved = reschedule(a, at(5, 10, 30), at(5, 11, 30), [a, b], AVAIL)
    assert moved.sequence == 1
    with pytest.raises(DoubleBooking):
        reschedule(a, at(5, 14), at(5, 15), [a, b])


def test_state_machine() -> None:
    a = appt(at(5, 10))
    done = a.completed()
    with pytest.raises(InvalidTransition):
        done.cancelled("late")
    with pytest.raises(InvalidTransition):
        a.cancelled("x").rescheduled(at(6, 10), at(6, 11))
    assert a.no_show().status is AppointmentStatus.NO_SHOW
    with pytest.raises(ValidationError):
        a.cancelled("  ")


def test_validation() -> None:
    with pytest.raises(ValidationError):
        appt(at(5, 10), minutes=0)
    with pytest.raises(ValidationError):
        appt(dt.datetime(2026, 1, 5, 10))  # naive
    with pytest.raises(ValidationError, match="location"):
        appt(at(5, 10), kind=AppointmentKind.IN_PERSON)
    with pytest.raises(ValidationError):
        WorkingHours(dt.time(17), dt.time(9))


def test_find_conflicts_only_booked_same_adviser() -> None:
    a = appt(at(5, 10))
    assert find_conflicts([a, a.completed()], ADVISER, at(5, 10), at(5, 11)) == (a,)
