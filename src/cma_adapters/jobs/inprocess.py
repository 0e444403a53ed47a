"""Run event handlers in the publishing process: the embedded default, no broker needed.

Handlers run in the background, never in the request that committed the events: ``publish``
puts the events on a queue and returns, and one asyncio task on the same event loop drains
it (started on demand, ended when the queue is empty). The owner of the loop drains the
queue before it stops: the HTTP app at shutdown (``aclose``), the CLI before it exits
(``drain``, with progress).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Protocol

from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import CentreId, EventId
from cma_core.shared.jobs import EventPublisher

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called with (handled so far, handled + still queued) after each event."""


#: Most events handed to the dispatcher at once (1: every event on its own).
DEFAULT_BATCH = 64
BATCH = DEFAULT_BATCH


class _Dispatcher(Protocol):
    def dispatch(self, centre_id: CentreId, event_id: EventId) -> Awaitable[int]: ...

    def dispatch_many(
        self, centre_id: CentreId, event_ids: Sequence[EventId]
    ) -> Awaitable[int]: ...

    def give_up(self, centre_id: CentreId, event_id: EventId, reason: str) -> Awaitable[int]: ...


class InProcessEventPublisher(EventPublisher):
    """Queues each committed event for a background task that runs its handlers.

    ``handlers`` is a zero-argument callable returning the dispatcher, resolved lazily so the
    dispatcher can itself use units of work that publish through this publisher (events a
    handler commits join the same queue). Events are handled in order, by one task: the
    embedded database has a single connection anyway. What is queued when the task comes
    round is taken as a batch (at most ``BATCH`` events, split where the centre changes):
    the dispatcher reads and settles a batch's events together and runs a coalescing
    handler (a case's findings, its list row) once per case for the batch, so a backlog is
    worked off faster than it was made, instead of every event paying every handler.
    A batch that fails is dispatched again event by event, so a failure is given up on for
    the event it belongs to.

    A failing handler is tried once more, then logged and the event given up
    (``give_up``: a document it was reading fails with a reason instead of staying
    ``processing``); the user's change is
    already committed. Events still queued when the process stops are lost to this
    publisher (they are marked published); their documents stay ``queued``.
    """

    def __init__(self, handlers: Callable[[], _Dispatcher]) -> None:
        self._handlers = handlers
        self._queue: collections.deque[EventEnvelope] = collections.deque()
        self._task: asyncio.Task[None] | None = None
        self._busy = 0
        self._progress: Progress | None = None
        self._holds = 0
        self.handled = 0
        """Events handled since this publisher was made."""

    @property
    def pending(self) -> int:
        """Events queued or being handled."""
        return len(self._queue) + self._busy

    async def publish(self, envelopes: Sequence[EventEnvelope]) -> None:
        self._queue.extend(envelopes)
        if not self._holds:
            self._start()

    def _start(self) -> None:
        if self._queue and (self._task is None or self._task.done()):
            self._task = asyncio.get_running_loop().create_task(
                self._run(), name="cma-inprocess-events"
            )

    @contextlib.asynccontextmanager
    async def held(self, progress: Progress | None = None) -> AsyncIterator[None]:
        """Queue the block's events without handling them, then handle the backlog before
        the block ends (with ``progress``, as ``drain`` gives it).

        For a bulk job that reads nothing its events' handlers write (the demo's seeding):
        handled as they come, each event is a batch of one and pays every handler; held,
        they are dispatched in batches, and a coalescing handler (a case's findings, its
        list row, its timeline) runs once per case per batch. Events already being handled
        when the block starts carry on. Handled in the same order either way."""
        self._holds += 1
        try:
            yield
        finally:
            self._holds -= 1
        if not self._holds:
            self._start()
            await self.drain(progress)

    async def _run(self) -> None:
        while self._queue:
            batch = [self._queue.popleft()]
            while self._queue and len(batch) < BATCH:
                if self._queue[0].centre_id != batch[0].centre_id:
                    break
                batch.append(self._queue.popleft())
            self._busy = len(batch)
            try:
                await self._handle_batch(batch)
            finally:
                self._busy = 0
            self.handled += len(batch)
            if self._progress is not None:
                self._progress(self.handled, self.handled + len(self._queue))

    async def _handle_batch(self, batch: list[EventEnvelope]) -> None:
        if len(batch) == 1:
            await self._handle(batch[0])
            return
        dispatcher = self._handlers()
        try:
            await dispatcher.dispatch_many(batch[0].centre_id, [e.event_id for e in batch])
        except Exception:
            log.info("a batch of %d events failed; handling them one by one", len(batch))
            for env in batch:
                await self._handle(env)

    async def _handle(self, env: EventEnvelope) -> None:
        dispatcher = self._handlers()
        try:
            await dispatcher.dispatch(env.centre_id, env.event_id)
            return
        except Exception:
            # Tried once more before it is given up: a failure may be of the moment (a
            # case erased between a handler's read and its write, a deadlock), and the
            # handlers re-read what they write, as the worker's retries rely on.
            log.warning("in-process handler for %s %s failed; trying once more", env.name,
                        env.event_id, exc_info=True)  # fmt: skip
        try:
            await dispatcher.dispatch(env.centre_id, env.event_id)
        except Exception as exc:
            log.exception("in-process handler for %s %s failed", env.name, env.event_id)
            reason = f"processing failed ({type(exc).__name__}); see the server log, then retry"
            try:
                await dispatcher.give_up(env.centre_id, env.event_id, reason)
            except Exception:
                log.exception("giving up %s %s failed", env.name, env.event_id)

    async def drain(self, progress: Progress | None = None) -> int:
        """Wait until every queued event (and those their handlers publish) is handled.

        Returns how many events this publisher has handled in all. ``progress`` is called
        after each event with (handled, handled + queued).
        """
        self._progress = progress
        try:
            while True:
                task = self._task
                if task is None or task.done():
                    if not self._queue:
                        return self.handled
                    # Ended without emptying the queue (cancelled): start it again.
                    self._task = asyncio.get_running_loop().create_task(self._run())
                    continue
                # Shielded: a caller's timeout must not cancel a handler half-way.
                await asyncio.shield(task)
        finally:
            self._progress = None

    async def aclose(self, grace: float | None = 30.0) -> None:
        """Drain for at most ``grace`` seconds, then cancel what is left (logged)."""
        try:
            await asyncio.wait_for(self.drain(), grace)
        except TimeoutError:
            log.warning(
                "stopping with %d event(s) not handled in-process; their documents stay "
                "queued or processing until retried or swept",
                self.pending,
            )
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._queue.clear()


class BackgroundKick:
    """Runs ``work`` in a background task of the running loop when kicked, never in the
    caller (the embedded default's stand-in for the worker's periodic run, e.g. mailing
    queued password resets after the request has answered). A kick while it runs runs it
    once more afterwards; failures are logged."""

    def __init__(self, work: Callable[[], Awaitable[object]], name: str) -> None:
        self._work = work
        self._name = name
        self._task: asyncio.Task[None] | None = None
        self._again = False

    def __call__(self) -> None:
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.get_running_loop().create_task(self._run(), name=self._name)

    async def _run(self) -> None:
        self._again = True
        while self._again:
            self._again = False
            try:
                await self._work()
            except Exception:
                log.exception("%s failed; the next kick tries again", self._name)

    async def drain(self) -> None:
        """Wait until the background run (if any) has finished."""
        task = self._task
        if task is not None:
            await asyncio.shield(task)
