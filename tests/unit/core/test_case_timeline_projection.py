"""The case timeline projection on the in-memory adapters: events applied late, twice, in
reverse order and in coalesced batches converge on the entries a rebuild reads from the
write side; every kind of entry (an appointment cancelled at its audit entry's time, a
sensitive note without its words); erasure removes a case's timeline; the query's
visibility, kind filter, keyset pages and read-your-writes fallback."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import attrs
import pytest
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import ports

from cma_core.audit.service import record_audit
from cma_core.cases.model import Case, CloseReason
from cma_core.cases.service import OpenCase
from cma_core.casework.model import CaseworkChanged, Channel, Contact, Direction, Party
from cma_core.debts.model import Debt, DebtAdded, DebtId, DebtType
from cma_core.debts.ports import DebtEntry
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.readmodels.model import TimelineEntry, TimelineKind
from cma_core.readmodels.timeline import (
    EVENTS,
    CaseTimelineProjection,
    CaseTimelineQuery,
    parse_kinds,
)
from cma_core.scheduling.appointments import Appointment, AppointmentId, AppointmentKind
from cma_core.scheduling.ports import AppointmentChanged, StoredAppointment
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.handlers import EventHandlers
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money
from cma_core.tasks.service import CreateTask

NAMES = (
    "case_timelines", "case_list_rows", "cases", "tasks", "deadlines", "appointments",
    "documents", "contacts", "letters", "debts", "findings",
)  # fmt: skip


def _projection(app: App) -> CaseTimelineProjection:
    return CaseTimelineProjection(app.uow, app.clock, **ports(NAMES))


async def _entries(app: App, centre: CentreId, case_id: CaseId) -> list[TimelineEntry]:
    async with app.uow(centre) as uow:
        page = await _projection(app).case_timelines(uow).list(case_id, limit=200)
    return list(page.items)


async def _records(app: App, sup: TenantContext, case: Case) -> None:
    """An appointment booked then cancelled, a contact and a debt, written as their
    services write them (the record, its event, the audit entry)."""
    tick = dt.timedelta(minutes=1)
    wired = ports(("appointments", "contacts", "debts"))
    appt = Appointment(
        id=AppointmentId(uuid.uuid4()),
        case_id=case.id,
        client_id=case.client_id,
        adviser_id=sup.user_id,  # type: ignore[arg-type]
        kind=AppointmentKind.PHONE,
        start=app.clock.now() + dt.timedelta(days=2),
        end=app.clock.now() + dt.timedelta(days=2, hours=1),
    )
    booked = StoredAppointment(
        centre_id=sup.centre_id, appointment=appt, version=1, created_at=app.clock.now()
    )
    async with app.uow(sup.centre_id) as uow:
        await wired["appointments"](uow).add(booked)
        uow.emit(_appt_event(sup, appt, app.clock.now(), "booked"))
        await uow.commit()
    app.clock.advance(tick)
    async with app.uow(sup.centre_id) as uow:
        cancelled = attrs.evolve(booked, appointment=appt.cancelled("ill"), version=2)
        await wired["appointments"](uow).save(cancelled, 1)
        uow.emit(_appt_event(sup, appt, app.clock.now(), "cancelled"))
        await record_audit(
            uow, sup, uuid.uuid4, "appointment.cancelled", "appointment", appt.id,
            app.clock.now(), ("status",),
        )  # fmt: skip
        await uow.commit()
    app.clock.advance(tick)
    now = app.clock.now()
    async with app.uow(sup.centre_id) as uow:
        contact = Contact(
            id=uuid.uuid4(), centre_id=sup.centre_id, case_id=case.id, at=now,
            channel=Channel.PHONE, direction=Direction.INBOUND, party=Party.CLIENT,
            with_whom="the client", summary="Called about the bailiff letter",
            created_at=now, updated_at=now, created_by=sup.user_id,
        )  # fmt: skip
        await wired["contacts"](uow).add(contact)
        uow.emit(
            CaseworkChanged(
                centre_id=sup.centre_id, occurred_at=now, case_id=case.id, record="contact",
                record_id=contact.id, action="created", by=sup.user_id,
            )
        )  # fmt: skip
        debt = Debt(
            id=DebtId(uuid.uuid4()), centre_id=sup.centre_id, case_id=case.id,
            creditor_id=None, debt_type=DebtType.COUNCIL_TAX, balance=Money(120_000),
        )  # fmt: skip
        await wired["debts"](uow).add(DebtEntry(debt=debt, created_at=now, updated_at=now))
        uow.emit(
            DebtAdded(
                centre_id=sup.centre_id, occurred_at=now, case_id=case.id, debt_id=debt.id,
                debt_type=debt.debt_type.value, added_by=sup.user_id,
            )
        )  # fmt: skip
        await uow.commit()


def _appt_event(
    sup: TenantContext, appt: Appointment, at: dt.datetime, change: str
) -> AppointmentChanged:
    return AppointmentChanged(
        centre_id=sup.centre_id, occurred_at=at, case_id=appt.case_id,
        appointment_id=appt.id, change=change, by=sup.user_id,
    )  # fmt: skip


async def _seed(app: App) -> tuple[TenantContext, TenantContext, Case]:
    centre = await app.centre()
    sup = await app.staff(centre, Role.SUPERVISOR)
    adviser = await app.staff(centre, Role.ADVISER)
    tick = dt.timedelta(minutes=1)
    client = await app.clients.register(sup, register_cmd(last_name="Doe"))
    case = await app.cases.open(sup, OpenCase(client_id=client.id))
    app.clock.advance(tick)
    await app.cases.add_note(sup, case.id, "Brought six letters")
    app.clock.advance(tick)
    await app.cases.add_note(sup, case.id, "About her health", sensitive=True)
    app.clock.advance(tick)
    task = await app.tasks.create(sup, CreateTask(title="Call the council", case_id=case.id))
    app.clock.advance(tick)
    await app.tasks.complete(sup, task.id, "Called", expected_version=None)
    app.clock.advance(tick)
    await app.cases.close(sup, case.id, CloseReason.ADVICE_COMPLETE)
    app.clock.advance(tick)
    await app.cases.reopen(sup, case.id)
    app.clock.advance(tick)
    await _records(app, sup, case)
    app.clock.advance(tick)
    other = await app.cases.open(sup, OpenCase(client_id=client.id))
    await app.cases.add_note(sup, other.id, "Second case")
    return sup, adviser, case


def _names() -> set[str]:
    return {e.name for e in EVENTS}


async def test_out_of_order_duplicate_and_batched_events_converge_on_the_rebuild() -> None:
    app = build_app()
    sup, _, case = await _seed(app)
    projection = _projection(app)
    handlers = EventHandlers(app.uow, app.clock, registered=projection.handlers())
    events = [e for e in app.publisher.published if e.name in _names()]
    for env in [*reversed(events), *events]:
        await handlers.dispatch(env.centre_id, env.event_id)
    one_by_one = await _entries(app, sup.centre_id, case.id)

    seen = {(e.kind, e.action) for e in one_by_one}
    assert {
        (TimelineKind.CASE, "opened"), (TimelineKind.CASE, "closed"),
        (TimelineKind.CASE, "reopened"), (TimelineKind.NOTE, "added"),
        (TimelineKind.TASK, "created"), (TimelineKind.TASK, "completed"),
        (TimelineKind.APPOINTMENT, "booked"), (TimelineKind.APPOINTMENT, "cancelled"),
        (TimelineKind.CONTACT, "logged"), (TimelineKind.DEBT, "added"),
    } <= seen  # fmt: skip
    assert [(e.at, e.entry_id) for e in one_by_one] == sorted(
        [(e.at, e.entry_id) for e in one_by_one], reverse=True
    )
    sensitive = [e for e in one_by_one if e.sensitive]
    assert [(e.title, e.detail) for e in sensitive] == [("Sensitive note", None)]
    assert all("health" not in (e.detail or "") for e in one_by_one)
    cancelled = next(e for e in one_by_one if e.action == "cancelled")
    booked = next(e for e in one_by_one if e.action == "booked")
    assert cancelled.at - booked.at == dt.timedelta(minutes=1)  # the audit entry's time

    # Batches newest first, then everything again, coalesced per case.
    app2 = build_app()
    sup2, _, case2 = await _seed(app2)
    handlers2 = EventHandlers(app2.uow, app2.clock, registered=_projection(app2).handlers())
    ids = [e.event_id for e in reversed(app2.publisher.published) if e.name in _names()]
    for batch in (ids[:4], ids[4:], ids):
        await handlers2.dispatch_many(sup2.centre_id, batch)
    batched = await _entries(app2, sup2.centre_id, case2.id)
    assert len(batched) == len(one_by_one)

    assert await projection.rebuild(sup.centre_id) == 2
    assert await _entries(app, sup.centre_id, case.id) == one_by_one
    assert await _projection(app2).rebuild(sup2.centre_id) == 2
    assert await _entries(app2, sup2.centre_id, case2.id) == batched
    async with app.uow(sup.centre_id) as uow:
        version = await projection.version(uow)
    assert (version.lag_seconds, version.source) == (0, "projection")


async def test_an_event_reads_only_the_records_it_touched() -> None:
    """A task's change rereads the tasks (and the findings, and the letters, which are
    produced without an event), not the case's documents, debts, appointments or contacts;
    the timeline it leaves is the one a rebuild reads."""
    app = build_app()
    sup, _, case = await _seed(app)
    read: list[str] = []

    def counted(name: str, factory: Any) -> Any:
        def wrapped(uow: Any) -> Any:
            read.append(name)
            return factory(uow)

        return wrapped

    wired = ports(NAMES)
    spied = {
        n: counted(n, f) if n not in ("case_timelines", "cases") else f for n, f in wired.items()
    }
    projection = CaseTimelineProjection(app.uow, app.clock, **spied)
    await projection.rebuild(sup.centre_id)
    handlers = EventHandlers(app.uow, app.clock, registered=projection.handlers())
    app.clock.advance(dt.timedelta(minutes=1))
    before = len(app.publisher.published)
    await app.tasks.create(sup, CreateTask(title="Ring the creditor", case_id=case.id))
    await app.cases.add_note(sup, case.id, "Creditor rang back")
    fresh = [e for e in app.publisher.published[before:] if e.name in _names()]
    assert {e.name for e in fresh} == {"TaskChanged", "CaseNoteAdded"}
    read.clear()
    await handlers.dispatch_many(sup.centre_id, [e.event_id for e in fresh])
    assert sorted(set(read)) == ["findings", "letters", "tasks"]
    assert read.count("findings") == 1  # both events touch them: read once in the batch
    incremental = await _entries(app, sup.centre_id, case.id)
    assert {"Ring the creditor", "Creditor rang back"} <= {e.detail for e in incremental}
    await projection.rebuild(sup.centre_id)
    assert await _entries(app, sup.centre_id, case.id) == incremental


async def test_a_stale_timeline_is_removed_by_a_rebuild_and_erasure_removes_it() -> None:
    app = build_app()
    sup, _, case = await _seed(app)
    projection = _projection(app)
    await projection.rebuild(sup.centre_id)
    ghost = CaseId(uuid.uuid4())
    entries = await _entries(app, sup.centre_id, case.id)
    async with app.uow(sup.centre_id) as uow:
        moved = [attrs.evolve(e, case_id=ghost) for e in entries]
        await projection.case_timelines(uow).replace(ghost, moved)
        await uow.commit()
    assert await _entries(app, sup.centre_id, ghost)
    await projection.rebuild(sup.centre_id)
    assert await _entries(app, sup.centre_id, ghost) == []

    app.clock.advance(dt.timedelta(minutes=1))
    closed = await app.cases.close(sup, case.id, CloseReason.CLIENT_DISENGAGED)
    async with app.uow(sup.centre_id) as uow:
        await projection.refresh(uow, case.id)
        await uow.commit()
    closures = [e for e in await _entries(app, sup.centre_id, case.id) if e.action == "closed"]
    assert (closures[0].at, closures[0].detail) == (closed.closed_at, "client disengaged")
    assert len(closures) == 2  # the earlier closure (reopened since) is kept

    eraser = ports(("case_data_eraser",))["case_data_eraser"]
    async with app.uow(sup.centre_id) as uow:
        removed = await eraser(uow).erase_case(case.id)
        await uow.commit()
    assert removed.get("readmodels.case_timelines") == 1
    assert await _entries(app, sup.centre_id, case.id) == []
    async with app.uow(sup.centre_id) as uow:  # the CaseErased handler finds nothing
        await projection.refresh(uow, case.id)
        await uow.commit()
    assert await _entries(app, sup.centre_id, case.id) == []


async def test_the_query_pages_filters_and_follows_case_visibility() -> None:
    app = build_app()
    sup, adviser, case = await _seed(app)
    projection = _projection(app)
    await projection.rebuild(sup.centre_id)
    query = CaseTimelineQuery(app.uow, app.clock, projection)
    everything, _ = await query.list(sup, case.id, limit=200)
    paged: list[TimelineEntry] = []
    cursor, calls = None, 1
    while True:
        calls += 1
        page, _ = await query.list(sup, case.id, limit=3, cursor=cursor)
        paged += page.items
        cursor = page.next_cursor
        if cursor is None:
            break
    assert paged == list(everything.items)
    notes, _ = await query.list(sup, case.id, limit=50, kinds=[TimelineKind.NOTE])
    assert {e.kind for e in notes.items} == {TimelineKind.NOTE}
    assert notes.total == 2
    caseworker = attrs.evolve(adviser, roles=frozenset({Role.CASEWORKER}))  # own cases only
    with pytest.raises(NotFound):
        await query.list(caseworker, case.id)
    with pytest.raises(ValidationError) as bad:
        parse_kinds(["note", "gossip"])
    assert bad.value.field == "kind"
    views = await app.audit(sup.centre_id, action="case.timeline_viewed")
    assert len(views) == calls + 1  # every read by the supervisor, none by the refusal
    assert {v.entity_id for v in views} == {str(case.id)}


async def test_read_your_writes_falls_back_to_the_write_side() -> None:
    app = build_app()
    sup, _, case = await _seed(app)  # nothing handled: the projection is empty
    projection = _projection(app)
    query = CaseTimelineQuery(app.uow, app.clock, projection, wait_seconds=0.05)
    eventual, version = await query.list(sup, case.id)
    assert eventual.total == 0
    assert (version.source, version.lag_seconds > 0) == ("projection", True)
    consistent, version = await query.list(sup, case.id, written_at=app.clock.now())
    assert version.source == "write"
    await projection.rebuild(sup.centre_id)
    built, _ = await query.list(sup, case.id)
    assert consistent.items == built.items
    assert consistent.total == built.total > 10
