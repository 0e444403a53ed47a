"""Event handlers run by the worker, and the dispatcher that calls them idempotently.

Each area registers its handlers next to its use cases, keyed by the event *type*
(``Handles(CaseOpened, "create_initial_contact_task", handler)``); the dispatcher finds
them by the type whose wire name the stored event carries. Each handler runs in its own
unit of work for the event's centre. The inbox records
(event, handler) once the handler's changes commit, in the same transaction, so a replayed
event changes nothing.

A slow handler (OCR, a call to a model) is an ``OutsideTransaction``: it reads what it
needs in one short unit of work, does the slow part with none open (the embedded database
has a single connection, and no transaction should wait on Tesseract), and writes its
result in a second unit of work that also records the inbox entry.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import uuid
from collections.abc import Awaitable, Callable, Collection, Hashable, Iterable, Mapping, Sequence
from typing import Protocol

from attrs import define, field, frozen

from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound
from cma_core.shared.events import DomainEvent, EventEnvelope
from cma_core.shared.ids import CaseId, CentreId, EventId
from cma_core.shared.jobs import EventPublisher
from cma_core.shared.uow import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger("cma.worker")

Handler = Callable[[UnitOfWork, EventEnvelope], Awaitable[None]]

CoalesceKey = Callable[[EventEnvelope], Hashable | None]
"""What a *refreshing* handler rewrites for an event (the case it names), or ``None`` when
the event must be handled on its own. See ``Handles.coalesce``."""

Finish = Callable[[UnitOfWork], Awaitable[None]]
"""Writes a slow handler's result, in the unit of work that marks the event handled."""
Work = Callable[[], Awaitable[Finish | None]]
"""The slow part, run with no unit of work open; returns how to write its result."""
Holds = Callable[[EventEnvelope], Collection[str]]
"""The ``UnitOfWork.serialise`` keys a handler shares with other handlers for an event
(``Handles.holds``)."""
GiveUpHandler = Callable[[UnitOfWork, EventEnvelope, str], Awaitable[None]]
"""What an area does when delivery of an event is abandoned, with the reason."""
DuplicateHook = Callable[[str], None]
"""Told the handler's name each time a duplicate delivery is skipped (a metric)."""


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
    #: For a coalescing handler whose slow parts only write elsewhere (they return no
    #: ``Finish``, e.g. index writes): the batch's slow parts as one (one write for the
    #: batch). The combined work must return ``None``.
    combine: Callable[[Sequence[Work]], Work] | None = None


AnyHandler = Handler | OutsideTransaction


@frozen
class Handles:
    """One handler of one type of event, as an area registers it.

    ``name`` identifies the handler in the inbox (stored: never rename one). The event is
    matched by its type's stable wire name (``DomainEvent.name``), which the outbox keeps.
    """

    event: type[DomainEvent]
    name: str
    handler: AnyHandler
    #: Set for a handler that may share a unit of work with its own runs for other
    #: events, and that needs only the newest of several events with the same key: it
    #: rewrites what it keeps of that key (a case's findings, its list row, an index
    #: entry) from the key's *current* state, whatever the event says. A key of the
    #: event's own id batches without coalescing; ``None`` for an event makes it run on
    #: its own. ``EventHandlers.dispatch_many`` runs such a handler for a whole batch in
    #: one unit of work (two for an ``OutsideTransaction``), once per key, after the
    #: batch's other handlers and in registration order, and records every event in its
    #: inbox.
    coalesce: CoalesceKey | None = None
    #: What else this handler's unit of work holds (``UnitOfWork.serialise``) for an
    #: event, before it reads anything: keys shared with *other* handlers that write the
    #: same thing (a case's tasks: made by one handler, cancelled by another), so two
    #: workers running them for one case at once run one after the other, the second
    #: reading what the first committed. ``None``: only the ``coalesce`` key is held.
    holds: Holds | None = None


