"""Loading what an appointment's conflicts are computed against (``conflicts.Surroundings``)
for a batch of appointments, in one unit of work: the booked appointments around them, the
centre's hours, closure days and bank holidays, and the advisers' leave.

A handful of queries per batch (not per appointment): one for the neighbours, one for the
hours, one for the closures, one per adviser in the batch for their leave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.appointments import Appointment, LeavePeriod
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.conflicts import (
    DEFAULT_CENTRE_HOURS,
    CentreHours,
    Surroundings,
    conflicts_of,
)
from cma_core.scheduling.ports import (
    AppointmentRepository,
    AvailabilityRepository,
    CentreHoursRepository,
    ClosureRepository,
    HolidayProvider,
    StoredAppointment,
)
from cma_core.shared.ids import UserId

#: Widest window ``has_conflicts`` scans (a quarter): the filter is computed, not stored.
MAX_CONFLICT_WINDOW = dt.timedelta(days=92)


async def centre_hours_of(repo: CentreHoursRepository | None) -> CentreHours:
    if repo is None:
        return DEFAULT_CENTRE_HOURS
    stored = await repo.get()
    return stored.hours if stored is not None else DEFAULT_CENTRE_HOURS


def _bank_holidays(
    holidays: HolidayProvider, jurisdiction: Jurisdiction, years: Sequence[int]
) -> WorkingCalendar | None:
    try:
        return WorkingCalendar.from_provider(holidays, jurisdiction, years)
    except LookupError:
        return None  # a year with no holiday table: no bank-holiday flag, nothing refused


async def load_surroundings(
    items: Sequence[Appointment],
    *,
    appointments: AppointmentRepository,
    availability: AvailabilityRepository,
    closures: ClosureRepository,
    hours: CentreHoursRepository | None,
    holidays: HolidayProvider,
    jurisdiction: Jurisdiction,
    config_closures: frozenset[dt.date] = frozenset(),
) -> Surroundings:
    booked = [a for a in items if a.holds_slot]
    if not booked:
        return Surroundings()
    lo = min(a.start for a in booked)
    hi = max(a.end for a in booked)
    others = await appointments.booked_between(None, lo, hi)
    first, last = lo.date() - dt.timedelta(days=1), hi.date() + dt.timedelta(days=1)
    closed = await closures.list(start=first, end=last)
    reasons = {d: "closed" for d in config_closures if first <= d <= last}
    reasons |= {c.day: c.reason for c in closed}
    leave: dict[UserId, tuple[LeavePeriod, ...]] = {}
    for adviser in sorted({a.adviser_id for a in booked}, key=str):
        stored = await availability.get(adviser)
        if stored is not None:
            leave[adviser] = stored.availability.leave
    return Surroundings(
        others=others,
        hours=await centre_hours_of(hours),
        calendar=_bank_holidays(holidays, jurisdiction, sorted({first.year, last.year})),
        closure_reasons=reasons,
        leave=leave,
    )


def with_conflicts(
    stored: Sequence[StoredAppointment], around: Surroundings
) -> list[StoredAppointment]:
    return [attrs.evolve(s, conflicts=conflicts_of(s.appointment, around)) for s in stored]
