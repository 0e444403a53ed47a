"""The unit of work and the repositories it hands out.

A unit of work is opened for exactly one centre. Every repository it hands out sees only
that centre's rows and refuses to write another centre's (``CrossTenantAccess``). Nothing
is saved unless ``commit()`` is called; leaving the ``async with`` block without committing
rolls back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import TracebackType
from typing import Generic, Protocol, Self, TypeVar

from attrs import frozen

from cma_core.audit.model import AuditEntry, ChainHead
from cma_core.cases.model import Case, CaseStatus
from cma_core.clients.model import Client
from cma_core.identity.model import Centre, User
from cma_core.shared.events import Aggregate, EventEnvelope
from cma_core.shared.ids import CaseId, CentreId, ClientId, EventId, TaskId, UserId
from cma_core.tasks.model import Task, TaskStatus

T = TypeVar("T")


@frozen
class Page(Generic[T]):
    """One page of a list, with the total matching count (for pagination controls)."""

    items: Sequence[T]
    total: int
    limit: int
    offset: int


class ClientRepository(Protocol):
    async def add(self, client: Client) -> None:
        """Stage a new client. Raises ``CrossTenantAccess`` for another centre's client."""
        ...

    async def get(self, client_id: ClientId) -> Client | None:
        """The client, or ``None`` if it does not exist in this centre."""
        ...

    async def list(self, *, limit: int, offset: int, name: str | None = None) -> Page[Client]:
        """Clients of this centre, newest first; ``name`` matches first or last name exactly
        (case-insensitive), since names are stored encrypted in production."""
        ...

    async def save(self, client: Client) -> None:
        """Persist changes; raises ``StaleVersion`` if the stored version moved on."""
        ...


class CaseRepository(Protocol):
    async def add(self, case: Case) -> None:
        """Stage a new case. Raises ``CrossTenantAccess`` for another centre's case."""
        ...

    async def get(self, case_id: CaseId) -> Case | None:
        """The case with its notes, or ``None`` if it does not exist in this centre."""
        ...

    async def save(self, case: Case) -> None:
        """Persist changes (status, adviser, new notes) and bump ``version``.

        Raises ``StaleVersion`` if the stored version is not ``case.version``.
        """
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
    ) -> Page[Case]:
        """Cases of this centre, most recently opened first, without their notes."""
        ...

    async def next_reference_number(self) -> int:
        """A number for the next case reference, unique within this centre."""
        ...


class TaskRepository(Protocol):
    async def add(self, task: Task) -> None: ...

    async def get(self, task_id: TaskId) -> Task | None: ...

    async def find_by_source_event(self, event_id: EventId) -> Task | None:
        """The task created in answer to ``event_id``, if any (for idempotent handlers)."""
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        assignee_id: UserId | None = None,
        case_id: CaseId | None = None,
        status: TaskStatus | None = None,
        due_before: dt.datetime | None = None,
    ) -> Page[Task]:
        """Tasks of this centre, soonest due first (undated last)."""
        ...


class AuditLog(Protocol):
    """The centre's append-only, hash-chained audit trail (see ``cma_core.audit.chain``)."""

    async def append(self, entry: AuditEntry) -> None:
        """Append an entry. Entries are never changed or removed.

        The entry joins the centre's hash chain when the unit of work commits (the chain
        head is locked only then, so appends of one centre serialise briefly and other
        centres are not affected); a rolled-back unit of work leaves no link behind.
        """
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        entity_type: str | None = None,
        entity_id: str | None = None,
        actor_id: UserId | None = None,
        action: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
    ) -> Page[AuditEntry]:
        """Entries of this centre, oldest first, with their chain fields filled in.

        ``since`` is inclusive and ``until`` exclusive (on ``at``).
        """
        ...

    async def chain(self, *, after_seq: int, limit: int) -> Sequence[AuditEntry]:
        """Up to ``limit`` committed entries with ``chain_seq > after_seq``, in chain order."""
        ...

    async def head(self) -> ChainHead | None:
        """The centre's chain head, or ``None`` if it has no entries yet."""
        ...


class Outbox(Protocol):
    async def add(self, envelopes: Sequence[EventEnvelope]) -> None:
        """Write events in the current transaction."""
        ...

    async def get(self, event_id: EventId) -> EventEnvelope | None: ...

    async def unpublished(self, *, limit: int) -> Sequence[EventEnvelope]:
        """Events of this centre not yet handed to the broker, oldest first."""
        ...

    async def mark_published(self, event_ids: Sequence[EventId], at: dt.datetime) -> None: ...


class Inbox(Protocol):
    """Which (event, handler) pairs the worker has already processed: makes jobs idempotent."""

    async def seen(self, event_id: EventId, handler: str) -> bool: ...

    async def mark(self, event_id: EventId, handler: str, at: dt.datetime) -> None: ...


class UnitOfWork(Protocol):
    """One transaction for one centre."""

    centre_id: CentreId
    clients: ClientRepository
    cases: CaseRepository
    tasks: TaskRepository
    audit: AuditLog
    outbox: Outbox
    inbox: Inbox

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back anything not committed."""
        ...

    async def commit(self) -> None:
        """Write the staged changes and the events recorded by touched aggregates
        (to the outbox) in one transaction; once the unit of work is left, hand the events
        to the publisher. Raises ``StaleVersion`` on a lost optimistic-concurrency race.

        A unit of work commits once: open a new one for further work.
        """
        ...

    async def rollback(self) -> None: ...

    def track(self, aggregate: Aggregate) -> None:
        """Have the events recorded by ``aggregate`` written to the outbox on commit.

        The built-in repositories track what they add and save; repositories of other
        areas (obtained through a ``RepositoryFactory``) call this themselves.
        """
        ...


R_co = TypeVar("R_co", covariant=True)


class RepositoryFactory(Protocol[R_co]):
    """How an area's repository joins a unit of work: given the unit of work, return the
    repository bound to its transaction and centre.

    Areas (debts, budgets, documents, ...) define a repository Protocol and take a
    ``RepositoryFactory`` of it; each adapter package implements the factory for its own
    unit of work. This keeps the ``UnitOfWork`` Protocol small and lets areas grow
    without editing it.
    """

    def __call__(self, uow: UnitOfWork) -> R_co: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, centre_id: CentreId) -> UnitOfWork:
        """A new unit of work bound to ``centre_id`` (not yet entered)."""
        ...


class IdentityStore(Protocol):
    """Centres and users: the platform-level records that sit above tenancy.

    Users are global (one person may work for several centres); memberships say where.
    """

    async def add_centre(self, centre: Centre) -> None: ...

    async def get_centre(self, centre_id: CentreId) -> Centre | None: ...

    async def list_centres(self) -> Sequence[Centre]: ...

    async def add_user(self, user: User) -> None:
        """Raises ``Conflict`` if the email is taken."""
        ...

    async def save_user(self, user: User) -> None: ...

    async def get_user(self, user_id: UserId) -> User | None: ...

    async def get_user_by_email(self, email: str) -> User | None: ...

    async def list_users(self, centre_id: CentreId) -> Sequence[User]: ...