def case_of(event: EventEnvelope) -> Hashable | None:
    """The ``CoalesceKey`` of handlers that rewrite per case: the event's ``case_id``."""
    raw = event.payload.get("case_id")
    return str(raw) if raw else None


def client_of(event: EventEnvelope) -> Hashable | None:
    """The ``CoalesceKey`` of handlers that rewrite per client: the event's ``client_id``."""
    raw = event.payload.get("client_id")
    return str(raw) if raw else None


def serial_key(handler_name: str, key: Hashable) -> str:
    """What a coalescing handler's unit of work serialises (``UnitOfWork.serialise``) for
    one of its keys: the handler and the key, so the same handler for the same case waits,
    and other handlers (run at once for the same batch, ``concurrency``) do not."""
    return f"{handler_name}\x1f{key}"


def _held(reg: Handles, event: EventEnvelope) -> tuple[str, ...]:
    return tuple(reg.holds(event)) if reg.holds is not None else ()


def each_event(event: EventEnvelope) -> Hashable | None:
    """The ``CoalesceKey`` that batches without coalescing: every event is run."""
    return event.event_id


@frozen
class GivesUp:
    """What an area does when delivery of one type of event is abandoned."""

    event: type[DomainEvent]
    handler: GiveUpHandler


def handles(
    events: Iterable[type[DomainEvent]],
    name: str,
    handler: AnyHandler,
    *,
    coalesce: CoalesceKey | None = None,
) -> tuple[Handles, ...]:
    """The same handler registered for several types of event."""
    return tuple(Handles(event, name, handler, coalesce) for event in events)


def _newest(events: Sequence[EventEnvelope]) -> EventEnvelope:
    return max(events, key=lambda e: e.occurred_at)


def _cases_of(keys: Sequence[Sequence[EventEnvelope]]) -> set[CaseId]:
    """The cases a group's handler runs are about (its events' ``case_id``): what the
    unit of work may read together (``UnitOfWork.read_together``)."""
    out: set[CaseId] = set()
    for events in keys:
        raw = _newest(events).payload.get("case_id")
        if raw:
            with contextlib.suppress(ValueError):
                out.add(CaseId(uuid.UUID(str(raw))))
    return out


@frozen
class TopUp:
    """What ``EventHandlers.waiting`` found for a worker's batch of one centre."""

    #: Of the batch's events: settled already (their messages have nothing left to do).
    settled: set[EventId]
    #: Of the batch's events: claimed by another worker's batch now (their messages wait
    #: until it settles them or its claim runs out).
    held: set[EventId]
    #: Other owed events of the centre to dispatch with the batch, oldest first.
    more: list[EventId]


