"""The composition root: the one place that picks adapters, from settings.

One container class serves the HTTP app, the worker and the CLI. Tests override providers
(``container.clock.override(...)``) rather than patching modules.
"""

from __future__ import annotations

from typing import Any

from dependency_injector import containers, providers

from cma_adapters.jobs import DramatiqEventPublisher, InProcessEventPublisher, make_redis_broker
from cma_adapters.memory import SystemClock
from cma_adapters.security import Argon2PasswordHasher
from cma_adapters.sqlalchemy import (
    SqlAlchemyIdentityStore,
    SqlAlchemyUnitOfWorkFactory,
    create_engine_for,
)
from cma_core.services.cases import CaseService
from cma_core.services.clients import ClientService
from cma_core.services.events import EventHandlers, OutboxRelay
from cma_core.services.identity import IdentityService
from cma_core.services.tasks import TaskService
from cma_entrypoints.settings import Settings


def _publisher(settings: Settings, broker: Any, handlers: providers.Provider[Any]) -> Any:
    if settings.redis_url:
        return DramatiqEventPublisher(broker)
    return InProcessEventPublisher(handlers)


def _broker(settings: Settings) -> Any:
    if not settings.redis_url:
        return None
    return make_redis_broker(settings.redis_url, namespace=settings.redis_namespace)


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)

    clock = providers.Singleton(SystemClock)
    engine = providers.Singleton(
        create_engine_for,
        settings.provided.database_url,
        pool_size=settings.provided.db_pool_size,
        max_overflow=settings.provided.db_max_overflow,
    )
    broker = providers.Singleton(_broker, settings)
    hasher = providers.Singleton(
        Argon2PasswordHasher,
        time_cost=settings.provided.argon2_time_cost,
        memory_cost=settings.provided.argon2_memory_cost,
    )
    identity_store = providers.Singleton(SqlAlchemyIdentityStore, engine)

    # The publisher needs the event handlers lazily (they use units of work that publish
    # through it): it receives the provider, not an instance. Filled in below the class.
    publisher = providers.Singleton(_publisher, settings, broker)
    uow = providers.Singleton(SqlAlchemyUnitOfWorkFactory, engine, publisher)

    identity = providers.Singleton(IdentityService, identity_store, hasher, clock)
    clients = providers.Singleton(ClientService, uow, clock)
    cases = providers.Singleton(CaseService, uow, identity_store, clock)
    tasks = providers.Singleton(TaskService, uow)
    event_handlers = providers.Singleton(EventHandlers, uow, clock)
    relay = providers.Singleton(OutboxRelay, uow, identity_store, publisher, clock)


Container.publisher.add_kwargs(handlers=Container.event_handlers.provider)


def build_container(settings: Settings | None = None) -> Container:
    return Container(settings=settings or Settings.from_env())


async def shutdown(container: Container) -> None:
    """Close pools. Safe to call when nothing was opened."""
    await container.engine().dispose()
