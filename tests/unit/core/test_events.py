"""EventHandlers.dispatch (idempotent via the inbox), OutboxRelay and TaskService."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import pytest

from cma_adapters.memory import (
    FixedClock,
    InMemoryDatabase,
    InMemoryIdentityStore,
    PlainPasswordHasher,
    RecordingEventPublisher,
    in_memory_uow_factory,
)
from cma_adapters.memory.cases import cases as memory_cases
from cma_adapters.memory.clients import clients as memory_clients
from cma_adapters.memory.tasks import tasks as memory_tasks
from cma_core.cases.service import CaseService, OpenCase
from cma_core.clients.service import ClientService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.identity.service import IdentityService
from cma_core.shared.errors import NotFound
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import OutboxRelay
from cma_core.shared.ids import CentreId, EventId
from cma_core.tasks.model import TaskKind, TaskStatus
from cma_core.tasks.service import INITIAL_CONTACT_WITHIN

from .support import NOW, PASSWORD, App, register_cmd


async def open_case(app: App, ctx: TenantContext) -> tuple[uuid.UUID, EventEnvelope]:
    client = await app.clients.register(ctx, register_cmd())
    case = await app.cases.open(ctx, OpenCase(client_id=client.id))
    [event] = [e for e in app.published("CaseOpened") if e.payload["case_id"] == str(case.id)]
    return case.id, event


async def test_case_opened_creates_one_initial_contact_task_and_audits_it(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    case_id, event = await open_case(app, adviser)
    app.clock.advance(dt.timedelta(minutes=5))

    assert await app.handlers.dispatch(centre.id, event.event_id) == 1

    async with app.uow(centre.id) as uow:
        tasks = await memory_tasks(uow).list(limit=10, offset=0)
        task = await memory_tasks(uow).find_by_source_event(event.event_id)
        handled = await uow.inbox.seen(event.event_id, "create_initial_contact_task")
    assert tasks.total == 1
    assert task == tasks.items[0]
    assert task.case_id == case_id
    assert task.kind is TaskKind.INITIAL_CONTACT
    assert task.status is TaskStatus.OPEN
    assert task.assignee_id == adviser.user_id
    assert task.due_at == NOW + INITIAL_CONTACT_WITHIN  # from when the case opened
    assert task.created_at == NOW + dt.timedelta(minutes=5)
    assert handled
    [entry] = await app.audit(centre.id, entity_type="task")
    assert (entry.action, entry.entity_id, entry.actor_id) == ("task.created", str(task.id), None)
    assert entry.source_event_id == event.event_id


async def test_replaying_an_event_changes_nothing(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    _case_id, event = await open_case(app, adviser)
    assert await app.handlers.dispatch(centre.id, event.event_id) == 1
    assert await app.handlers.dispatch(centre.id, event.event_id) == 0
    assert await app.handlers.dispatch(centre.id, event.event_id) == 0
    async with app.uow(centre.id) as uow:
        assert (await memory_tasks(uow).list(limit=10, offset=0)).total == 1
    assert len(await app.audit(centre.id, entity_type="task")) == 1


async def test_an_event_without_handlers_runs_none(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    await app.clients.register(adviser, register_cmd())
    [registered] = app.published("ClientRegistered")
    assert await app.handlers.dispatch(centre.id, registered.event_id) == 0


async def test_dispatch_of_an_unknown_or_foreign_event_is_not_found(app: App) -> None:
    leeds = await app.centre("Leeds")
    york = await app.centre("York")
    adviser = await app.staff(leeds, Role.ADVISER)
    _case_id, event = await open_case(app, adviser)
    with pytest.raises(NotFound):
        await app.handlers.dispatch(york.id, event.event_id)
    with pytest.raises(NotFound):
        await app.handlers.dispatch(leeds.id, EventId(uuid.uuid4()))
    async with app.uow(york.id) as uow:
        assert (await memory_tasks(uow).list(limit=10, offset=0)).total == 0


async def test_task_list_for_caseworkers_is_only_their_own(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER, "adviser@example.org")
    caseworker = await app.staff(centre, Role.CASEWORKER, "cw@example.org")
    for ctx in (adviser, caseworker):
        _case_id, event = await open_case(app, ctx)
        await app.handlers.dispatch(centre.id, event.event_id)
    everyone = await app.tasks.list(adviser)
    assert everyone.total == 2
    own = await app.tasks.list(caseworker)
    assert [t.assignee_id for t in own.items] == [caseworker.user_id]
    # Asking for someone else's tasks yields none of theirs (as a case list does).
    assert (await app.tasks.list(caseworker, assignee_id=adviser.user_id)).total == 0
    assert (await app.tasks.list(adviser, due_before=NOW)).total == 0
    assert (await app.tasks.list(adviser, due_before=NOW + dt.timedelta(days=3))).total == 2


class FlakyPublisher(RecordingEventPublisher):
    """Fails the first ``failures`` calls, then records."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    async def publish(self, envelopes: Sequence[EventEnvelope]) -> None:
        if self.failures:
            self.failures -= 1
            raise ConnectionError("broker down")
        await super().publish(envelopes)


async def test_outbox_relay_publishes_unpublished_events_once() -> None:
    """Units of work without a publisher leave every event to the relay."""
    clock = FixedClock(NOW)
    db = InMemoryDatabase()
    store = InMemoryIdentityStore(db)
    uow = in_memory_uow_factory(db)  # no publisher: as if the process died after commit
    identity = IdentityService(store, PlainPasswordHasher(), clock)
    clients = ClientService(uow, clock, clients=memory_clients)
    cases = CaseService(uow, store, clock, cases=memory_cases, clients=memory_clients)
    centre_ids: list[CentreId] = []
    for name in ("Leeds", "York"):
        centre = await identity.create_centre(name)
        user = await identity.create_user(
            centre_id=centre.id, email=f"a@{name}.org", role=Role.ADVISER, password=PASSWORD
        )
        ctx = TenantContext(centre_id=centre.id, user_id=user.id, roles=frozenset({Role.ADVISER}))
        client = await clients.register(ctx, register_cmd())
        clock.advance(dt.timedelta(seconds=1))
        await cases.open(ctx, OpenCase(client_id=client.id))
        centre_ids.append(centre.id)

    publisher = FlakyPublisher(failures=1)
    relay = OutboxRelay(uow, store, publisher, clock, batch=1)
    with pytest.raises(ConnectionError):
        await relay.relay()
    assert publisher.published == []

    assert await relay.relay() == 4
    by_centre = {c: [e.name for e in publisher.published if e.centre_id == c] for c in centre_ids}
    assert by_centre == {c: ["ClientRegistered", "CaseOpened"] for c in centre_ids}
    assert len({e.event_id for e in publisher.published}) == 4
    assert await relay.relay() == 0
    assert len(publisher.published) == 4
    for centre_id in centre_ids:
        async with uow(centre_id) as unit:
            assert list(await unit.outbox.unpublished(limit=10)) == []
