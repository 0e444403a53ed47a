"""Services wired to the in-memory adapters, as an embedding program would wire them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from cma_adapters.memory import (
    FixedClock,
    InMemoryDatabase,
    InMemoryIdentityStore,
    InMemoryUnitOfWork,
    PlainPasswordHasher,
    RecordingEventPublisher,
    in_memory_uow_factory,
)
from cma_adapters.memory.cases import cases as memory_cases
from cma_adapters.memory.clients import clients as memory_clients
from cma_adapters.memory.tasks import tasks as memory_tasks
from cma_core.audit.model import AuditEntry
from cma_core.cases.service import CaseService
from cma_core.clients.service import ClientService, RegisterClient
from cma_core.identity.model import Centre, TenantContext, User
from cma_core.identity.permissions import Role
from cma_core.identity.service import IdentityService
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import EventHandlers, OutboxRelay
from cma_core.shared.ids import CentreId
from cma_core.tasks.service import TaskJobs, TaskService

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
PASSWORD = "correct horse battery"


@attrs.define
class App:
    """Everything a test needs, built the way a composition root would build it."""

    clock: FixedClock
    db: InMemoryDatabase
    uow: Callable[[CentreId], InMemoryUnitOfWork]
    publisher: RecordingEventPublisher
    store: InMemoryIdentityStore
    identity: IdentityService
    clients: ClientService
    cases: CaseService
    tasks: TaskService
    handlers: EventHandlers
    relay: OutboxRelay

    async def centre(self, name: str = "Leeds Debt Advice") -> Centre:
        return await self.identity.create_centre(name)

    async def staff(self, centre: Centre, role: Role, email: str | None = None) -> TenantContext:
        """A user with ``role`` in ``centre``, signed in."""
        user = await self.identity.create_user(
            centre_id=centre.id,
            email=email or f"{role.value}.{len(self.db.users)}@example.org",
            role=role,
            password=PASSWORD,
        )
        return TenantContext(centre_id=centre.id, user_id=user.id, roles=user.roles_in(centre.id))

    async def audit(self, centre_id: CentreId, **filters: Any) -> list[AuditEntry]:
        async with self.uow(centre_id) as uow:
            return list((await uow.audit.list(limit=200, offset=0, **filters)).items)

    def published(self, name: str) -> list[EventEnvelope]:
        return [e for e in self.publisher.published if e.name == name]

    async def user(self, ctx: TenantContext) -> User:
        assert ctx.user_id is not None
        user = await self.store.get_user(ctx.user_id)
        assert user is not None
        return user


def register_cmd(**overrides: object) -> RegisterClient:
    values: dict[str, object] = {
        "first_name": "Jane",
        "last_name": "Doe",
        "date_of_birth": dt.date(1985, 6, 1),
        "email": "jane@example.org",
        "phone": "07700 900123",
    }
    values.update(overrides)
    return RegisterClient(**values)  # type: ignore[arg-type]


def build_app() -> App:
    clock = FixedClock(NOW)
    db = InMemoryDatabase()
    publisher = RecordingEventPublisher()
    uow = in_memory_uow_factory(db, publisher)
    store = InMemoryIdentityStore(db)
    return App(
        clock=clock,
        db=db,
        uow=uow,
        publisher=publisher,
        store=store,
        identity=IdentityService(store, PlainPasswordHasher(), clock),
        clients=ClientService(uow, clock, clients=memory_clients),
        cases=CaseService(uow, store, clock, cases=memory_cases, clients=memory_clients),
        tasks=TaskService(uow, store, clock, tasks=memory_tasks, cases=memory_cases),
        handlers=EventHandlers(
            uow,
            clock,
            registered=TaskJobs(clock, tasks=memory_tasks, cases=memory_cases).handlers(),
        ),
        relay=OutboxRelay(uow, store, publisher, clock),
    )
