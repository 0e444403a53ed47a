"""The work queue's rules and use cases, the staff directory and the look-up query, on the
in-memory adapters (fixed clock, no mocks)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.cases.model import CloseReason
from cma_core.cases.service import OpenCase
from cma_core.clients.lookup import ClientLookup, name_words, normalise_postcode
from cma_core.identity.directory import StaffDirectory
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import CaseId, UserId
from cma_core.tasks.model import TaskPriority, TaskSort, TaskStatus
from cma_core.tasks.service import CreateTask, TaskQuery, UpdateTask

from .support import NOW, App, register_cmd

DAY = dt.timedelta(days=1)


async def _case(app: App, ctx: TenantContext) -> CaseId:
    client = await app.clients.register(ctx, register_cmd())
    return (await app.cases.open(ctx, OpenCase(client_id=client.id))).id


async def test_task_life_cycle_versions_audit_and_events(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    case_id = await _case(app, adviser)
    task = await app.tasks.create(
        adviser, CreateTask(title="  Chase bank statements ", case_id=case_id, due_at=NOW + DAY)
    )
    assert (task.title, task.assignee_id, task.created_by) == (
        "Chase bank statements",
        adviser.user_id,
        adviser.user_id,
    )
    assert task.version == 1
    task = await app.tasks.update(
        adviser, task.id, UpdateTask(expected_version=1, priority=TaskPriority.HIGH)
    )
    assert task.version == 2
    # Nothing changed: nothing written.
    same = await app.tasks.update(
        adviser, task.id, UpdateTask(expected_version=2, priority=TaskPriority.HIGH)
    )
    assert same.version == 2
    with pytest.raises(StaleVersion):
        await app.tasks.complete(adviser, task.id, "done", expected_version=1)
    with pytest.raises(ValidationError) as err:
        await app.tasks.complete(adviser, task.id, "  ", expected_version=2)
    assert err.value.field == "outcome_note"
    done = await app.tasks.complete(adviser, task.id, "Received", expected_version=2)
    assert (done.status, done.outcome_note, done.closed_at, done.closed_by) == (
        TaskStatus.DONE,
        "Received",
        NOW,
        adviser.user_id,
    )
    with pytest.raises(InvalidTransition):
        await app.tasks.cancel(adviser, task.id, "x", expected_version=3)
    with pytest.raises(InvalidTransition):
        await app.tasks.update(adviser, task.id, UpdateTask(expected_version=3, title="x"))
    reopened = await app.tasks.reopen(adviser, task.id, expected_version=3)
    assert (reopened.status, reopened.outcome_note, reopened.closed_at) == (
        TaskStatus.OPEN,
        None,
        None,
    )
    with pytest.raises(InvalidTransition):
        await app.tasks.reopen(adviser, task.id, expected_version=4)
    actions = [e.action for e in await app.audit(centre.id, entity_type="task")]
    assert actions[-4:] == ["task.created", "task.updated", "task.completed", "task.reopened"]
    changes = [e.payload["change"] for e in app.published("TaskChanged")]
    assert changes == ["created", "updated", "completed", "reopened"]


async def test_who_may_create_assign_and_see(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    supervisor = await app.staff(centre, Role.SUPERVISOR)
    caseworker = await app.staff(centre, Role.CASEWORKER)
    auditor = await app.staff(centre, Role.AUDITOR)
    with pytest.raises(PermissionDenied):
        await app.tasks.create(auditor, CreateTask(title="x"))
    with pytest.raises(PermissionDenied):
        await app.tasks.create(adviser, CreateTask(title="x", assignee_id=caseworker.user_id))
    given = await app.tasks.create(
        supervisor, CreateTask(title="x", assignee_id=caseworker.user_id)
    )
    # The caseworker sees it (assigned); an adviser sees every task (case:read_all).
    assert (await app.tasks.get(caseworker, given.id)).id == given.id
    assert (await app.tasks.get(adviser, given.id)).id == given.id
    own = await app.tasks.create(adviser, CreateTask(title="mine"))
    with pytest.raises(NotFound):
        await app.tasks.get(caseworker, own.id)
    with pytest.raises(NotFound):
        await app.tasks.complete(caseworker, own.id, "x", expected_version=1)
    # A user of another centre, or a stranger, cannot be given a task.
    other = await app.staff(await app.centre("Elsewhere"), Role.ADVISER)
    for who in (other.user_id, UserId(uuid.uuid4())):
        with pytest.raises(ValidationError) as err:
            await app.tasks.create(supervisor, CreateTask(title="x", assignee_id=who))
        assert err.value.field == "assignee_id"
    # Taking a task oneself needs no task:assign; giving it away does.
    taken = await app.tasks.update(
        caseworker, given.id, UpdateTask(expected_version=1, assignee_id=caseworker.user_id)
    )
    assert taken.version == 1  # already theirs: unchanged
    with pytest.raises(PermissionDenied):
        await app.tasks.update(
            caseworker, given.id, UpdateTask(expected_version=1, assignee_id=adviser.user_id)
        )
    # A caseworker cannot put a task on a case they cannot see.
    case_id = await _case(app, adviser)
    with pytest.raises(NotFound):
        await app.tasks.create(caseworker, CreateTask(title="x", case_id=case_id))


async def test_queue_query_rules(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    late = await app.tasks.create(adviser, CreateTask(title="late", due_at=NOW - DAY))
    await app.tasks.create(adviser, CreateTask(title="soon", due_at=NOW + DAY))
    await app.tasks.create(adviser, CreateTask(title="undated", priority=TaskPriority.URGENT))

    async def titles(q: TaskQuery) -> list[str]:
        return [t.title for t in (await app.tasks.list(adviser, query=q)).items]

    assert await titles(TaskQuery(overdue=True)) == ["late"]
    assert await titles(TaskQuery(sort=TaskSort.PRIORITY)) == ["undated", "late", "soon"]
    nobodys = await app.tasks.create(adviser, CreateTask(title="nobody's", due_at=NOW + DAY))
    supervisor = await app.staff(centre, Role.SUPERVISOR)
    await app.tasks.update(supervisor, nobodys.id, UpdateTask(expected_version=1, assignee_id=None))
    assert await titles(TaskQuery(unassigned=True)) == ["nobody's"]
    with pytest.raises(ValidationError) as err:
        await titles(TaskQuery(unassigned=True, assignee_id=adviser.user_id))
    assert err.value.field == "unassigned"
    await app.tasks.complete(adviser, late.id, "ok", expected_version=1)
    assert await titles(TaskQuery(overdue=True)) == []
    with pytest.raises(ValidationError):
        await titles(TaskQuery(overdue=True, status=TaskStatus.DONE))
    with pytest.raises(ValidationError) as err:
        await titles(TaskQuery(due_after=dt.datetime(2026, 1, 1)))
    assert err.value.field == "due_after"
    with pytest.raises(ValidationError):
        await titles(TaskQuery(due_before=NOW - DAY, due_after=NOW))


async def test_closing_a_case_cancels_open_tasks_once(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    case_id = await _case(app, adviser)
    open_task = await app.tasks.create(adviser, CreateTask(title="open", case_id=case_id))
    done = await app.tasks.create(adviser, CreateTask(title="done", case_id=case_id))
    await app.tasks.complete(adviser, done.id, "did it", expected_version=1)
    free = await app.tasks.create(adviser, CreateTask(title="free"))
    case = await app.cases.close(adviser, case_id, CloseReason.REFERRED_ELSEWHERE)
    [event] = app.published("CaseClosed")
    await app.handlers.dispatch(centre.id, event.event_id)
    await app.handlers.dispatch(centre.id, event.event_id)  # a replay changes nothing
    cancelled = await app.tasks.get(adviser, open_task.id)
    assert cancelled.status is TaskStatus.CANCELLED
    assert cancelled.outcome_note == (
        f"Cancelled automatically: case {case.reference} was closed on "
        f"{NOW.date().isoformat()} (referred elsewhere)."
    )
    assert cancelled.closed_by is None
    assert (await app.tasks.get(adviser, done.id)).outcome_note == "did it"
    assert (await app.tasks.get(adviser, free.id)).status is TaskStatus.OPEN
    entries = await app.audit(centre.id, entity_id=str(open_task.id))
    assert [(e.action, e.actor_id) for e in entries][-1] == ("task.cancelled", None)
    assert entries[-1].source_event_id == event.event_id
    with pytest.raises(InvalidTransition):
        await app.tasks.reopen(adviser, open_task.id, expected_version=2)
    with pytest.raises(InvalidTransition):
        await app.tasks.create(adviser, CreateTask(title="x", case_id=case_id))


async def test_closing_a_case_cancels_every_open_task_past_the_first_page(app: App) -> None:
    """Every open task of a closed case is cancelled, not the first 200 read."""
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    case_id = await _case(app, adviser)
    made = [
        await app.tasks.create(adviser, CreateTask(title=f"task {n}", case_id=case_id))
        for n in range(201)
    ]
    await app.cases.close(adviser, case_id, CloseReason.OTHER)
    [event] = app.published("CaseClosed")
    await app.handlers.dispatch(centre.id, event.event_id)
    statuses = {(await app.tasks.get(adviser, t.id)).status for t in made}
    assert statuses == {TaskStatus.CANCELLED}


async def test_a_case_reopened_before_the_job_runs_keeps_its_tasks(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    case_id = await _case(app, adviser)
    task = await app.tasks.create(adviser, CreateTask(title="open", case_id=case_id))
    await app.cases.close(adviser, case_id, CloseReason.OTHER)
    await app.cases.reopen(adviser, case_id)
    [event] = app.published("CaseClosed")
    await app.handlers.dispatch(centre.id, event.event_id)
    assert (await app.tasks.get(adviser, task.id)).status is TaskStatus.OPEN


async def test_staff_directory_and_withheld_names(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    await app.staff(centre, Role.SUPERVISOR)
    await app.staff(await app.centre("Elsewhere"), Role.ADVISER)
    directory = StaffDirectory(app.store)
    page = await directory.list(adviser)
    assert page.total == 2
    assert {s.roles for s in page.items} == {(Role.ADVISER,), (Role.SUPERVISOR,)}
    assert (await directory.list(adviser, role=Role.SUPERVISOR)).total == 1
    assert (await directory.list(adviser, active=False)).total == 0
    me = await directory.get(adviser, adviser.user_id)  # type: ignore[arg-type]
    assert me.display_name == (await app.user(adviser)).full_name
    with pytest.raises(NotFound):
        await directory.get(adviser, UserId(uuid.uuid4()))
    names = await directory.names(adviser)
    assert names(adviser.user_id) == me.display_name
    assert names(None) is None
    # A role that may not read the directory gets no names: withheld, not an error.
    nobody = TenantContext(centre_id=centre.id, user_id=None, roles=frozenset())
    assert (await directory.names(nobody)).by_id == {}
    with pytest.raises(PermissionDenied):
        await directory.list(nobody)
    client = await app.clients.register(adviser, register_cmd())
    assert await app.clients.display_names(adviser, [client.id]) == {client.id: "Jane Doe"}
    assert await app.clients.display_names(nobody, [client.id]) == {}


def test_lookup_query_normalises_and_validates() -> None:
    assert name_words("  Zoë  O'Neill-Smith Jr. ") == ["zoe", "oneill", "smith", "jr"]
    assert normalise_postcode(" ls1 4ap") == ("postcode", "LS1 4AP")
    assert normalise_postcode("sw1a") == ("postcode.outward", "SW1A")
    assert normalise_postcode("12345") is None
    q = ClientLookup.of(name="Ann ann LEE", reference=" c-42 ")
    assert q.name_words == ("ann", "lee")
    assert q.reference == "C-000042"
    for kwargs, field in (
        ({}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "1234"}, "name"),
        ({"name": "a b c d e f g"}, "name"),
        ({"postcode": "ZZZ"}, "postcode"),
        ({"reference": "case 9"}, "reference"),
    ):
        with pytest.raises(ValidationError) as err:
            ClientLookup.of(**kwargs)  # type: ignore[arg-type]
        assert err.value.field == field, kwargs
