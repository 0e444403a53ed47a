"""Ports: the Protocols the core needs from the outside world.

Adapters in ``cma_adapters`` implement them; ``cma_adapters.memory`` has an in-memory
implementation of every one, which the unit tests and embedding programs can use.
"""

from cma_core.ports.clock import Clock
from cma_core.ports.jobs import EventPublisher
from cma_core.ports.security import PasswordHasher
from cma_core.ports.uow import (
    AuditLog,
    CaseRepository,
    ClientRepository,
    IdentityStore,
    Inbox,
    Outbox,
    Page,
    RepositoryFactory,
    TaskRepository,
    UnitOfWork,
    UnitOfWorkFactory,
)

__all__ = [
    "AuditLog",
    "CaseRepository",
    "ClientRepository",
    "Clock",
    "EventPublisher",
    "IdentityStore",
    "Inbox",
    "Outbox",
    "Page",
    "PasswordHasher",
    "RepositoryFactory",
    "TaskRepository",
    "UnitOfWork",
    "UnitOfWorkFactory",
]
