"""Ports: the Protocols the core needs from the outside world.

Adapters in ``cma_adapters`` implement them; ``cma_adapters.memory`` has an in-memory
implementation of every one, which the unit tests and embedding programs can use.
"""

from cma_core.ports.advice import (
    AdviceRepositories,
    AdviceRepository,
    AppraisalRepository,
    BudgetRepository,
    CreditorDirectory,
    DebtRepository,
    FactsRepository,
    LetterRenderer,
    LetterRepository,
    LetterTemplateRepository,
    OfferRepository,
    ReferenceDataRepository,
    SfsCodec,
)
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
    "AdviceRepositories",
    "AdviceRepository",
    "AppraisalRepository",
    "AuditLog",
    "BudgetRepository",
    "CaseRepository",
    "ClientRepository",
    "Clock",
    "CreditorDirectory",
    "DebtRepository",
    "EventPublisher",
    "FactsRepository",
    "IdentityStore",
    "Inbox",
    "LetterRenderer",
    "LetterRepository",
    "LetterTemplateRepository",
    "OfferRepository",
    "Outbox",
    "Page",
    "PasswordHasher",
    "ReferenceDataRepository",
    "RepositoryFactory",
    "SfsCodec",
    "TaskRepository",
    "UnitOfWork",
    "UnitOfWorkFactory",
]
