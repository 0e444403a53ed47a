"""Appointments answer their conflicts, bookings may override a refusal with
``allow_conflict``, ``has_conflicts`` filters the calendar, and the centre's working hours
are versioned, permissioned and audited (in-memory adapters, real bank holidays)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.scheduling.test_scheduling_services import World

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.scheduling.appointments import AppointmentKind, DoubleBooking, WorkingHours
from cma_core.scheduling.conflicts import DEFAULT_CENTRE_HOURS, CentreHours
from cma_core.scheduling.service import BookAppointment
from cma_core.shared.errors import PermissionDenied, StaleVersion, ValidationError

UTC = dt.UTC
WED = dt.datetime(2026, 11, 18, 10, tzinfo=UTC)  # GMT: wall clock = UTC


def slot(case: object, start: dt.datetime, minutes: int = 60, **kw: object) -> BookAppointment:
    return BookAppointment(
        case_id=case.id,  # type: ignore[attr-defined]
        kind=AppointmentKind.PHONE,
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def world() -> World:
    return World()


async def admin_of(world: World, ctx: TenantContext) -> TenantContext:
    user = await world.identity.create_user(
        centre_id=ctx.centre_id, email="ada.admin@leeds.example", role=Role.CENTRE_ADMIN,
        password="pw-1234567890",
    )  # fmt: skip
    return TenantContext(
        centre_id=ctx.centre_id, user_id=user.id, roles=user.roles_in(ctx.centre_id)
    )


async def test_double_booking_refused_unless_allowed_then_both_are_flagged(world: World) -> None:
    ctx, case = await world.setup()
    first = await world.scheduling.book(ctx, slot(case, WED))
    assert first.conflicts == ()
    with pytest.raises(DoubleBooking):
        await world.scheduling.book(ctx, slot(case, WED + dt.timedelta(minutes=30)))
    second = await world.scheduling.book(
        ctx, slot(case, WED + dt.timedelta(minutes=30), allow_conflict=True)
    )
    assert [(c.kind.value, c.other_appointment_id) for c in second.conflicts] == [
        ("overlap_adviser", first.id),
        ("overlap_client", first.id),
    ]
    again = await world.scheduling.get_appointment(ctx, first.id)
    assert [c.other_appointment_id for c in again.conflicts] == [second.id, second.id]
    async with world.uow(ctx.centre_id) as uow:
        entries = (await uow.audit.list(limit=10, offset=0, entity_id=str(second.id))).items
    assert "allow_conflict" in entries[0].fields
    # Cancelling one clears the other's flags; the cancelled one has none.
    cancelled = await world.scheduling.cancel(ctx, second.id, "moved", expected_version=1)
    assert cancelled.conflicts == ()
    assert (await world.scheduling.get_appointment(ctx, first.id)).conflicts == ()


async def test_warnings_do_not_refuse_outside_hours_and_closure(world: World) -> None:
    ctx, case = await world.setup()
    admin = await admin_of(world, ctx)
    await world.scheduling.add_closure(admin, dt.date(2026, 11, 19), "Staff training")
    early = await world.scheduling.book(ctx, slot(case, WED - dt.timedelta(hours=2)))
    assert [c.kind.value for c in early.conflicts] == ["outside_hours"]
    closed = await world.scheduling.book(ctx, slot(case, WED + dt.timedelta(days=1)))
    assert [c.kind.value for c in closed.conflicts] == ["centre_closed"]
    assert "Staff training" in closed.conflicts[0].detail


async def test_reschedule_answers_conflicts_and_can_be_allowed(world: World) -> None:
    ctx, case = await world.setup()
    a = await world.scheduling.book(ctx, slot(case, WED))
    b = await world.scheduling.book(ctx, slot(case, WED + dt.timedelta(hours=2)))
    with pytest.raises(DoubleBooking):
        await world.scheduling.reschedule(
            ctx, b.id, WED, WED + dt.timedelta(hours=1), expected_version=1
        )
    moved = await world.scheduling.reschedule(
        ctx, b.id, WED, WED + dt.timedelta(hours=1), expected_version=1, allow_conflict=True
    )
    assert {c.other_appointment_id for c in moved.conflicts} == {a.id}


async def test_has_conflicts_filters_the_calendar_and_counts_the_window(world: World) -> None:
    ctx, case = await world.setup()
    a = await world.scheduling.book(ctx, slot(case, WED))
    b = await world.scheduling.book(
        ctx, slot(case, WED + dt.timedelta(minutes=30), allow_conflict=True)
    )
    c = await world.scheduling.book(ctx, slot(case, WED + dt.timedelta(hours=3)))
    late = await world.scheduling.book(ctx, slot(case, WED + dt.timedelta(hours=8)))  # 18:00
    window = {"start_from": WED - dt.timedelta(days=1), "start_to": WED + dt.timedelta(days=1)}
    every = await world.scheduling.list_appointments(ctx, **window)  # type: ignore[arg-type]
    assert [len(s.conflicts) for s in every.items] == [2, 2, 0, 1]
    flagged = await world.scheduling.list_appointments(ctx, has_conflicts=True, limit=2, **window)  # type: ignore[arg-type]
    assert [s.id for s in flagged.items] == [a.id, b.id]
    assert flagged.total == 3
    rest = await world.scheduling.list_appointments(
        ctx,
        has_conflicts=True,
        limit=2,
        cursor=flagged.next_cursor,
        **window,  # type: ignore[arg-type]
    )
    assert [s.id for s in rest.items] == [late.id]
    clean = await world.scheduling.list_appointments(ctx, has_conflicts=False, **window)  # type: ignore[arg-type]
    assert [s.id for s in clean.items] == [c.id]
    # Default window: from today (16 Nov) for 92 days.
    assert (await world.scheduling.list_appointments(ctx, has_conflicts=True)).total == 3
    with pytest.raises(ValidationError) as err:
        await world.scheduling.list_appointments(
            ctx, has_conflicts=True, start_from=WED, start_to=WED + dt.timedelta(days=93)
        )
    assert err.value.field == "to"
    far = dt.datetime(9999, 12, 1, tzinfo=UTC)
    with pytest.raises(ValidationError) as err:
        await world.scheduling.list_appointments(ctx, has_conflicts=True, start_from=far)
    assert err.value.field == "from"


async def test_centre_hours_default_versioned_and_admin_only(world: World) -> None:
    ctx, case = await world.setup()
    admin = await admin_of(world, ctx)
    default = await world.scheduling.get_centre_hours(ctx)
    assert (default.version, default.hours) == (0, DEFAULT_CENTRE_HOURS)
    evenings = CentreHours(weekly={2: [WorkingHours(dt.time(6), dt.time(9))]})
    with pytest.raises(PermissionDenied):
        await world.scheduling.set_centre_hours(ctx, evenings, expected_version=0)
    saved = await world.scheduling.set_centre_hours(admin, evenings, expected_version=0)
    assert saved.version == 1
    with pytest.raises(StaleVersion):
        await world.scheduling.set_centre_hours(admin, evenings, expected_version=0)
    assert (await world.scheduling.get_centre_hours(ctx)).hours == evenings
    early = await world.scheduling.book(ctx, slot(case, WED - dt.timedelta(hours=2)))
    assert early.conflicts == ()
    normal = await world.scheduling.book(ctx, slot(case, WED))
    assert [c.kind.value for c in normal.conflicts] == ["outside_hours"]
    async with world.uow(ctx.centre_id) as uow:
        entries = (
            await uow.audit.list(limit=10, offset=0, action="centre.working_hours_set")
        ).items
    assert len(entries) == 1
