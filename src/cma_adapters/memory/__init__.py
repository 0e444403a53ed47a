"""In-memory adapters for every port: for unit tests and for programs embedding the core.

They keep the same contract as the database adapters (the contract suites prove it),
including tenancy: a unit of work sees one centre's records only.
"""

from cma_adapters.memory.privacy import InMemoryKeyManagement
from cma_adapters.memory.uow import (
    FixedClock,
    InMemoryDatabase,
    InMemoryIdentityStore,
    InMemoryUnitOfWork,
    PlainPasswordHasher,
    RecordingEventPublisher,
    SystemClock,
    in_memory_uow_factory,
)

__all__ = [
    "FixedClock",
    "InMemoryDatabase",
    "InMemoryIdentityStore",
    "InMemoryKeyManagement",
    "InMemoryUnitOfWork",
    "PlainPasswordHasher",
    "RecordingEventPublisher",
    "SystemClock",
    "in_memory_uow_factory",
]
