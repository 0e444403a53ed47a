"""The case-clock services on in-memory adapters with the real ``holidays`` adapter:
bank-holiday arithmetic, double booking, consent-gated reminders, idempotent sweeps and a
crash mid-sweep."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.wiring import CASES, CLIENTS, COMPLIANCE, SCHEDULER, SCHEDULING, ports

from cma_adapters.holidays_calendar import HolidaysLibraryProvider
from cma_adapters.memory import (
    FixedClock,
    InMemoryDatabase,
    InMemoryIdentityStore,
    PlainPasswordHasher,
    in_memory_uow_factory,
)
from cma_adapters.notify import InMemoryNotifier
from cma_core.cases.model import CloseReason
from cma_core.cases.service import CaseService, OpenCase
from cma_core.clients.service import ClientService, RegisterClient
from cma_core.compliance.service import ComplianceService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.identity.service import IdentityService
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.appointments import AppointmentKind, DoubleBooking
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.ports import FactKind, NotifyChannel
from cma_core.scheduling.service import (
    BookAppointment,
    RecordFact,
    Scheduler,
    SchedulingConfig,
    SchedulingService,
)
from cma_core.shared.errors import CaseIsClosed, ValidationError
from cma_core.shared.handlers import EventHandlers

UTC = dt.UTC
HOLIDAYS = HolidaysLibraryProvider()


def test_the_holidays_adapter_matches_gov_uk_2026_and_knows_each_jurisdiction() -> None:
    ew = HOLIDAYS.bank_holidays(Jurisdiction.EW, 2026)
    assert dt.date(2026, 12, 28) in ew  # Boxing Day substitute (26th is a Saturday)
    assert dt.date(2026, 12, 26) not in ew
    assert dt.date(2026, 8, 31) in ew
    assert dt.date(2026, 8, 3) not in ew
    sco = HOLIDAYS.bank_holidays(Jurisdiction.SCO, 2026)
    assert {dt.date(2026, 1, 2), dt.date(2026, 8, 3), dt.date(2026, 11, 30)} <= sco
    ni = HOLIDAYS.bank_holidays(Jurisdiction.NI, 2026)
    assert {dt.date(2026, 3, 17), dt.date(2026, 7, 13)} <= ni
    with pytest.raises(LookupError):
        HOLIDAYS.bank_holidays(Jurisdiction.EW, 1900)


def test_business_days_and_court_rolls_over_christmas_with_real_holidays() -> None:
    from cma_core.scheduling.deadlines import claim_response_due, written_advice_due

    ew = WorkingCalendar.from_provider(HOLIDAYS, Jurisdiction.EW, [2026, 2027])
    # Served 11 Dec 2026: +14 = Fri 25 Dec (holiday) → Sat, Sun, Mon 28 (substitute) → Tue 29.
    assert claim_response_due(dt.date(2026, 12, 11), ew).due == dt.date(2026, 12, 29)
    # 5 working days from Wed 23 Dec: 24, 29, 30, 31 Dec, 4 Jan (1 Jan is a holiday).
    assert written_advice_due(dt.date(2026, 12, 23), 5, ew).due == dt.date(2027, 1, 4)
    sco = WorkingCalendar.from_provider(HOLIDAYS, Jurisdiction.SCO, [2026, 2027])
    # Scotland also closes on 2 Jan 2027's substitute (Mon 4 Jan): one more day.
    assert written_advice_due(dt.date(2026, 12, 23), 5, sco).due == dt.date(2027, 1, 5)


class World:
    def __init__(self) -> None:
        self.clock = FixedClock(dt.datetime(2026, 11, 16, 10, tzinfo=UTC))
        self.db = InMemoryDatabase()
        self.uow = in_memory_uow_factory(self.db)
        self.store = InMemoryIdentityStore(self.db)
        self.identity = IdentityService(self.store, PlainPasswordHasher(), self.clock)
        self.clients = ClientService(self.uow, self.clock, **ports(CLIENTS))
        self.cases = CaseService(self.uow, self.store, self.clock, **ports(CASES))
        self.notifier = InMemoryNotifier()
        config = SchedulingConfig()
        self.scheduling = SchedulingService(
            self.uow,
            self.store,
            self.clock,
            HOLIDAYS,
            config,
            **ports(SCHEDULING),
        )
        self.scheduler = Scheduler(
            self.uow,
            self.store,
            self.clock,
            self.notifier,
            config,
            **ports(SCHEDULER),
        )
        self.compliance = ComplianceService(
            self.uow, self.clock, HOLIDAYS, config, **ports(COMPLIANCE)
        )

    async def setup(self) -> tuple[TenantContext, object]:
        centre = await self.identity.create_centre("Leeds")
        adviser = await self.identity.create_user(
            centre_id=centre.id,
            email="ada@leeds.example",
            role=Role.ADVISER,
            password="pw-1234567890",
        )
        await self.identity.create_user(
            centre_id=centre.id,
            email="sam@leeds.example",
            role=Role.SUPERVISOR,
            password="pw-1234567890",
        )
        ctx = TenantContext(
            centre_id=centre.id, user_id=adviser.id, roles=frozenset({Role.ADVISER})
        )
        client = await self.clients.register(
            ctx,
            RegisterClient(
                first_name="Ann",
                last_name="Lee",
                date_of_birth=dt.date(1980, 1, 1),
                email="ann@example.org",
                phone="07700 900123",
            ),
        )
        case = await self.cases.open(ctx, OpenCase(client_id=client.id))
        return ctx, case


@pytest.fixture
def world() -> World:
    return World()


async def test_double_booking_is_rejected_and_back_to_back_is_fine(world: World) -> None:
    ctx, case = await world.setup()
    slot = BookAppointment(
        case_id=case.id,  # type: ignore[attr-defined]
        kind=AppointmentKind.VIDEO,
        start=dt.datetime(2026, 11, 18, 10, tzinfo=UTC),
        end=dt.datetime(2026, 11, 18, 11, tzinfo=UTC),
    )
    first = await world.scheduling.book(ctx, slot)
    with pytest.raises(DoubleBooking):
        await world.scheduling.book(
            ctx,
            BookAppointment(
                case_id=slot.case_id,
                kind=slot.kind,
                start=slot.start + dt.timedelta(minutes=59),
                end=slot.end + dt.timedelta(hours=1),
            ),
        )
    await world.scheduling.book(
        ctx,
        BookAppointment(
            case_id=slot.case_id,
            kind=slot.kind,
            start=slot.end,
            end=slot.end + dt.timedelta(hours=1),
        ),
    )
    await world.scheduling.cancel(ctx, first.id, "client unwell", expected_version=1)
    await world.scheduling.book(ctx, slot)  # a cancelled appointment frees the slot


async def test_client_reminders_only_on_consented_channels(world: World) -> None:
    ctx, case = await world.setup()
    await world.scheduling.book(
        ctx,
        BookAppointment(
            case_id=case.id,  # type: ignore[attr-defined]
            kind=AppointmentKind.PHONE,
            start=dt.datetime(2026, 11, 17, 10, tzinfo=UTC),
            end=dt.datetime(2026, 11, 17, 11, tzinfo=UTC),
        ),
    )
    report = await world.scheduler.sweep()  # a day ahead: due now, but no consent yet
    assert report.sent == 0
    assert world.notifier.sent == []
    await world.scheduling.record_consent(ctx, case.client_id, email=None, sms=True)  # type: ignore[attr-defined]
    report = await world.scheduler.sweep()
    assert report.sent == 1
    assert [m.channel for m in world.notifier.sent] == [NotifyChannel.SMS]


async def test_sweeps_are_idempotent_and_a_crash_mid_sweep_loses_nothing(world: World) -> None:
    ctx, case = await world.setup()
    await world.scheduling.record_consent(ctx, case.client_id, email=True, sms=True)  # type: ignore[attr-defined]
    await world.scheduling.record_fact(
        ctx,
        case.id,
        RecordFact(kind=FactKind.COURT_CLAIM_SERVED, occurred_on=dt.date(2026, 11, 16)),  # type: ignore[attr-defined]
    )
    world.clock.at = dt.datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    world.notifier.fail_next = 1  # the provider is down for the first message
    first = await world.scheduler.sweep()
    assert first.failed == 1
    second = await world.scheduler.sweep()
    assert second.sent == 1
    assert second.planned == 0
    keys = [m.idempotency_key for m in world.notifier.sent]
    assert len(keys) == len(set(keys)) == first.sent + 1
    third = await world.scheduler.sweep()
    assert (third.sent, third.planned, third.failed) == (0, 0, 0)


async def test_a_fact_in_the_future_is_refused_by_field(world: World) -> None:
    ctx, case = await world.setup()
    with pytest.raises(ValidationError) as err:
        await world.scheduling.record_fact(
            ctx,
            case.id,
            RecordFact(kind=FactKind.LETTER_OF_CLAIM, occurred_on=dt.date(2026, 12, 1)),  # type: ignore[attr-defined]
        )
    assert err.value.field == "occurred_on"


@pytest.mark.parametrize(
    ("kind", "on", "deemed", "field", "words"),
    [
        # Served is a past event unless it is the deemed date the form prints…
        (FactKind.COURT_CLAIM_SERVED, dt.date(2026, 11, 19), False, "occurred_on", "set deemed"),
        # …which is never more than a fortnight ahead (a misreading, a slip of the year).
        (FactKind.COURT_CLAIM_SERVED, dt.date(2026, 12, 1), True, "occurred_on", "14 days"),
        # Only a date of service is ever deemed.
        (FactKind.LETTER_OF_CLAIM, dt.date(2026, 11, 10), True, "deemed", "date of service"),
        (FactKind.ENFORCEMENT_NOTICE, dt.date(2026, 11, 17), False, "occurred_on", "future"),
    ],
)
async def test_a_deemed_date_of_service_is_the_only_fact_dated_ahead(
    world: World, kind: FactKind, on: dt.date, deemed: bool, field: str, words: str
) -> None:
    ctx, case = await world.setup()
    with pytest.raises(ValidationError) as err:
        await world.scheduling.record_fact(
            ctx,
            case.id,  # type: ignore[attr-defined]
            RecordFact(kind=kind, occurred_on=on, deemed=deemed),
        )
    assert err.value.field == field
    assert words in str(err.value)


async def test_a_deemed_date_of_service_ahead_starts_the_deadlines_from_it(world: World) -> None:
    from cma_core.scheduling.deadlines import DeadlineKind

    ctx, case = await world.setup()
    # Today is Mon 16 Nov; the claim form says deemed served Thu 19 Nov (issued the 14th).
    fact, tracked = await world.scheduling.record_fact(
        ctx,
        case.id,  # type: ignore[attr-defined]
        RecordFact(
            kind=FactKind.COURT_CLAIM_SERVED, occurred_on=dt.date(2026, 11, 19), deemed=True
        ),
    )
    assert (fact.occurred_on, fact.details["deemed"]) == (dt.date(2026, 11, 19), True)
    by_kind = {t.deadline.kind: t.deadline for t in tracked}
    assert by_kind[DeadlineKind.CLAIM_RESPONSE].trigger == dt.date(2026, 11, 19)
    assert by_kind[DeadlineKind.CLAIM_RESPONSE].due == dt.date(2026, 12, 3)
    # A date of service already past is recorded as it is, with no mark (the mark is the
    # clock's own: one sent in the details is not taken).
    past, _ = await world.scheduling.record_fact(
        ctx,
        case.id,  # type: ignore[attr-defined]
        RecordFact(
            kind=FactKind.STATUTORY_DEMAND_SERVED,
            occurred_on=dt.date(2026, 11, 12),
            details={"deemed": True, "served_outside_ew": False},
        ),
    )
    assert "deemed" not in past.details
    assert past.details["served_outside_ew"] is False


async def test_compliance_reports_not_assessable_for_areas_not_held(world: World) -> None:
    ctx, case = await world.setup()
    findings = await world.compliance.check_case(ctx.centre_id, case.id)  # type: ignore[attr-defined]
    by_id = {f.rule_id: f for f in findings}
    assert len(by_id) == 25
    assert by_id["CR-07"].status.value == "not_assessable"
    assert by_id["CC-01"].status.value == "not_applicable"


async def test_a_fact_recorded_in_error_is_withdrawn_with_its_open_deadlines_and_tasks(
    world: World,
) -> None:
    from cma_core.scheduling.deadlines import DeadlineKind
    from cma_core.scheduling.ports import DeadlineStatus
    from cma_core.shared.errors import InvalidTransition, StaleVersion
    from cma_core.tasks.model import TaskStatus

    ctx, case = await world.setup()
    case_id = case.id  # type: ignore[attr-defined]
    # The adviser typed 6 Nov for a claim served on 16 Nov: deadlines ten days early.
    wrong, tracked = await world.scheduling.record_fact(
        ctx, case_id, RecordFact(kind=FactKind.COURT_CLAIM_SERVED, occurred_on=dt.date(2026, 11, 6))
    )
    other, _ = await world.scheduling.record_fact(
        ctx, case_id, RecordFact(kind=FactKind.LETTER_OF_CLAIM, occurred_on=dt.date(2026, 11, 2))
    )
    response = next(t for t in tracked if t.deadline.kind is DeadlineKind.CLAIM_RESPONSE)
    await world.scheduling.complete_deadline(ctx, case_id, response.id)  # met: stays met

    with pytest.raises(ValidationError) as err:
        await world.scheduling.withdraw_fact(ctx, case_id, wrong.id, "  ", expected_version=1)
    assert err.value.field == "reason"
    with pytest.raises(StaleVersion):
        await world.scheduling.withdraw_fact(ctx, case_id, wrong.id, "typo", expected_version=2)

    view = await world.scheduling.withdraw_fact(
        ctx, case_id, wrong.id, "date mistyped: served 16 Nov", expected_version=1
    )
    assert view.fact.withdrawn
    assert view.version == 2
    assert view.fact.withdrawn_reason == "date mistyped: served 16 Nov"
    assert view.fact.withdrawn_by == ctx.user_id
    status = {d.deadline.kind: d.status for d in view.deadlines}
    assert status[DeadlineKind.CLAIM_RESPONSE] is DeadlineStatus.MET
    assert status[DeadlineKind.DEFENCE] is DeadlineStatus.WITHDRAWN
    defence = next(d for d in view.deadlines if d.deadline.kind is DeadlineKind.DEFENCE)
    async with world.uow(ctx.centre_id) as uow:
        task = await world.scheduling.tasks(uow).get(defence.task_id)  # type: ignore[arg-type]
    assert task is not None
    assert task.status is TaskStatus.CANCELLED
    assert "date mistyped" in (task.outcome_note or "")

    # The other event and its deadlines stand; the lists can tell them apart.
    standing = await world.scheduling.list_facts(ctx, case_id, withdrawn=False)
    assert [v.fact.id for v in standing.items] == [other.id]
    assert all(d.status is DeadlineStatus.OPEN for d in standing.items[0].deadlines)
    every = await world.scheduling.list_facts(ctx, case_id)
    assert [v.fact.id for v in every.items] == [other.id, wrong.id]  # oldest first
    open_now = await world.scheduling.list_deadlines(ctx, case_id, status=DeadlineStatus.OPEN)
    assert {d.fact_id for d in open_now.items} == {other.id}
    with pytest.raises(InvalidTransition):
        await world.scheduling.withdraw_fact(ctx, case_id, wrong.id, "again", expected_version=2)


async def test_closing_a_case_cancels_its_appointments_ahead_once(world: World) -> None:
    """Closing cancels each appointment still booked ahead, with a reason naming the case;
    one already begun is left to be recorded as attended or missed; another case's stays
    booked; running the handler again changes nothing; a booking on the closed case is
    refused."""
    ctx, case = await world.setup()
    other = await world.cases.open(ctx, OpenCase(client_id=case.client_id))  # type: ignore[attr-defined]

    def slot(case_id: object, day: int, hour: int) -> BookAppointment:
        start = dt.datetime(2026, 11, day, hour, tzinfo=UTC)
        return BookAppointment(
            case_id=case_id,  # type: ignore[arg-type]
            kind=AppointmentKind.PHONE,
            start=start,
            end=start + dt.timedelta(minutes=30),
        )

    begun = await world.scheduling.book(ctx, slot(case.id, 16, 11))  # type: ignore[attr-defined]
    ahead = await world.scheduling.book(ctx, slot(case.id, 18, 10))  # type: ignore[attr-defined]
    theirs = await world.scheduling.book(ctx, slot(other.id, 18, 14))
    world.clock.advance(dt.timedelta(hours=1, minutes=15))  # 11:15: the first has begun
    await world.cases.close(ctx, case.id, CloseReason.CLIENT_DISENGAGED)  # type: ignore[attr-defined]
    handlers = EventHandlers(world.uow, world.clock, registered=world.scheduling.handlers())
    closed = [env for env, _ in world.db.outbox.values() if env.name == "CaseClosed"]
    assert len(closed) == 1
    assert await handlers.dispatch(ctx.centre_id, closed[0].event_id) == 1

    async def state() -> list[tuple[str, str | None, int]]:
        out = []
        for appt in (begun, ahead, theirs):
            stored = await world.scheduling.get_appointment(ctx, appt.id)
            a = stored.appointment
            out.append((a.status.value, a.cancel_reason, stored.version))
        return out

    after = await state()
    assert after == [
        ("booked", None, 1),
        (
            "cancelled",
            f"Cancelled automatically: case {case.reference} was closed on 2026-11-16"  # type: ignore[attr-defined]
            " (client disengaged).",
            2,
        ),
        ("booked", None, 1),
    ]
    async with world.uow(ctx.centre_id) as uow:  # a rerun (a redelivery) changes nothing
        await world.scheduling.cancel_appointments_of_closed_case(uow, closed[0])
        await uow.commit()
    assert await state() == after
    with pytest.raises(CaseIsClosed, match="cannot book an appointment"):
        await world.scheduling.book(ctx, slot(case.id, 19, 10))  # type: ignore[attr-defined]
