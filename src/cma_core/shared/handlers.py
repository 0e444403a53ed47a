"""Event handlers run by the worker, and the dispatcher that calls them idempotently.

Each handler runs in its own unit of work for the event's centre. The inbox records
(event, handler) once the handler's changes commit, in the same transaction, so a replayed
event changes nothing.

A slow handler (OCR, a call to a model) is an ``OutsideTransaction``: it reads what it
needs in one short unit of work, does the slow part with none open (the embedded database
has a single connection, and no transaction should wait on Tesseract), and writes its
result in a second unit of work that also records the inbox entry.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence

from attrs import define, field

from cma_core.identity.model import TenantContext
from cma_core.identity.ports import IdentityStore
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import CaseId, CentreId, EventId, TaskId, UserId
from cma_core.shared.jobs import EventPublisher
from cma_core.shared.service import IdFactory, record_audit
from cma_core.shared.uow import UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.model import Task, TaskKind, TaskStatus

Handler = Callable[[UnitOfWork, EventEnvelope], Awaitable[None]]

Finish = Callable[[UnitOfWork], Awaitable[None]]
"""Writes a slow handler's result, in the unit of work that marks the event handled."""
Work = Callable[[], Awaitable[Finish | None]]
"""The slow part, run with no unit of work open; returns how to write its result."""
GiveUpHandler = Callable[[UnitOfWork, EventEnvelope, str], Awaitable[None]]
"""What an area does when delivery of an event is abandoned, with the reason."""


@define(frozen=True)
class OutsideTransaction:
    """A handler whose slow part runs with no transaction open.

    ``prepare`` runs in a short unit of work (committed after it, so it may save changes)
    and returns the slow ``Work``, or ``None`` when there is nothing to do. The work
    returns a ``Finish``, run in a second unit of work together with the inbox mark. If
    another run of the same handler finished first, the result is dropped. Every part must
    be safe to run twice: the finish re-reads what it changes.
    """

    prepare: Callable[[UnitOfWork, EventEnvelope], Awaitable[Work | None]]


AnyHandler = Handler | OutsideTransaction

# An adviser should make first contact within two days of a case opening.
INITIAL_CONTACT_WITHIN = dt.timedelta(days=2)


@define
class EventHandlers:
    """The worker side of the message bus."""

    uow: UnitOfWorkFactory
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    #: Handlers of other areas (documents, compliance, ...), injected by the composition
    #: root: event name -> (handler name, handler), run after the built-in ones.
    extra: Mapping[str, Sequence[tuple[str, AnyHandler]]] = field(factory=dict)
    #: What areas do when an event's delivery is abandoned (the worker's retries are
    #: exhausted, or the in-process handler failed): event name -> handlers.
    give_up_handlers: Mapping[str, Sequence[GiveUpHandler]] = field(factory=dict)

    def handlers(self) -> Mapping[str, Sequence[tuple[str, AnyHandler]]]:
        built_in: dict[str, list[tuple[str, AnyHandler]]] = {
            "CaseOpened": [("create_initial_contact_task", self.create_initial_contact_task)],
        }
        for name, extra in self.extra.items():
            built_in.setdefault(name, []).extend(extra)
        return built_in

    async def dispatch(self, centre_id: CentreId, event_id: EventId) -> int:
        """Run every handler of the event once. Returns how many ran now (0 on a replay).

        Raises ``NotFound`` if the event is not in this centre's outbox.
        """
        async with self.uow(centre_id) as uow:
            envelope = await uow.outbox.get(event_id)
        if envelope is None:
            raise NotFound("event", event_id)
        ran = 0
        for handler_name, handler in self.handlers().get(envelope.name, ()):
            if isinstance(handler, OutsideTransaction):
                ran += await self._run_outside(centre_id, envelope, handler_name, handler)
                continue
            async with self.uow(centre_id) as uow:
                if await uow.inbox.seen(event_id, handler_name):
                    continue
                await handler(uow, envelope)
                await uow.inbox.mark(event_id, handler_name, self.clock.now())
                await uow.commit()
                ran += 1
        return ran

    async def _run_outside(
        self,
        centre_id: CentreId,
        envelope: EventEnvelope,
        handler_name: str,
        handler: OutsideTransaction,
    ) -> int:
        async with self.uow(centre_id) as uow:
            if await uow.inbox.seen(envelope.event_id, handler_name):
                return 0
            work = await handler.prepare(uow, envelope)
            await uow.commit()
        finish = await work() if work is not None else None
        async with self.uow(centre_id) as uow:
            if await uow.inbox.seen(envelope.event_id, handler_name):
                return 0  # another run finished first: its result stands
            if finish is not None:
                await finish(uow)
            await uow.inbox.mark(envelope.event_id, handler_name, self.clock.now())
            await uow.commit()
        return 1

    async def give_up(self, centre_id: CentreId, event_id: EventId, reason: str) -> int:
        """Tell the areas that the event's handlers will not be tried again, so nothing is
        left waiting on them (a document stuck ``processing``). Returns how many ran.

        Each runs in its own unit of work; they are idempotent (a document already settled
        is left alone). Raises ``NotFound`` if the event is not in this centre's outbox.
        """
        async with self.uow(centre_id) as uow:
            envelope = await uow.outbox.get(event_id)
        if envelope is None:
            raise NotFound("event", event_id)
        ran = 0
        for handler in self.give_up_handlers.get(envelope.name, ()):
            async with self.uow(centre_id) as uow:
                await handler(uow, envelope, reason)
                await uow.commit()
                ran += 1
        return ran

    async def create_initial_contact_task(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        now = self.clock.now()
        adviser = event.payload.get("adviser_id")
        task = Task(
            id=TaskId(self.new_id()),
            centre_id=event.centre_id,
            case_id=CaseId(uuid.UUID(event.payload["case_id"])),
            kind=TaskKind.INITIAL_CONTACT,
            title="Make initial contact with the client",
            assignee_id=UserId(uuid.UUID(adviser)) if adviser else None,
            due_at=event.occurred_at + INITIAL_CONTACT_WITHIN,
            status=TaskStatus.OPEN,
            created_at=now,
            source_event_id=event.event_id,
        )
        await uow.tasks.add(task)
        await record_audit(
            uow, TenantContext.system(event.centre_id), self.new_id, "task.created", "task",
            task.id, now, ("kind", "assignee_id", "due_at"), source_event_id=event.event_id,
        )  # fmt: skip


@define
class OutboxRelay:
    """Publishes events that were committed but never handed to the broker (a crash between
    commit and publish, or a broker outage). Safe to run at any time, from any process."""

    uow: UnitOfWorkFactory
    identity: IdentityStore
    publisher: EventPublisher
    clock: Clock
    batch: int = 500

    async def relay(self) -> int:
        total = 0
        for centre in await self.identity.list_centres():
            total += await self.relay_centre(centre.id)
        return total

    async def relay_centre(self, centre_id: CentreId) -> int:
        total = 0
        while True:
            async with self.uow(centre_id) as uow:
                pending = await uow.outbox.unpublished(limit=self.batch)
            if not pending:
                return total
            # Publish with no unit of work open: an in-process publisher runs handlers that
            # open their own, and the embedded database has a single connection.
            await self.publisher.publish(pending)
            async with self.uow(centre_id) as uow:
                await uow.outbox.mark_published([e.event_id for e in pending], self.clock.now())
                await uow.commit()
            total += len(pending)
