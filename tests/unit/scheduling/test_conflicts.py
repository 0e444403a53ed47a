"""The conflict rules of an appointment (``cma_core.scheduling.conflicts``), pure."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
import pytest

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.appointments import (
    Appointment,
    AppointmentId,
    AppointmentKind,
    LeavePeriod,
    WorkingHours,
)
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.conflicts import (
    DEFAULT_CENTRE_HOURS,
    CentreHours,
    ConflictKind,
    Surroundings,
    conflicts_of,
)
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, ClientId, UserId

ADA, BEN = UserId(uuid.UUID(int=1)), UserId(uuid.UUID(int=2))
ANN, BOB = ClientId(uuid.UUID(int=11)), ClientId(uuid.UUID(int=12))


def appt(
    n: int,
    start: str,
    end: str,
    *,
    adviser: UserId = ADA,
    client: ClientId = ANN,
    day: str = "2026-12-02",  # a Wednesday
) -> Appointment:
    return Appointment(
        id=AppointmentId(uuid.UUID(int=100 + n)),
        case_id=CaseId(uuid.UUID(int=200)),
        client_id=client,
        adviser_id=adviser,
        kind=AppointmentKind.PHONE,
        start=dt.datetime.fromisoformat(f"{day}T{start}:00+00:00"),
        end=dt.datetime.fromisoformat(f"{day}T{end}:00+00:00"),
    )


def kinds(a: Appointment, around: Surroundings) -> list[str]:
    return [c.kind.value for c in conflicts_of(a, around)]


def test_a_free_slot_in_hours_has_no_conflict() -> None:
    a = appt(1, "10:00", "11:00")
    assert conflicts_of(a, Surroundings(others=[a])) == ()


def test_overlap_with_the_same_adviser_names_the_other_both_ways() -> None:
    a, b = appt(1, "10:00", "11:00"), appt(2, "10:30", "11:30", client=BOB)
    around = Surroundings(others=[a, b])
    (ca,) = conflicts_of(a, around)
    (cb,) = conflicts_of(b, around)
    assert (ca.kind, ca.other_appointment_id) == (ConflictKind.OVERLAP_ADVISER, b.id)
    assert (cb.kind, cb.other_appointment_id) == (ConflictKind.OVERLAP_ADVISER, a.id)
    assert ca.detail == (
        "the adviser has another appointment from 10:30 to 11:30 on Wednesday 2 December 2026"
    )


def test_the_other_appointment_is_told_in_the_centre_s_wall_clock_time() -> None:
    """In British Summer Time a slot stored as 09:00-10:00 UTC is 10:00-11:00 in London;
    one that runs past midnight names each end's day."""
    a = appt(1, "09:00", "10:00", day="2026-07-01")
    b = appt(2, "09:30", "10:30", day="2026-07-01", client=BOB)
    (ca,) = conflicts_of(a, Surroundings(others=[a, b]))
    assert ca.detail.endswith("from 10:30 to 11:30 on Wednesday 1 July 2026")
    late = appt(3, "22:00", "23:59", day="2026-12-02")
    over = attrs.evolve(
        appt(4, "23:00", "23:30", day="2026-12-02", client=BOB),
        end=dt.datetime(2026, 12, 3, 1, 0, tzinfo=dt.UTC),
    )
    (cl,) = [
        c
        for c in conflicts_of(late, Surroundings(others=[late, over]))
        if c.other_appointment_id == over.id
    ]
    assert cl.detail.endswith(
        "from 23:00 on Wednesday 2 December 2026 to 01:00 on Thursday 3 December 2026"
    )


def test_the_client_with_two_advisers_at_once_is_an_overlap_client() -> None:
    a, b = appt(1, "10:00", "11:00"), appt(2, "10:00", "11:00", adviser=BEN)
    assert kinds(a, Surroundings(others=[a, b])) == ["overlap_client"]


def test_same_adviser_and_client_gives_both_kinds() -> None:
    a, b = appt(1, "10:00", "11:00"), appt(2, "10:59", "12:00")
    assert kinds(a, Surroundings(others=[a, b])) == ["overlap_adviser", "overlap_client"]


def test_back_to_back_other_people_and_cancelled_do_not_overlap() -> None:
    a = appt(1, "10:00", "11:00")
    next_one = appt(2, "11:00", "12:00")
    stranger = appt(3, "10:00", "11:00", adviser=BEN, client=BOB)
    cancelled = appt(4, "10:15", "10:45").cancelled("unwell")
    assert conflicts_of(a, Surroundings(others=[a, next_one, stranger, cancelled])) == ()


def test_a_not_booked_appointment_has_no_conflicts_at_all() -> None:
    a = appt(1, "10:00", "11:00").cancelled("unwell")
    b = appt(2, "10:00", "11:00")
    around = Surroundings(others=[a, b], leave={ADA: [LeavePeriod(*[dt.date(2026, 12, 2)] * 2)]})
    assert conflicts_of(a, around) == ()


