"""Batching in the worker: the messages of one centre that are being handled at the same
time are dispatched together (``EventHandlers.dispatch_many``), so a backlog is worked off
in batches, as the in-process publisher does, instead of every event paying every handler.

Each Dramatiq message still stands for one event and is acknowledged on its own: the
actor hands its event to the ``EventBatcher`` and waits for *that event's* outcome. A
batch that succeeds answers every message in it; a batch that fails is dispatched again
event by event (what committed is in the inboxes and is skipped), so the failure is raised
for, retried for and in the end dead-lettered for the one event it belongs to, exactly as
before. A worker killed mid-batch leaves its messages unacknowledged: Redis hands them to
another worker after ``CMA_WORKER_REDELIVERY_SECONDS``, and the inbox makes the replay a
no-op. The same event delivered twice at once (a redelivery, a relay resend) is dispatched
once and answers both messages.

A batch is the messages of the centre waiting when the previous batch ends — at most the
worker's threads (``cma worker --threads``), since each thread holds one message while it
waits — topped up from the outbox (``waiting``, when given): up to ``max_batch`` events in
all, adding the centre's oldest events that were handed to the broker and are still owed
(their messages are queued behind). Those messages, when their turn comes, find their
events settled and are acknowledged without a dispatch. So a backlog is worked off in
batches of ``max_batch`` whatever the thread count, and a message is still acknowledged
only once its event's handlers have all recorded it. An event taken from the outbox whose
handling then fails is left to its own message (retried, in the end dead-lettered) and not
taken again by this batcher. A quiet worker dispatches each event as it comes, with no
added wait.

Several workers share the outbox by claiming what they dispatch (``EventHandlers`` with
``claim_for``): a batch's events are claimed before it runs, the top-up offers only owed
events no other worker holds, and a message whose event another worker's batch holds
waits (checked again every ``HELD_POLL_SECONDS``) until that batch settles it — then it is
acknowledged with nothing to do — or the claim runs out (its worker died) and this worker
takes the event. So two workers no longer run the same events, and nothing is lost. The
events whose handling failed here (after the batch was dispatched again event by event) are
released (``release``, when given) as soon as they fail: their messages' retries, on this
worker or another, take them at once rather than waiting out the claim.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection, Sequence
from typing import Protocol

from cma_core.shared.handlers import TopUp
from cma_core.shared.ids import CentreId, EventId

log = logging.getLogger("cma.worker")

#: Most events dispatched together. Above the in-process publisher's 64: a batch topped up
#: from the outbox is full under load, and 256 drained a backlog ~1.6x faster than 64
#: (benchmarks/README.md, branch ``workerlag``).
MAX_BATCH = 256
#: How often a message whose event another worker's batch holds looks again.
HELD_POLL_SECONDS = 0.2


class Dispatcher(Protocol):
    def dispatch(self, centre_id: CentreId, event_id: EventId) -> Awaitable[int]: ...

    def dispatch_many(
        self, centre_id: CentreId, event_ids: Sequence[EventId]
    ) -> Awaitable[int]: ...


Waiter = tuple[EventId, "asyncio.Future[int]"]


class Waiting(Protocol):
    """``EventHandlers.waiting``: which of a batch's events are settled already, and the
    centre's other owed events to dispatch with it."""

    def __call__(
        self,
        centre_id: CentreId,
        event_ids: Sequence[EventId],
        *,
        more: int,
        skip: Collection[EventId] = (),
    ) -> Awaitable[TopUp]: ...


class Release(Protocol):
    """``EventHandlers.release``: give up this worker's claims on events that failed."""

    def __call__(self, centre_id: CentreId, event_ids: Sequence[EventId]) -> Awaitable[object]: ...


#: Events taken from the outbox that failed, remembered so as not to take them again
#: (their own messages retry them); forgotten past this many.
MAX_SKIPPED = 1024


