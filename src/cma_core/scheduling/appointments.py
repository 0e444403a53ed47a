"""Appointments: adviser availability, double-booking checks and the status state machine.

State machine::

    booked --reschedule--> booked (sequence + 1)
    booked --cancel------> cancelled
    booked --complete----> completed
    booked --no_show-----> no_show

Only ``booked`` appointments hold a slot. Instants are timezone-aware; working hours are
wall-clock times in the centre's time zone (``Europe/London`` by default), so BST is right.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import NewType
from zoneinfo import ZoneInfo

import attrs
from attrs import field, frozen

from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.shared.errors import Conflict, InvalidTransition, ValidationError
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_core.shared.text import check_line
from cma_core.shared.time import require_aware

AppointmentId = NewType("AppointmentId", uuid.UUID)

LONDON = "Europe/London"


class AppointmentKind(enum.StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class AppointmentStatus(enum.StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    NO_SHOW = "no_show"


class AdviserUnavailable(ValidationError):
    """The slot is outside the adviser's hours, on leave, or on a closed day."""

    code = "adviser-unavailable"


class DoubleBooking(Conflict):
    """The adviser already has a booked appointment overlapping the slot."""

    code = "double-booking"

    def __init__(self, adviser_id: UserId, clashes: Sequence[AppointmentId]) -> None:
        ids = ", ".join(str(c) for c in clashes)
        super().__init__(f"adviser {adviser_id} is already booked at that time ({ids})")
        self.adviser_id = adviser_id
        self.clashes = tuple(clashes)


@frozen
class WorkingHours:
    """One window of a weekday in local wall-clock time, ``start`` < ``end``."""

    start: dt.time
    end: dt.time

    def __attrs_post_init__(self) -> None:
        if self.start >= self.end:
            raise ValidationError("working_hours", "start must be before end")


