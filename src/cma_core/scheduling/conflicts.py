"""Why an appointment is a problem: pure rules over the appointment and what surrounds it.

Each booked appointment is checked against

* ``overlap_adviser`` – another booked appointment of the same adviser overlaps it;
* ``overlap_client`` – another booked appointment of the same client overlaps it (with any
  adviser: the client cannot be in two meetings);
* ``centre_closed`` – the centre is closed that day (its own closure day, or a bank holiday
  of its jurisdiction);
* ``outside_hours`` – the slot is not inside the centre's working hours for that weekday
  (a weekday the centre does not open at all counts too);
* ``staff_leave`` – the adviser is on leave that day.

Intervals are half-open, so back-to-back appointments do not overlap. Only ``booked``
appointments hold a slot, so cancelled, completed and no-show ones have no conflicts and
are no one's conflict. Working hours are wall-clock times in the centre's time zone.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar
from zoneinfo import ZoneInfo

from attrs import field, frozen

from cma_core.scheduling.appointments import (
    LONDON,
    Appointment,
    AppointmentId,
    LeavePeriod,
    WeeklyHours,
    WorkingHours,
    _hours,
)
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import ClientId, UserId

K = TypeVar("K")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class ConflictKind(enum.StrEnum):
    OVERLAP_ADVISER = "overlap_adviser"
    OVERLAP_CLIENT = "overlap_client"
    OUTSIDE_HOURS = "outside_hours"
    CENTRE_CLOSED = "centre_closed"
    STAFF_LEAVE = "staff_leave"


@frozen
class AppointmentConflict:
    kind: ConflictKind
    detail: str
    other_appointment_id: AppointmentId | None = None


@frozen(kw_only=True)
class CentreHours:
    """When the centre is open: windows per weekday (0 = Monday), in ``timezone``.

    A weekday missing from ``weekly`` is a day the centre does not open.
    """

    weekly: WeeklyHours = field(converter=_hours)
    timezone: str = LONDON

    def __attrs_post_init__(self) -> None:
        for day, windows in self.weekly:
            if not 0 <= day <= 6:
                raise ValidationError("weekly_hours", "weekday must be 0 (Monday) to 6")
            ordered = sorted(windows, key=lambda w: w.start)
            for a, b in itertools.pairwise(ordered):
                if b.start < a.end:
                    raise ValidationError(
                        "weekly_hours", f"windows overlap on {WEEKDAYS[day]} ({a.end} > {b.start})"
                    )
        try:
            ZoneInfo(self.timezone)
        except (KeyError, ValueError):
            raise ValidationError("timezone", "is not a known time zone") from None

    def hours_on(self, weekday: int) -> tuple[WorkingHours, ...]:
        for day, windows in self.weekly:
            if day == weekday:
                return windows
        return ()


#: A centre that never set its hours: Monday to Friday, 09:00 to 17:00, London time.
DEFAULT_CENTRE_HOURS = CentreHours(
    weekly={d: (WorkingHours(dt.time(9), dt.time(17)),) for d in range(5)}
)


@frozen(kw_only=True)
class Surroundings:
    """What an appointment is checked against.

    ``others``: the booked appointments that may overlap (any adviser, any client; the
    appointment itself may be among them). ``calendar``: bank holidays and closure days,
    with ``closure_reasons`` naming the centre's own closures. ``leave``: each adviser's.
    """

    others: Sequence[Appointment] = ()
    hours: CentreHours = DEFAULT_CENTRE_HOURS
    calendar: WorkingCalendar | None = None
    closure_reasons: Mapping[dt.date, str] = field(factory=dict)
    leave: Mapping[UserId, Sequence[LeavePeriod]] = field(factory=dict)
    # The booked ones among ``others`` per adviser and per client, sorted by start, so each
    # appointment is checked against the few that can overlap it (bisect), not all.
    _by_adviser: Mapping[UserId, _Lane] = field(init=False)
    _by_client: Mapping[ClientId, _Lane] = field(init=False)

    @_by_adviser.default
    def _index_advisers(self) -> Mapping[UserId, _Lane]:
        return _lanes(self.others, lambda a: a.adviser_id)

    @_by_client.default
    def _index_clients(self) -> Mapping[ClientId, _Lane]:
        return _lanes(self.others, lambda a: a.client_id)

    def same_adviser(self, appt: Appointment) -> tuple[Appointment, ...]:
        lane = self._by_adviser.get(appt.adviser_id)
        return lane.around(appt) if lane else ()

    def same_client(self, appt: Appointment) -> tuple[Appointment, ...]:
        lane = self._by_client.get(appt.client_id)
        return lane.around(appt) if lane else ()


@frozen
class _Lane:
    """One person's booked appointments by start, with the longest one's length."""

    items: tuple[Appointment, ...]
    starts: tuple[dt.datetime, ...]
    longest: dt.timedelta

    def around(self, appt: Appointment) -> tuple[Appointment, ...]:
        """Those that may overlap ``appt``: starting before it ends, and no earlier than
        its start minus the longest appointment (in start order)."""
        lo = bisect.bisect_left(self.starts, appt.start - self.longest)
        hi = bisect.bisect_left(self.starts, appt.end)
        return self.items[lo:hi]


def _lanes(others: Iterable[Appointment], key: Callable[[Appointment], K]) -> dict[K, _Lane]:
    groups: dict[K, list[Appointment]] = {}
    for a in others:
        if a.holds_slot:
            groups.setdefault(key(a), []).append(a)
    out: dict[K, _Lane] = {}
    for k, v in groups.items():
        v.sort(key=_order)
        out[k] = _Lane(
            items=tuple(v),
            starts=tuple(a.start for a in v),
            longest=max(a.end - a.start for a in v),
        )
    return out


def _order(a: Appointment) -> tuple[dt.datetime, str]:
    return (a.start, str(a.id))


def _clock(t: dt.time) -> str:
    return t.strftime("%H:%M")


def _day(d: dt.date) -> str:
    """A day as a person reads it: "Friday 11 December 2026"."""
    return f"{d:%A} {d.day} {d:%B %Y}"


def _span(start: dt.datetime, end: dt.datetime, zone: ZoneInfo) -> str:
    """A slot in the centre's wall-clock time: "from 11:00 to 12:00 on Friday 11 December
    2026", or with each end's day when it runs past midnight."""
    a, b = start.astimezone(zone), end.astimezone(zone)
    if a.date() == b.date():
        return f"from {_clock(a.time())} to {_clock(b.time())} on {_day(a.date())}"
    return f"from {_clock(a.time())} on {_day(a.date())} to {_clock(b.time())} on {_day(b.date())}"


