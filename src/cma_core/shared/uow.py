"""The unit of work, and how repositories join it.

A unit of work is opened for exactly one centre. Every repository joined to it (through a
``RepositoryFactory``) sees only that centre's rows and refuses to write another centre's
(``CrossTenantAccess``). Nothing
is saved unless ``commit()`` is called; leaving the ``async with`` block without committing
rolls back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Generic, Protocol, Self, TypeVar

from attrs import frozen

from cma_core.shared.events import Aggregate, DomainEvent, EventEnvelope
from cma_core.shared.ids import CaseId, CentreId, EventId

if TYPE_CHECKING:
    # Only the type names the audit trail, so shared/ stays below the areas at run time.
    from cma_core.audit.ports import AuditLog

T = TypeVar("T")


@frozen
class Page(Generic[T]):
    """One page of a list, with the total matching count (for pagination controls)."""

    items: Sequence[T]
    total: int
    limit: int
    offset: int
    #: Where the next page starts (keyset pagination, ``cma_core.shared.paging``); ``None``
    #: on the last page or for a list not (yet) paged by cursor.
    next_cursor: str | None = None

    @classmethod
    def sliced(cls, rows: Sequence[T], limit: int, offset: int) -> Page[T]:
        """The page of ``rows`` (every match, already in order) from ``offset``."""
        return cls(items=rows[offset : offset + limit], total=len(rows), limit=limit, offset=offset)


class Outbox(Protocol):
    async def add(self, envelopes: Sequence[EventEnvelope]) -> None:
        """Write events in the current transaction."""
        ...

    async def get(self, event_id: EventId) -> EventEnvelope | None: ...

    async def get_many(self, event_ids: Sequence[EventId]) -> list[EventEnvelope]:
        """The events of ``event_ids`` this centre's outbox has, in the order asked (one
        read for a batch; missing ones left out)."""
        found = [await self.get(i) for i in event_ids]
        return [e for e in found if e is not None]

    async def unpublished(self, *, limit: int) -> Sequence[EventEnvelope]:
        """Events of this centre not yet handed to the broker, oldest first."""
        ...

    async def mark_published(self, event_ids: Sequence[EventId], at: dt.datetime) -> None: ...

    async def owed(
        self,
        *,
        published_before: dt.datetime,
        limit: int,
        unclaimed_at: dt.datetime | None = None,
    ) -> Sequence[EventEnvelope]:
        """Events handed to the broker before ``published_before`` whose handlers have not
        all recorded them (nor a dead letter said why not), oldest first: the broker lost
        them (Redis restarted without persistence) or the worker died holding them. With
        ``unclaimed_at``, leaving out those a claim (``claim``) holds at that time."""
        ...

    async def claim(
        self, event_ids: Sequence[EventId], *, by: str, until: dt.datetime, now: dt.datetime
    ) -> set[EventId]:
        """Claim for ``by`` until ``until`` those of ``event_ids`` this centre's outbox owes
        (not settled) that no other claimant holds at ``now`` (never claimed, the claim
        expired, or it is ``by``'s own); returns which ``by`` now holds. Two units of work
        claiming at once never both get an event: one waits for nothing (rows the other is
        claiming are skipped, ``FOR UPDATE SKIP LOCKED`` where the database has it) and
        gets the rest. Kept on commit. A claim is a lease: a worker that dies holding
        events lets them go when it expires, and they are delivered again."""
        ...

    async def release(self, event_ids: Sequence[EventId], *, by: str) -> set[EventId]:
        """Give up ``by``'s claims on those of ``event_ids`` this centre's outbox still
        owes, so another claimant may take them at once instead of waiting for the lease
        to run out (a worker whose batch failed on them). Others' claims and settled
        events are left as they are; returns which were released. Kept on commit."""
        ...

    async def held_by_others(
        self, event_ids: Sequence[EventId], *, by: str, now: dt.datetime
    ) -> set[EventId]:
        """Which of ``event_ids`` (owed, of this centre) a claimant other than ``by`` holds
        at ``now``, as last committed: read without waiting for or locking anything, so an
        event ``claim`` skipped only because another writer had its row locked for a moment
        is not among them."""
        ...

    async def settled_of(self, event_ids: Sequence[EventId]) -> set[EventId]:
        """Which of ``event_ids`` this centre's outbox has settled (handled, or given up on
        with a dead letter): one read for a batch."""
        ...

    async def settle(
        self, event_id: EventId, at: dt.datetime, *, dead_letter: str | None = None
    ) -> None:
        """Record that the event is owed nothing more: every handler's inbox has it, or
        ``dead_letter`` says why it was abandoned. Idempotent (the first settlement stays)."""
        ...

    async def settle_many(self, event_ids: Sequence[EventId], at: dt.datetime) -> None:
        """``settle`` each of ``event_ids`` (one write for a batch)."""
        for event_id in event_ids:
            await self.settle(event_id, at)


class Inbox(Protocol):
    """Which (event, handler) pairs the worker has already processed: makes jobs idempotent."""

    async def seen(self, event_id: EventId, handler: str) -> bool: ...

    async def seen_of(self, event_ids: Sequence[EventId], handler: str) -> set[EventId]:
        """Which of ``event_ids`` the handler has processed (one read for a batch)."""
        ...

    async def mark(self, event_id: EventId, handler: str, at: dt.datetime) -> None: ...

    async def mark_many(self, event_ids: Sequence[EventId], handler: str, at: dt.datetime) -> None:
        """``mark`` each of ``event_ids`` (one write for a batch)."""
        ...


class UnitOfWork(Protocol):
    """One transaction for one centre."""

    centre_id: CentreId
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

        Repositories of aggregates that record events (cases, clients) track what they
        add and save; others call this themselves.
        """
        ...

    def emit(self, *events: DomainEvent) -> None:
        """Stage events that no aggregate records (a change to a plain record: a debt, a
        budget, a deadline) for the outbox, written on commit in the order staged, among
        the events of the aggregates tracked before and after. Dropped on rollback."""
        ...

    async def serialise(self, keys: Collection[str]) -> None:
        """Hold ``keys`` (of this centre) until this unit of work's transaction ends, on
        commit or rollback: another unit of work serialising any of them meanwhile waits
        until then. So two workers rewriting what one key stands for (a case's compliance
        findings, its list row) do it one after the other, the second reading what the
        first wrote, instead of colliding on a unique key. Call it before reading. The
        keys are taken in one order (the adapter sorts them), so two units of work holding
        overlapping sets do not deadlock. The default holds nothing: for an adapter whose
        units of work are never open at once (the embedded database's one writer)."""
        return

    def read_together(self, case_ids: Collection[CaseId]) -> None:
        """A hint: this unit of work is about to read these cases' records one case at a
        time (a batch of events' handlers). An adapter may read a table's rows of all of
        them in one statement, the first time one case's are asked for, and serve the
        others from that (dropped when the table is written in this unit of work). What
        is read is the same either way; the default ignores the hint."""
        return


R_co = TypeVar("R_co", covariant=True)


class RepositoryFactory(Protocol[R_co]):
    """How an area's repository joins a unit of work: given the unit of work, return the
    repository bound to its transaction and centre.

    This is the one way every area repository joins a unit of work, the case, client and
    task repositories included: the area defines a narrow repository Protocol, a service
    names a ``RepositoryFactory`` of each port it uses (one field per port, wired by the
    container), and each adapter package implements one factory per port for its own unit
    of work (``cma_adapters.<tech>.<area>.<port>``). Tenancy stays bound by the unit of
    work the factory is given. This keeps the ``UnitOfWork`` Protocol small and lets areas
    grow without editing it.

    The unit of work holds only its own journal: the outbox and inbox it writes on commit,
    and the audit trail whose hash-chain head it locks.
    """

    def __call__(self, uow: UnitOfWork) -> R_co: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, centre_id: CentreId) -> UnitOfWork:
        """A new unit of work bound to ``centre_id`` (not yet entered)."""
        ...