@frozen
class LeavePeriod:
    """Inclusive dates the adviser is away."""

    first_day: dt.date
    last_day: dt.date

    def __attrs_post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValidationError("leave", "last day must not be before first day")

    def contains(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day


WeeklyHours = tuple[tuple[int, tuple[WorkingHours, ...]], ...]


def _hours(value: Mapping[int, Iterable[WorkingHours]]) -> WeeklyHours:
    return tuple(sorted((int(k), tuple(v)) for k, v in value.items()))


@frozen(kw_only=True)
class AdviserAvailability:
    """When an adviser can be booked: hours per weekday (0 = Monday) minus leave."""

    adviser_id: UserId
    weekly_hours: WeeklyHours = field(converter=_hours)
    leave: tuple[LeavePeriod, ...] = ()
    timezone: str = LONDON

    def hours_on(self, weekday: int) -> tuple[WorkingHours, ...]:
        for day, windows in self.weekly_hours:
            if day == weekday:
                return windows
        return ()

    def unavailable_reason(
        self, start: dt.datetime, end: dt.datetime, calendar: WorkingCalendar | None = None
    ) -> str | None:
        """Why the adviser cannot take ``[start, end)``, or ``None`` if they can."""
        zone = ZoneInfo(self.timezone)
        local_start = require_aware(start, field="start").astimezone(zone)
        local_end = require_aware(end, field="end").astimezone(zone)
        day = local_start.date()
        if local_end.date() != day and local_end.time() != dt.time(0):
            return "the appointment spans more than one day"
        if any(period.contains(day) for period in self.leave):
            return f"the adviser is on leave on {day.isoformat()}"
        if calendar is not None and not calendar.is_working_day(day):
            return f"{day.isoformat()} is not a working day for the centre"
        end_time = local_end.time() if local_end.date() == day else dt.time.max
        for window in self.hours_on(day.weekday()):
            if window.start <= local_start.time() and end_time <= window.end:
                return None
        return "the slot is outside the adviser's working hours"


@frozen(kw_only=True)
class Appointment:
    """One meeting between an adviser and a client. Change it only through its methods."""

    id: AppointmentId
    case_id: CaseId
    client_id: ClientId
    adviser_id: UserId
    kind: AppointmentKind
    start: dt.datetime
    end: dt.datetime
    status: AppointmentStatus = AppointmentStatus.BOOKED
    location: str = ""
    sequence: int = 0  # RFC 5545 SEQUENCE: bumped on every reschedule or cancellation
    cancel_reason: str | None = None

    def __attrs_post_init__(self) -> None:
        require_aware(self.start, field="start")
        require_aware(self.end, field="end")
        if self.end <= self.start:
            raise ValidationError("end", "must be after start")
        if self.kind is AppointmentKind.IN_PERSON and not self.location.strip():
            raise ValidationError("location", "an in-person appointment needs a location")

    @property
    def holds_slot(self) -> bool:
        return self.status is AppointmentStatus.BOOKED

    def overlaps(self, start: dt.datetime, end: dt.datetime) -> bool:
        # Half-open intervals: back-to-back appointments (10:00-11:00, 11:00-12:00) are fine.
        return self.start < end and start < self.end

    def _require_booked(self, action: str) -> None:
        if self.status is not AppointmentStatus.BOOKED:
            raise InvalidTransition(f"cannot {action} an appointment that is {self.status}")

    def rescheduled(self, start: dt.datetime, end: dt.datetime) -> Appointment:
        self._require_booked("reschedule")
        return attrs.evolve(self, start=start, end=end, sequence=self.sequence + 1)

    def cancelled(self, reason: str) -> Appointment:
        self._require_booked("cancel")
        if not check_line(reason, "reason", max_length=500).strip():
            raise ValidationError("reason", "must not be empty")
        return attrs.evolve(
            self,
            status=AppointmentStatus.CANCELLED,
            cancel_reason=reason.strip(),
            sequence=self.sequence + 1,
        )

    def completed(self) -> Appointment:
        self._require_booked("complete")
        return attrs.evolve(self, status=AppointmentStatus.COMPLETED)

    def no_show(self) -> Appointment:
        self._require_booked("mark as no-show")
        return attrs.evolve(self, status=AppointmentStatus.NO_SHOW)


def find_conflicts(
    existing: Iterable[Appointment],
    adviser_id: UserId,
    start: dt.datetime,
    end: dt.datetime,
    *,
    ignore: AppointmentId | None = None,
) -> tuple[Appointment, ...]:
    """Booked appointments of ``adviser_id`` overlapping ``[start, end)``."""
    return tuple(
        a
        for a in existing
        if a.adviser_id == adviser_id and a.holds_slot and a.id != ignore and a.overlaps(start, end)
    )


def _check_slot(
    candidate: Appointment,
    existing: Iterable[Appointment],
    availability: AdviserAvailability | None,
    calendar: WorkingCalendar | None,
    allow_conflict: bool,
) -> None:
    if availability is not None and availability.adviser_id != candidate.adviser_id:
        raise ValidationError("availability", "belongs to a different adviser")
    if allow_conflict:
        return
    if availability is not None:
        reason = availability.unavailable_reason(candidate.start, candidate.end, calendar)
        if reason is not None:
            raise AdviserUnavailable("start", reason)
    clashes = find_conflicts(
        existing, candidate.adviser_id, candidate.start, candidate.end, ignore=candidate.id
    )
    if clashes:
        raise DoubleBooking(candidate.adviser_id, [c.id for c in clashes])


def book(
    candidate: Appointment,
    existing: Iterable[Appointment],
    availability: AdviserAvailability | None = None,
    calendar: WorkingCalendar | None = None,
    *,
    allow_conflict: bool = False,
) -> Appointment:
    """Accept ``candidate`` if the adviser is free, else raise. ``allow_conflict`` books it
    anyway (a supervisor squeezing in an urgent client): its conflicts are then shown on it
    (``cma_core.scheduling.conflicts``) rather than refused.

    Raises:
        AdviserUnavailable: outside working hours, on leave or a closed day.
        DoubleBooking: overlaps another booked appointment of the same adviser.
    """
    if candidate.status is not AppointmentStatus.BOOKED:
        raise ValidationError("status", "a new appointment must be booked")
    _check_slot(candidate, existing, availability, calendar, allow_conflict)
    return candidate


def reschedule(
    appointment: Appointment,
    start: dt.datetime,
    end: dt.datetime,
    existing: Iterable[Appointment],
    availability: AdviserAvailability | None = None,
    calendar: WorkingCalendar | None = None,
    *,
    allow_conflict: bool = False,
) -> Appointment:
    """Move a booked appointment, checking the new slot like a new booking."""
    moved = appointment.rescheduled(start, end)
    _check_slot(moved, existing, availability, calendar, allow_conflict)
    return moved
