"""Event handlers run by the worker, and the dispatcher that calls them idempotently.

Each handler runs in its own unit of work for the event's centre. The inbox records
(event, handler) once the handler's changes commit, in the same transaction, so a replayed
event changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence

from attrs import define, field

from cma_core.audit.model import AuditEntry
from cma_core.ports.clock import Clock
from cma_core.ports.jobs import EventPublisher
from cma_core.ports.uow import IdentityStore, UnitOfWork, UnitOfWorkFactory
from cma_core.services.common import IdFactory
from cma_core.shared.errors import NotFound
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import AuditId, CaseId, CentreId, EventId, TaskId, UserId
from cma_core.tasks.model import Task, TaskKind, TaskStatus

Handler = Callable[[UnitOfWork, EventEnvelope], Awaitable[None]]

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
    extra: Mapping[str, Sequence[tuple[str, Handler]]] = field(factory=dict)

    def handlers(self) -> Mapping[str, Sequence[tuple[str, Handler]]]:
        built_in: dict[str, list[tuple[str, Handler]]] = {
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
            async with self.uow(centre_id) as uow:
                if await uow.inbox.seen(event_id, handler_name):
                    continue
                await handler(uow, envelope)
                await uow.inbox.mark(event_id, handler_name, self.clock.now())
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
        await uow.audit.append(
            AuditEntry(
                id=AuditId(self.new_id()),
                centre_id=event.centre_id,
                actor_id=None,
                action="task.created",
                entity_type="task",
                entity_id=str(task.id),
                at=now,
                fields=("kind", "assignee_id", "due_at"),
                source_event_id=event.event_id,
            )
        )


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