@define
class EventHandlers:
    """The worker side of the message bus."""

    uow: UnitOfWorkFactory
    clock: Clock
    #: Every area's handlers (tasks, documents, compliance, ...), in the order they run
    #: for one event; the composition root concatenates the areas' registrations.
    registered: Sequence[Handles] = ()
    #: What areas do when an event's delivery is abandoned (the worker's retries are
    #: exhausted, or the in-process handler failed).
    give_up_handlers: Sequence[GivesUp] = ()
    #: Counts duplicate deliveries skipped (``cma_duplicate_deliveries`` in ``/metrics``).
    on_duplicate: DuplicateHook | None = None
    #: How many coalescing handlers of a batch may run at once (``dispatch_many``), each
    #: in its own unit of work: 1 on the embedded database (one connection), more where
    #: units of work have connections of their own.
    concurrency: int = 1
    #: Per coalescing handler, the handlers whose writes it reads: with ``concurrency``
    #: above 1 it starts once those of them in the batch have finished, alongside others.
    #: A handler not named here waits for every handler registered before it.
    after: Mapping[str, Collection[str]] = field(factory=dict)
    #: How long a worker's claim on the events of its batch lasts (``waiting``); ``None``:
    #: no claims (one worker, or the behaviour before issue 15's claims). Longer than a
    #: batch takes, or another worker may take its events too (handled once all the same).
    claim_for: dt.timedelta | None = None
    #: Who claims: one name per worker process.
    claimant: str = field(factory=lambda: uuid.uuid4().hex)

    def handlers_of(self, event_name: str) -> list[tuple[str, AnyHandler]]:
        """The handlers registered for the event type of that wire name, in order."""
        return [(h.name, h.handler) for h in self.registered if h.event.name == event_name]

    def _registrations(self, event_name: str) -> list[Handles]:
        return [h for h in self.registered if h.event.name == event_name]

    async def dispatch(self, centre_id: CentreId, event_id: EventId) -> int:
        """Run every handler of the event once. Returns how many ran now (0 on a replay).

        Raises ``NotFound`` if the event is not in this centre's outbox.
        """
        async with self.uow(centre_id) as uow:
            envelope = await uow.outbox.get(event_id)
        if envelope is None:
            raise NotFound("event", event_id)
        ran = 0
        for reg in self._registrations(envelope.name):
            key = reg.coalesce(envelope) if reg.coalesce is not None else None
            serial = _held(reg, envelope) + (() if key is None else (serial_key(reg.name, key),))
            try:
                ran += await self._run_one(centre_id, envelope, reg.name, reg.handler, serial)
            except Exception:
                if not await self._handled_meanwhile(centre_id, envelope, reg.name):
                    raise
        await self._settle(centre_id, event_id)
        return ran

    async def dispatch_many(self, centre_id: CentreId, event_ids: Sequence[EventId]) -> int:
        """Run every handler of these events of one centre once, as ``dispatch`` does for
        each, in fewer units of work: the events are read and settled in one each, and a
        handler with a ``coalesce`` key runs for the whole batch in one (two if it works
        outside a transaction), once per key, after the batch's other handlers (which run
        per event, in order, as ``dispatch`` runs them). Returns how many units of work
        ran a handler.

        A handler's failure is raised: the caller then dispatches each event on its own
        (what committed is in the inbox and is skipped), so the failure is raised for, and
        given up on, the event it belongs to. A missing event raises ``NotFound``."""
        async with self.uow(centre_id) as uow:
            envelopes = await uow.outbox.get_many(event_ids)
        if len(envelopes) < len(event_ids) or len(envelopes) == 1:
            return sum([await self.dispatch(centre_id, i) for i in event_ids])
        ran = 0
        groups: dict[str, tuple[Handles, dict[Hashable, list[EventEnvelope]]]] = {}
        for envelope in envelopes:
            for reg in self._registrations(envelope.name):
                key = reg.coalesce(envelope) if reg.coalesce is not None else None
                if key is None:
                    serial = _held(reg, envelope)
                    ran += await self._run_one(centre_id, envelope, reg.name, reg.handler, serial)
                    continue
                by_key = groups.setdefault(reg.name, (reg, {}))[1]
                by_key.setdefault(key, []).append(envelope)
        todo = [name for name in dict.fromkeys(h.name for h in self.registered) if name in groups]
        if self.concurrency > 1:
            ran += await self._run_groups_at_once(centre_id, todo, groups)
        else:
            for name in todo:
                reg, by_key = groups[name]
                ran += await self._run_group(centre_id, reg, by_key)
        async with self.uow(centre_id) as uow:
            await uow.outbox.settle_many([e.event_id for e in envelopes], self.clock.now())
            await uow.commit()
        return ran

    async def waiting(
        self,
        centre_id: CentreId,
        event_ids: Sequence[EventId],
        *,
        more: int,
        skip: Collection[EventId] = (),
    ) -> TopUp:
        """For a worker about to dispatch ``event_ids`` (the messages it holds) of a centre:
        which of them the outbox has settled already (an earlier batch took them: their
        messages have nothing left to do), and up to ``more`` other events of the centre
        handed to the broker and still owed, oldest first, none in ``skip`` and each
        batchable (``_batchable``; their messages are still queued: dispatched now with
        the batch, those messages find them settled). One unit of work.

        With ``claim_for``, the batch is claimed (``Outbox.claim``) in the same unit of
        work: the owed events offered are only those no other worker holds, those another
        worker took meanwhile are left out, and the asked events another worker holds are
        ``held``. An asked event the outbox lacks is not held (its dispatch says so), nor
        one whose row another writer had locked for a moment (it is dispatched unclaimed,
        as without claims)."""
        asked = set(event_ids)
        now = self.clock.now()
        unclaimed_at = now if self.claim_for is not None else None
        async with self.uow(centre_id) as uow:
            settled = await uow.outbox.settled_of(event_ids)
            others: Sequence[EventEnvelope] = ()
            if more > 0:
                limit = more + len(asked) + len(skip)
                others = await uow.outbox.owed(
                    published_before=now, limit=limit, unclaimed_at=unclaimed_at
                )
            extra = [
                e.event_id
                for e in others
                if e.event_id not in asked and e.event_id not in skip and self._batchable(e)
            ][:more]
            if self.claim_for is None:
                return TopUp(settled, set(), extra)
            own = [i for i in dict.fromkeys(event_ids) if i not in settled]
            mine = await uow.outbox.claim(
                [*own, *extra], by=self.claimant, until=now + self.claim_for, now=now
            )
            rest = [i for i in own if i not in mine]
            held = await uow.outbox.held_by_others(rest, by=self.claimant, now=now)
            await uow.commit()
        return TopUp(settled, held, [i for i in extra if i in mine])

    async def release(self, centre_id: CentreId, event_ids: Sequence[EventId]) -> set[EventId]:
        """Give up this worker's claims on those of ``event_ids`` still owed (their
        handling failed here): a retry of their messages, on this worker or another, takes
        them at once instead of waiting for the claim to run out. One unit of work; returns
        which were released (none without ``claim_for``)."""
        if self.claim_for is None or not event_ids:
            return set()
        async with self.uow(centre_id) as uow:
            released = await uow.outbox.release(event_ids, by=self.claimant)
            await uow.commit()
        return released

    def _batchable(self, envelope: EventEnvelope) -> bool:
        """Whether every handler of the event coalesces it and has no slow part of its own
        (an ``OutsideTransaction`` without ``combine``, e.g. OCR): only such events are
        taken from the outbox ahead of their messages, so slow work is never started by
        a batch while another worker may be running it for the event's own message."""
        for reg in self._registrations(envelope.name):
            if reg.coalesce is None or reg.coalesce(envelope) is None:
                return False
            if isinstance(reg.handler, OutsideTransaction) and reg.handler.combine is None:
                return False
        return True

    async def _run_groups_at_once(
        self,
        centre_id: CentreId,
        todo: Sequence[str],
        groups: Mapping[str, tuple[Handles, dict[Hashable, list[EventEnvelope]]]],
    ) -> int:
        """The batch's coalescing handlers, each once the earlier ones it reads (``after``)
        have finished, at most ``concurrency`` at a time. The first failure is raised once
        every handler has finished or failed (what committed stays in its inbox)."""
        gate = asyncio.Semaphore(self.concurrency)
        started: dict[str, asyncio.Task[int]] = {}

        async def run(name: str, first: list[asyncio.Task[int]]) -> int:
            for task in first:
                await task
            async with gate:
                reg, by_key = groups[name]
                return await self._run_group(centre_id, reg, by_key)

        for i, name in enumerate(todo):
            reads = self.after.get(name)
            first = [started[d] for d in todo[:i] if reads is None or d in reads]
            started[name] = asyncio.ensure_future(run(name, first))
        results = await asyncio.gather(*started.values(), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return sum(r for r in results if isinstance(r, int))

    async def _run_one(
        self,
        centre_id: CentreId,
        envelope: EventEnvelope,
        handler_name: str,
        handler: AnyHandler,
        serial: Collection[str] = (),
    ) -> int:
        if isinstance(handler, OutsideTransaction):
            return await self._run_outside(centre_id, envelope, handler_name, handler, serial)
        async with self.uow(centre_id) as uow:
            await uow.serialise(serial)
            if await uow.inbox.seen(envelope.event_id, handler_name):
                return 0
            await handler(uow, envelope)
            await uow.inbox.mark(envelope.event_id, handler_name, self.clock.now())
            await uow.commit()
        return 1

    async def _run_group(
        self,
        centre_id: CentreId,
        reg: Handles,
        by_key: Mapping[Hashable, list[EventEnvelope]],
    ) -> int:
        """The handler once per key with the newest of the key's events not yet in its
        inbox, every one of them marked; one unit of work for all the keys (for an
        ``OutsideTransaction``: its prepares in one, its slow parts with none open, its
        finishes in a second). Each unit of work first serialises the handler's keys
        and what it ``holds`` for each event (``UnitOfWork.serialise``): another worker
        running the same handler for one of these keys at the same time (for another
        event of the same case) waits for this one to commit, then reads what it wrote,
        instead of colliding with its writes."""
        name, handler = reg.name, reg.handler
        keys = list(by_key.values())
        serial = [serial_key(name, key) for key in by_key]
        serial += [k for events in keys for e in events for k in _held(reg, e)]
        if isinstance(handler, OutsideTransaction):
            return await self._run_group_outside(centre_id, name, handler, keys, serial)
        async with self.uow(centre_id) as uow:
            await uow.serialise(serial)
            todo = await self._unseen(uow, name, keys)
            uow.read_together(_cases_of(todo))
            for unseen in todo:
                await handler(uow, _newest(unseen))
            await self._mark(uow, name, [e for unseen in todo for e in unseen])
            await uow.commit()
        return 1 if todo else 0

    async def _run_group_outside(
        self,
        centre_id: CentreId,
        name: str,
        handler: OutsideTransaction,
        keys: Sequence[list[EventEnvelope]],
        serial: Collection[str],
    ) -> int:
        async with self.uow(centre_id) as uow:
            await uow.serialise(serial)
            todo = await self._unseen(uow, name, keys)
            uow.read_together(_cases_of(todo))
            works = [await handler.prepare(uow, _newest(unseen)) for unseen in todo]
            await uow.commit()
        if not todo:
            return 0
        finishes = await self._slow_parts(handler, works)
        async with self.uow(centre_id) as uow:
            await uow.serialise(serial)
            seen = await uow.inbox.seen_of([e.event_id for u in todo for e in u], name)
            marked: list[EventEnvelope] = []
            for unseen, finish in zip(todo, finishes, strict=True):
                if all(e.event_id in seen for e in unseen):
                    continue  # another run finished first: its result stands
                if finish is not None:
                    await finish(uow)
                marked += unseen
            await self._mark(uow, name, marked)
            await uow.commit()
        return 2

    @staticmethod
    async def _slow_parts(
        handler: OutsideTransaction, works: Sequence[Work | None]
    ) -> list[Finish | None]:
        """Each work's finish, in order; combined into one work (``combine``) when the
        handler says its works can be."""
        runnable = [w for w in works if w is not None]
        if handler.combine is None or len(runnable) < 2:
            return [await work() if work is not None else None for work in works]
        if await handler.combine(runnable)() is not None:
            raise TypeError("a combined work returned a finish")
        return [None] * len(works)

    @staticmethod
    async def _unseen(
        uow: UnitOfWork, name: str, keys: Sequence[list[EventEnvelope]]
    ) -> list[list[EventEnvelope]]:
        """Per key, its events the handler has not processed (keys with none left out),
        read in one go."""
        ids = [e.event_id for events in keys for e in events]
        seen = await uow.inbox.seen_of(ids, name)
        unseen = [[e for e in events if e.event_id not in seen] for events in keys]
        return [u for u in unseen if u]

    async def _mark(self, uow: UnitOfWork, name: str, events: Sequence[EventEnvelope]) -> None:
        await uow.inbox.mark_many([e.event_id for e in events], name, self.clock.now())

    async def _handled_meanwhile(
        self, centre_id: CentreId, envelope: EventEnvelope, handler_name: str
    ) -> bool:
        """After a handler failed: did another delivery of the same event record it in the
        meantime? Under at-least-once delivery two workers may run one event at once; the
        loser trips a unique key (the inbox's, or the effect's own) once the winner commits.
        That is expected, not an error: logged at INFO without a traceback and counted.
        A failure the inbox does not explain is the caller's to handle (retry, dead letter)."""
        try:
            async with self.uow(centre_id) as uow:
                seen = await uow.inbox.seen(envelope.event_id, handler_name)
        except Exception:  # the database is what failed: report the original error
            return False
        if not seen:
            return False
        log.info(
            "duplicate delivery skipped",
            extra={
                "event_id": str(envelope.event_id),
                "event_name": envelope.name,
                "handler": handler_name,
                "centre_id": str(centre_id),
            },
        )
        if self.on_duplicate is not None:
            self.on_duplicate(handler_name)
        return True

    async def _settle(
        self, centre_id: CentreId, event_id: EventId, dead_letter: str | None = None
    ) -> None:
        """Every handler has recorded the event (or it was abandoned): the relay stops
        owing it. A crash before this line leaves it owed; the resend is a no-op."""
        async with self.uow(centre_id) as uow:
            await uow.outbox.settle(event_id, self.clock.now(), dead_letter=dead_letter)
            await uow.commit()

    async def _run_outside(
        self,
        centre_id: CentreId,
        envelope: EventEnvelope,
        handler_name: str,
        handler: OutsideTransaction,
        serial: Collection[str] = (),
    ) -> int:
        async with self.uow(centre_id) as uow:
            await uow.serialise(serial)
            if await uow.inbox.seen(envelope.event_id, handler_name):
                return 0
            work = await handler.prepare(uow, envelope)
            await uow.commit()
        finish = await work() if work is not None else None
        async with self.uow(centre_id) as uow:
            await uow.serialise(serial)
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
        for gives_up in self.give_up_handlers:
            if gives_up.event.name != envelope.name:
                continue
            async with self.uow(centre_id) as uow:
                await gives_up.handler(uow, envelope, reason)
                await uow.commit()
                ran += 1
        await self._settle(centre_id, event_id, dead_letter=reason)
        return ran


class CentreDirectory(Protocol):
    """The centres to relay for (the identity store is one)."""

    async def list_centres(self) -> Sequence[_Centre]: ...


class _Centre(Protocol):
    @property
    def id(self) -> CentreId: ...


@define
class OutboxRelay:
    """Publishes events that were committed but never handed to the broker (a crash between
    commit and publish, or a broker outage), and publishes again those handed over more than
    ``redeliver_after`` ago that are still owed (the broker lost them, or the worker holding
    them died): delivery is end to end, settled only by the handlers' inbox or a dead
    letter. Safe to run at any time, from any process; handlers are idempotent, so a resend
    of an event that was merely slow changes nothing."""

    uow: UnitOfWorkFactory
    identity: CentreDirectory
    publisher: EventPublisher
    clock: Clock
    batch: int = 500
    #: ``CMA_OUTBOX_REDELIVER_AFTER``: longer than the slowest handler (OCR of a long
    #: scan), or slow work is started twice (its second result is dropped).
    redeliver_after: dt.timedelta = dt.timedelta(seconds=300)

    async def relay(self) -> int:
        total = 0
        for centre in await self.identity.list_centres():
            total += await self.relay_centre(centre.id)
        return total

    async def relay_centre(self, centre_id: CentreId) -> int:
        total = await self._publish_each_batch(centre_id, owed=False)
        return total + await self._publish_each_batch(centre_id, owed=True)

    async def _publish_each_batch(self, centre_id: CentreId, *, owed: bool) -> int:
        total = 0
        cutoff = self.clock.now() - self.redeliver_after
        while True:
            async with self.uow(centre_id) as uow:
                if owed:
                    pending = await uow.outbox.owed(published_before=cutoff, limit=self.batch)
                else:
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
