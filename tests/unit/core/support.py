"""Services wired to the in-memory adapters, as an embedding program would wire them."""

from __future__ import annotations

import datetime as dt

import attrs

from cma_adapters.memory import (
    FixedClock,
    InMemoryDatabase,
    InMemoryIdentityStore,
    PlainPasswordHasher,
    RecordingEventPublisher,
    in_memory_uow_factory,
)
from cma_core.identity.model import Centre, TenantContext, User
from cma_core.identity.permissions import Role
from cma_core.services.cases import CaseService
from cma_core.services.clients import ClientService, RegisterClient
from cma_core.services.events import EventHandlers, OutboxRelay
from cma_core.services.identity import IdentityService
from cma_core.services.tasks import TaskService

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
PASSWORD = "correct horse battery"


@attrs.define
class App:
    """Everything a test needs, built the way a composition root would build it."""

    clock: FixedClock
    db: InMemoryDatabase
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
        publisher=publisher,
        store=store,
        identity=IdentityService(store, PlainPasswordHasher(), clock),
        clients=ClientService(uow, clock),
        cases=CaseService(uow, store, clock),
        tasks=TaskService(uow),
        handlers=EventHandlers(uow, clock),
        relay=OutboxRelay(uow, store, publisher, clock),
    )