class EventBatcher:
    """Gathers the events handed to ``handle`` per centre and dispatches what is waiting
    together, one batch of a centre at a time (centres in parallel). Runs on the worker's
    one event loop."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        *,
        max_batch: int = MAX_BATCH,
        on_batch: Callable[[int], None] | None = None,
        waiting: Waiting | None = None,
        release: Release | None = None,
    ) -> None:
        self._dispatcher = dispatcher
        self._waiting_in_outbox = waiting
        self._release = release
        self._skip: set[EventId] = set()
        self._max = max_batch
        self._on_batch = on_batch
        self._waiting: dict[CentreId, list[Waiter]] = {}
        self._running: dict[CentreId, asyncio.Task[None]] = {}

    async def handle(self, centre_id: CentreId, event_id: EventId) -> int:
        """Dispatch the event (with whatever else of its centre is waiting); returns how
        many units of work ran a handler for its batch. Raises what dispatching *this*
        event raised (``NotFound`` for an event not in the centre's outbox)."""
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(centre_id, []).append((event_id, future))
        if centre_id not in self._running:
            self._running[centre_id] = asyncio.create_task(
                self._run(centre_id), name=f"cma-batch-{centre_id}"
            )
        return await future

    async def _run(self, centre_id: CentreId) -> None:
        batch: dict[EventId, list[Waiter]] = {}
        try:
            while True:
                # Let the messages other threads have just handed over join this batch.
                await asyncio.sleep(0)
                waiting = self._waiting.get(centre_id)
                if not waiting:
                    return
                batch = self._take(centre_id, waiting)
                extra, held = await self._top_up(centre_id, batch)
                await self._dispatch(centre_id, batch, extra)
                if held:
                    # Another worker's batch has their events: look again after this one.
                    self._waiting.setdefault(centre_id, []).extend(held)
                    if not batch and not extra:
                        await asyncio.sleep(HELD_POLL_SECONDS)
        finally:
            del self._running[centre_id]
            # Cancelled (the worker stopping): no message is left waiting for ever; each
            # fails, so Dramatiq retries it (or another worker gets it).
            left = [w for ws in batch.values() for w in ws] + self._waiting.pop(centre_id, [])
            stopped = RuntimeError("the worker stopped before this event was handled")
            _answer(left, 0, stopped)

    def _take(self, centre_id: CentreId, waiting: list[Waiter]) -> dict[EventId, list[Waiter]]:
        """Up to ``max_batch`` distinct events from the front of the queue, each with every
        message that asked for it."""
        batch: dict[EventId, list[Waiter]] = {}
        rest: list[Waiter] = []
        for waiter in waiting:
            if waiter[0] in batch or len(batch) < self._max:
                batch.setdefault(waiter[0], []).append(waiter)
            else:
                rest.append(waiter)
        if rest:
            self._waiting[centre_id] = rest
        else:
            del self._waiting[centre_id]
        return batch

    async def _top_up(
        self, centre_id: CentreId, batch: dict[EventId, list[Waiter]]
    ) -> tuple[list[EventId], list[Waiter]]:
        """Answer (and drop from ``batch``) the messages whose events are settled already;
        drop those whose events another worker holds (returned, to wait); the owed events
        of the centre to dispatch with the rest. On a failure to read them, the batch goes
        as it is (its dispatch meets the same failure, and reports it)."""
        if self._waiting_in_outbox is None:
            return [], []
        try:
            found = await self._waiting_in_outbox(
                centre_id, list(batch), more=self._max - len(batch), skip=self._skip
            )
        except Exception:
            log.info("could not read the outbox of centre %s; batch left as it is", centre_id)
            return [], []
        for event_id in found.settled:
            _answer(batch.pop(event_id, []), 0, None)
        held = [w for event_id in found.held for w in batch.pop(event_id, [])]
        return found.more, held

    async def _dispatch(
        self,
        centre_id: CentreId,
        batch: dict[EventId, list[Waiter]],
        extra: Sequence[EventId] = (),
    ) -> None:
        ids = [*batch, *extra]
        if not ids:
            return
        if self._on_batch is not None:
            self._on_batch(len(ids))
        if len(ids) > 1:
            try:
                ran = await self._dispatcher.dispatch_many(centre_id, ids)
            except Exception:
                log.info("a batch of %d events failed; handling them one by one", len(ids))
            else:
                for event_id in batch:
                    _answer(batch[event_id], ran, None)
                return
        failed: list[tuple[EventId, Exception]] = []
        for event_id in ids:
            try:
                ran = await self._dispatcher.dispatch(centre_id, event_id)
            except Exception as error:
                failed.append((event_id, error))
            else:
                _answer(batch.get(event_id, []), ran, None)
        if not failed:
            return
        # Released before the failed messages are answered (their retries may start on any
        # worker as soon as they are): nobody waits for this worker's claim to run out.
        await self._released(centre_id, [event_id for event_id, _ in failed])
        for event_id, raised in failed:
            if event_id in batch:
                _answer(batch[event_id], 0, raised)
            else:  # taken from the outbox: its own message retries it
                self._skipping(event_id)
                log.info("event %s of centre %s failed; left to its message", event_id, centre_id)

    async def _released(self, centre_id: CentreId, event_ids: Sequence[EventId]) -> None:
        if self._release is None:
            return
        try:
            await self._release(centre_id, event_ids)
        except Exception:  # the database is down: the claims run out on their own
            log.info("could not release %d failed event(s) of centre %s", len(event_ids), centre_id)

    def _skipping(self, event_id: EventId) -> None:
        if len(self._skip) >= MAX_SKIPPED:
            self._skip.clear()
        self._skip.add(event_id)


def _answer(waiters: list[Waiter], ran: int, exc: BaseException | None) -> None:
    for _, future in waiters:
        if future.done():
            continue
        if exc is None:
            future.set_result(ran)
        else:
            future.set_exception(exc)