def _overlaps(
    appt: Appointment,
    others: Iterable[Appointment],
    kind: ConflictKind,
    who: str,
    zone: ZoneInfo,
) -> list[AppointmentConflict]:
    return [
        AppointmentConflict(
            kind, f"{who} has another appointment {_span(o.start, o.end, zone)}", o.id
        )
        for o in others
        if o.id != appt.id and o.holds_slot and appt.overlaps(o.start, o.end)
    ]


def _days(start: dt.datetime, end: dt.datetime, zone: ZoneInfo) -> list[dt.date]:
    first = start.astimezone(zone).date()
    last = (end - dt.timedelta(microseconds=1)).astimezone(zone).date()
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _outside_hours(appt: Appointment, hours: CentreHours) -> AppointmentConflict | None:
    zone = ZoneInfo(hours.timezone)
    local_start = appt.start.astimezone(zone)
    local_end = appt.end.astimezone(zone)
    day = local_start.date()
    windows = hours.hours_on(day.weekday())
    name = WEEKDAYS[day.weekday()]
    if not windows:
        return AppointmentConflict(
            ConflictKind.OUTSIDE_HOURS, f"the centre does not open on {name}s"
        )
    if local_end.date() == day or (
        local_end.date() == day + dt.timedelta(days=1) and local_end.time() == dt.time(0)
    ):
        end_time = local_end.time() if local_end.date() == day else dt.time.max
        if any(w.start <= local_start.time() and end_time <= w.end for w in windows):
            return None
    spans = ", ".join(f"{_clock(w.start)}–{_clock(w.end)}" for w in windows)
    return AppointmentConflict(
        ConflictKind.OUTSIDE_HOURS, f"outside the centre's hours on {name}s ({spans})"
    )


def conflicts_of(appt: Appointment, around: Surroundings) -> tuple[AppointmentConflict, ...]:
    """Every conflict of ``appt``, in a stable order: the adviser's overlaps, the client's
    (each by the other's start), then closure, hours and leave. None if it is not booked."""
    if not appt.holds_slot:
        return ()
    zone = ZoneInfo(around.hours.timezone)
    found = _overlaps(
        appt, around.same_adviser(appt), ConflictKind.OVERLAP_ADVISER, "the adviser", zone
    ) + _overlaps(appt, around.same_client(appt), ConflictKind.OVERLAP_CLIENT, "the client", zone)
    days = _days(appt.start, appt.end, zone)
    for day in days:
        if day in around.closure_reasons:
            found.append(
                AppointmentConflict(
                    ConflictKind.CENTRE_CLOSED,
                    f"the centre is closed on {_day(day)} ({around.closure_reasons[day]})",
                )
            )
        elif around.calendar is not None and around.calendar.is_bank_holiday(day):
            found.append(
                AppointmentConflict(ConflictKind.CENTRE_CLOSED, f"{_day(day)} is a bank holiday")
            )
    outside = _outside_hours(appt, around.hours)
    if outside is not None:
        found.append(outside)
    leave = around.leave.get(appt.adviser_id, ())
    on_leave = [day for day in days if any(p.contains(day) for p in leave)]
    if on_leave:
        found.append(
            AppointmentConflict(
                ConflictKind.STAFF_LEAVE, f"the adviser is on leave on {_day(on_leave[0])}"
            )
        )
    return tuple(found)