def test_outside_the_centre_hours_and_on_a_day_it_does_not_open() -> None:
    early = appt(1, "08:30", "09:30")
    late = appt(2, "16:30", "17:30")
    inside = appt(3, "16:00", "17:00")
    saturday = appt(4, "10:00", "11:00", day="2026-12-05")
    around = Surroundings()
    assert kinds(early, around) == ["outside_hours"]
    assert kinds(late, around) == ["outside_hours"]
    assert kinds(inside, around) == []
    (c,) = conflicts_of(saturday, around)
    assert c.kind is ConflictKind.OUTSIDE_HOURS
    assert "does not open on Saturdays" in c.detail


def test_split_hours_need_the_slot_inside_one_window() -> None:
    hours = CentreHours(
        weekly={2: [WorkingHours(dt.time(9), dt.time(12)), WorkingHours(dt.time(13), dt.time(17))]}
    )
    around = Surroundings(hours=hours)
    assert kinds(appt(1, "11:00", "12:00"), around) == []
    assert kinds(appt(2, "11:30", "13:30"), around) == ["outside_hours"]


def test_hours_are_wall_clock_in_the_centre_time_zone() -> None:
    # 1 July is BST: 08:30 UTC is 09:30 in London, inside 09:00-17:00.
    summer = appt(1, "08:30", "09:30", day="2026-07-01")
    assert kinds(summer, Surroundings()) == []
    # The same instant is 08:30 in Reykjavik (UTC all year): outside.
    iceland = CentreHours(weekly=dict(DEFAULT_CENTRE_HOURS.weekly), timezone="Atlantic/Reykjavik")
    assert kinds(summer, Surroundings(hours=iceland)) == ["outside_hours"]


def test_closure_and_bank_holiday_are_centre_closed() -> None:
    closure = appt(1, "10:00", "11:00")
    christmas = appt(2, "10:00", "11:00", day="2026-12-25")  # a Friday, a bank holiday
    cal = WorkingCalendar(
        jurisdiction=Jurisdiction.EW, bank_holidays=frozenset({dt.date(2026, 12, 25)})
    )
    around = Surroundings(calendar=cal, closure_reasons={dt.date(2026, 12, 2): "Training"})
    (c,) = conflicts_of(closure, around)
    assert c.kind is ConflictKind.CENTRE_CLOSED
    assert "Training" in c.detail
    (h,) = conflicts_of(christmas, around)
    assert (h.kind, h.detail) == (
        ConflictKind.CENTRE_CLOSED,
        "Friday 25 December 2026 is a bank holiday",
    )


def test_the_adviser_on_leave_but_not_a_colleague() -> None:
    leave = {ADA: [LeavePeriod(dt.date(2026, 11, 30), dt.date(2026, 12, 2))]}
    around = Surroundings(leave=leave)
    assert kinds(appt(1, "10:00", "11:00"), around) == ["staff_leave"]
    assert kinds(appt(2, "10:00", "11:00", adviser=BEN), around) == []
    assert kinds(appt(3, "10:00", "11:00", day="2026-12-03"), around) == []


def test_conflicts_come_in_a_stable_order() -> None:
    a = appt(1, "16:30", "17:30")
    b, c = appt(3, "17:00", "18:00"), appt(2, "16:00", "16:45")
    around = Surroundings(
        others=[a, b, c],
        closure_reasons={dt.date(2026, 12, 2): "Training"},
        leave={ADA: [LeavePeriod(dt.date(2026, 12, 2), dt.date(2026, 12, 2))]},
    )
    got = conflicts_of(a, around)
    assert [(x.kind.value, x.other_appointment_id) for x in got] == [
        ("overlap_adviser", c.id),
        ("overlap_adviser", b.id),
        ("overlap_client", c.id),
        ("overlap_client", b.id),
        ("centre_closed", None),
        ("outside_hours", None),
        ("staff_leave", None),
    ]


@pytest.mark.parametrize(
    ("weekly", "timezone", "field"),
    [
        ({7: [WorkingHours(dt.time(9), dt.time(10))]}, "Europe/London", "weekly_hours"),
        (
            {0: [WorkingHours(dt.time(9), dt.time(12)), WorkingHours(dt.time(11), dt.time(13))]},
            "Europe/London",
            "weekly_hours",
        ),
        ({0: [WorkingHours(dt.time(9), dt.time(10))]}, "Mars/Olympus", "timezone"),
    ],
    ids=["weekday-7", "overlapping-windows", "unknown-zone"],
)
def test_bad_centre_hours_are_refused(weekly: dict, timezone: str, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        CentreHours(weekly=weekly, timezone=timezone)
    assert err.value.field == field


def test_a_clash_behind_a_long_appointment_is_found_both_ways() -> None:
    long = appt(1, "09:00", "17:00")
    short = appt(2, "09:15", "09:30", adviser=BEN, client=BOB)
    late = appt(3, "15:00", "16:00", client=BOB)
    around = Surroundings(others=[late, short, long])
    assert [c.other_appointment_id for c in conflicts_of(late, around)] == [long.id]
    assert [c.other_appointment_id for c in conflicts_of(long, around)] == [late.id]
    assert conflicts_of(short, around) == ()  # with neither the adviser nor the client
