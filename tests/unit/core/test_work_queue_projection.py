"""The work queue projection on the in-memory adapters: a case's open task, open deadline,
booked appointments and pending suggestion go to the right users; events dispatched
reversed, twice and in batches equal the rebuild; the query shows today's appointments
only, counts per section, and another user's queue only to a supervisor."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import ports

from cma_core.cases.service import OpenCase, UpdateCase
from cma_core.documents.model import FieldEvidence, Suggestion, SuggestionKind, SuggestionMade
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.readmodels.model import WorkItem, WorkSection
from cma_core.readmodels.workqueue import EVENTS, WorkQueueProjection, WorkQueueQuery
from cma_core.scheduling.appointments import Appointment, AppointmentId, AppointmentKind
from cma_core.scheduling.deadlines import CountingRule, Deadline, DeadlineKind
from cma_core.scheduling.ports import (
    AppointmentChanged,
    DeadlineId,
    DeadlineStatus,
    FactId,
    FactRecorded,
    StoredAppointment,
    TrackedDeadline,
)
from cma_core.shared.errors import NotFound
from cma_core.shared.handlers import EventHandlers
from cma_core.shared.ids import CentreId, UserId
from cma_core.tasks.service import CreateTask

NAMES = (
    "work_queue_items", "case_list_rows", "cases", "tasks", "deadlines", "appointments",
    "suggestions",
)  # fmt: skip


def _projection(app: App) -> WorkQueueProjection:
    return WorkQueueProjection(app.uow, app.clock, **ports(NAMES))


async def _queue(app: App, centre: CentreId, user: UserId | None) -> list[WorkItem]:
    assert user is not None
    async with app.uow(centre) as uow:
        page = await _projection(app).work_queue_items(uow).list(user, limit=200)
    return list(page.items)


async def _seed(app: App) -> tuple[TenantContext, TenantContext]:
    centre = await app.centre()
    sup = await app.staff(centre, Role.SUPERVISOR)
    adviser = await app.staff(centre, Role.ADVISER)
    client = await app.clients.register(sup, register_cmd(last_name="Doe"))
    case = await app.cases.open(sup, OpenCase(client_id=client.id))
    await app.cases.update(
        sup, case.id, UpdateCase(expected_version=None, adviser_id=adviser.user_id)
    )
    await app.tasks.create(adviser, CreateTask(title="Chase statements", case_id=case.id))
    await app.tasks.create(sup, CreateTask(title="Review the file"))  # free-standing
    now = app.clock.now()
    wired = ports(("deadlines", "appointments", "suggestions"))
    async with app.uow(centre.id) as uow:
        deadline = Deadline(
            kind=DeadlineKind.DEFENCE, due=now.date() + dt.timedelta(days=14),
            trigger=now.date(), counting=CountingRule.CALENDAR_DAYS, amount=14,
            rule="14 days", source="CPR 15.4",
        )  # fmt: skip
        await wired["deadlines"](uow).add(
            TrackedDeadline(
                id=DeadlineId(uuid.uuid4()), centre_id=centre.id, case_id=case.id,
                fact_id=FactId(uuid.uuid4()), deadline=deadline, adviser_id=None,
                status=DeadlineStatus.OPEN, created_at=now,
            )
        )  # fmt: skip
        uow.emit(
            FactRecorded(
                centre_id=centre.id, occurred_at=now, case_id=case.id,
                fact_id=FactId(uuid.uuid4()), kind="claim_served", occurred_on=now.date(),
            )
        )  # fmt: skip
        for days in (0, 3):  # one today, one later
            start = now + dt.timedelta(days=days, hours=2)
            appt = Appointment(
                id=AppointmentId(uuid.uuid4()), case_id=case.id, client_id=client.id,
                adviser_id=adviser.user_id,  # type: ignore[arg-type]
                kind=AppointmentKind.PHONE, start=start, end=start + dt.timedelta(hours=1),
            )  # fmt: skip
            await wired["appointments"](uow).add(
                StoredAppointment(centre_id=centre.id, appointment=appt, version=1, created_at=now)
            )
            uow.emit(
                AppointmentChanged(
                    centre_id=centre.id, occurred_at=now, case_id=case.id,
                    appointment_id=appt.id, change="booked", by=sup.user_id,
                )
            )  # fmt: skip
        suggestion = Suggestion(
            id=uuid.uuid4(), centre_id=centre.id, case_id=case.id,  # type: ignore[arg-type]
            document_id=uuid.uuid4(), kind=SuggestionKind.NEW_DEBT,  # type: ignore[arg-type]
            title="Add debt", confidence=0.9, source="ocr", created_at=now,
            evidence=(
                FieldEvidence(field="account_reference", value="AB1", page=1, chosen=True,
                              read_confidence=0.42),
                FieldEvidence(field="balance_pence", value="12.00", page=1, chosen=True,
                              read_confidence=0.96),
            ),
        )  # fmt: skip
        await wired["suggestions"](uow).add(suggestion)
        uow.emit(
            SuggestionMade(
                centre_id=centre.id, occurred_at=now, suggestion_id=suggestion.id,
                document_id=suggestion.document_id, case_id=case.id, kind="new_debt",
            )
        )  # fmt: skip
        await uow.commit()
    return sup, adviser


async def test_events_in_any_order_equal_the_rebuild_and_items_go_to_their_users() -> None:
    app = build_app()
    sup, adviser = await _seed(app)
    projection = _projection(app)
    handlers = EventHandlers(app.uow, app.clock, registered=projection.handlers())
    names = {e.name for e in EVENTS}
    events = [e for e in app.publisher.published if e.name in names]
    for env in [*reversed(events), *events]:
        await handlers.dispatch(env.centre_id, env.event_id)
    ids = [e.event_id for e in reversed(events)]
    for batch in (ids[:3], ids[3:]):
        await handlers.dispatch_many(sup.centre_id, batch)
    mine = await _queue(app, sup.centre_id, adviser.user_id)
    sections = sorted(i.section.value for i in mine)
    assert sections == ["appointment", "appointment", "deadline", "document", "task"]
    theirs = await _queue(app, sup.centre_id, sup.user_id)
    assert [(i.title, i.case_id) for i in theirs] == [("Review the file", None)]
    # A task's item carries its kind, due time and version; the other sections none.
    task = next(i for i in mine if i.section is WorkSection.TASK)
    held = await app.tasks.get(adviser, task.item_id)
    assert (task.kind, task.due_at, task.version) == (held.kind.value, held.due_at, held.version)
    assert all(i.version is None for i in mine if i.section is not WorkSection.TASK)
    # Every item on the case says which case it is (a free-standing task: none), and a
    # document's item says what kind of suggestion waits, not its sealed title.
    case = await app.cases.get(adviser, next(i.case_id for i in mine if i.case_id))
    assert {i.case_reference for i in mine} == {case.reference}
    assert [i.case_reference for i in theirs] == [None]
    [document] = [i for i in mine if i.section is WorkSection.DOCUMENT]
    assert document.title == f"{case.reference}: suggested new debt to review"
    # ... and how many of its values are to be checked (a count; others: none).
    assert document.to_check == 1
    assert all(i.to_check is None for i in [*mine, *theirs] if i is not document)
    assert await projection.rebuild(sup.centre_id) == 2  # the case, the free-standing task
    assert await _queue(app, sup.centre_id, adviser.user_id) == mine
    assert await _queue(app, sup.centre_id, sup.user_id) == theirs


async def test_the_query_shows_today_and_guards_other_queues() -> None:
    app = build_app()
    sup, adviser = await _seed(app)
    projection = _projection(app)
    await projection.rebuild(sup.centre_id)
    query = WorkQueueQuery(app.uow, app.clock, projection)
    page, counts, version = await query.list(adviser)
    assert counts == {
        WorkSection.TASK: 1, WorkSection.DEADLINE: 1,
        WorkSection.APPOINTMENT: 1, WorkSection.DOCUMENT: 1,
    }  # fmt: skip
    assert page.total == 4
    assert version.lag_seconds == 0
    same, _, _ = await query.list(sup, user_id=adviser.user_id)
    assert same.items == page.items
    with pytest.raises(NotFound):
        await query.list(adviser, user_id=sup.user_id)
    with pytest.raises(NotFound):
        await query.list(sup, user_id=UserId(uuid.uuid4()), staff=frozenset())


async def test_a_long_cases_open_task_after_a_thousand_done_reaches_the_queue() -> None:
    """The case's open tasks are read whole: one after 1,000 done ones (which sort first
    by their due dates) is still on its holder's queue."""
    app = build_app()
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    client = await app.clients.register(adviser, register_cmd(last_name="Long"))
    case = await app.cases.open(adviser, OpenCase(client_id=client.id))
    due = app.clock.now() + dt.timedelta(days=1)
    for n in range(1000):
        done = await app.tasks.create(
            adviser, CreateTask(title=f"Done {n}", case_id=case.id, due_at=due)
        )
        await app.tasks.complete(adviser, done.id, "done", expected_version=1)
    late = await app.tasks.create(adviser, CreateTask(title="Still to do", case_id=case.id))
    await _projection(app).rebuild(centre.id)
    queue = await _queue(app, centre.id, adviser.user_id)
    assert late.id in [i.item_id for i in queue]
