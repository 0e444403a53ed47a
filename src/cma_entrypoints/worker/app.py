"""The Dramatiq side of the message bus: the broker, the dispatch actor, the relay loop.

Messages carry ids only (centre id, event id); the actor reads the event from the centre's
outbox and runs its handlers through the core's inbox, so a message delivered twice changes
nothing. Every coroutine of the container runs on the one event loop that Dramatiq's
``AsyncIO`` middleware keeps in its own thread: the engine's pool belongs to that loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import enum
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import dramatiq
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.middleware import AsyncIO, Middleware

from cma_core.shared.errors import NotFound
from cma_core.shared.ids import CentreId, EventId
from cma_entrypoints.container import DISPATCH_ACTOR, EVENTS_QUEUE, Container, shutdown
from cma_entrypoints.observability.metrics import observe_event_batch
from cma_entrypoints.observability.tracing import add_job_tracing
from cma_entrypoints.worker.batching import EventBatcher

log = logging.getLogger("cma.worker")

# Transient failures (database restart, lock timeout) are retried with exponential backoff
# from 1 s to 1 min; after that the message is dead-lettered and the relay cannot resend it
# (it is published), so five tries spread over about a minute is the compromise.
MAX_RETRIES = 5
MIN_BACKOFF_MS = 1_000
MAX_BACKOFF_MS = 60_000
DEFAULT_RELAY_EVERY = 5.0
GIVE_UP_ACTOR = "event_given_up"

RelayFn = Callable[[], Awaitable[int]]
SweepFn = Callable[[], Awaitable[object]]


class _FromSettings(enum.Enum):
    TOKEN = 0


#: ``sweep_every`` default: ``CMA_SCHEDULER_INTERVAL`` (60 s unless set).
FROM_SETTINGS = _FromSettings.TOKEN


def setup_broker(
    container: Container,
    *,
    relay: RelayFn | None = None,
    relay_every: float | None = DEFAULT_RELAY_EVERY,
    sweep: SweepFn | None = None,
    sweep_every: float | _FromSettings | None = FROM_SETTINGS,
) -> dramatiq.Broker:
    """Make the container's Redis broker ready to consume events, and make it the default.

    Args:
        container: Its ``broker`` provider must give a Dramatiq broker (``CMA_REDIS_URL``).
        relay: What the periodic relay runs; the container's ``OutboxRelay.relay`` (every
            centre) unless given.
        relay_every: Seconds between relay runs; ``None`` turns the periodic relay off.
        sweep: What the periodic scheduler sweep runs; the container's ``Scheduler.sweep``
            (missed deadlines, due reminders, every centre) unless given.
        sweep_every: Seconds between sweeps, ``CMA_SCHEDULER_INTERVAL`` by default; ``None``
            turns the periodic sweep off (e.g. when ``cma scheduler`` runs instead).

    Returns:
        The broker, with the ``dispatch_event`` actor declared on it.
    """
    broker: dramatiq.Broker | None = container.broker()
    if broker is None:
        raise RuntimeError("the worker needs CMA_REDIS_URL: there is no broker without it")
    # Order matters: Dramatiq runs "after" hooks in reverse, so the lifecycle middleware,
    # added after AsyncIO, closes the pool before AsyncIO stops the loop it runs on.
    broker.add_middleware(AsyncIO())
    # Each job's span continues the trace of the request that enqueued it (tracing on).
    add_job_tracing(broker)
    if isinstance(sweep_every, _FromSettings):
        sweep_every = float(container.settings().scheduler_interval_seconds)
    broker.add_middleware(
        ContainerLifecycle(
            container,
            relay=relay or container.relay().relay,
            relay_every=relay_every,
            sweep=sweep or _full_sweep(container),
            sweep_every=sweep_every,
            sweep_lock=_redis_lock(broker, sweep_every),
            seal=_sealer(container),
            seal_every=float(container.settings().audit_seal_every_seconds),
            reset_mail=container.accounts().send_requested_resets,
        )
    )
    declare_dispatch_actor(broker, container)
    dramatiq.set_broker(broker)
    return broker


def _sealer(container: Container) -> RelayFn | None:
    """The audit sealer when views are written unsealed (``CMA_AUDIT_SEAL=later``)."""
    if container.settings().audit_seal != "later":
        return None
    return container.audit_sealer().seal


def _full_sweep(container: Container) -> SweepFn:
    """The scheduler's sweep, then the documents' (fail those stuck ``processing``), then
    once a day the retention run (closed files past their centre's period)."""
    scheduler, documents = container.scheduler(), container.document_sweep()
    retention, identity = container.retention(), container.identity_store()

    async def sweep() -> dict[str, object]:
        report = await scheduler.sweep()
        out: dict[str, object] = {
            "scheduler": report,
            "documents_timed_out": await documents.sweep(),
        }
        centres = [c.id for c in await identity.list_centres()]
        receipts = await retention.daily(centres)
        if receipts is not None:
            out["retention_deleted_cases"] = sum(len(r.deleted_cases) for r in receipts)
        return out

    return sweep


def declare_dispatch_actor(
    broker: dramatiq.Broker, container: Container
) -> dramatiq.Actor[[str, str], None]:
    """Declare ``dispatch_event`` on ``broker``, bound to ``container``'s event handlers,
    and ``event_given_up``, which Dramatiq sends when its retries are exhausted.

    ``dispatch_event`` hands its event to an ``EventBatcher``: the messages of a centre
    handled at the same time are dispatched together, each still acknowledged, retried and
    given up on its own (``worker.batching``)."""
    handlers = container.event_handlers()
    # Topped up from the outbox: full batches (CMA_WORKER_BATCH) whatever the thread count.
    batcher = EventBatcher(
        handlers,
        max_batch=container.settings().worker_batch,
        on_batch=observe_event_batch,
        waiting=handlers.waiting,
        release=handlers.release,
    )

    async def event_given_up(message: dict[str, Any], info: dict[str, Any]) -> None:
        try:
            centre_id, event_id = (uuid.UUID(str(a)) for a in message["args"])
        except (KeyError, TypeError, ValueError):
            log.warning("malformed given-up message %r; ignored", message.get("message_id"))
            return
        tries = int(info.get("retries", 0)) + 1
        reason = f"processing failed after {tries} attempt(s); see the worker log, then retry"
        try:
            ran = await handlers.give_up(CentreId(centre_id), EventId(event_id), reason)
        except NotFound:
            return
        log.warning("event %s of centre %s given up: %d handler(s) ran", event_id, centre_id, ran)

    dramatiq.actor(
        actor_name=GIVE_UP_ACTOR,
        queue_name=EVENTS_QUEUE,
        broker=broker,
        max_retries=MAX_RETRIES,
        min_backoff=MIN_BACKOFF_MS,
        max_backoff=MAX_BACKOFF_MS,
    )(event_given_up)

    async def dispatch_event(centre_id: str, event_id: str) -> None:
        try:
            centre, event = CentreId(uuid.UUID(centre_id)), EventId(uuid.UUID(event_id))
        except ValueError:
            log.warning("malformed ids %r, %r; message dropped", centre_id, event_id)
            return
        try:
            # With the other messages of the centre being handled now (one batch).
            ran = await batcher.handle(centre, event)
        except NotFound:
            # Retrying cannot make a missing event appear (wrong centre, or a message from
            # another deployment sharing the Redis): drop it, loudly.
            log.warning("event %s of centre %s not found; message dropped", event_id, centre_id)
            return
        log.info(
            "event %s of centre %s: handled (%d unit(s) of work for its batch)",
            event_id,
            centre_id,
            ran,
        )

    return dramatiq.actor(
        actor_name=DISPATCH_ACTOR,
        queue_name=EVENTS_QUEUE,
        broker=broker,
        max_retries=MAX_RETRIES,
        min_backoff=MIN_BACKOFF_MS,
        max_backoff=MAX_BACKOFF_MS,
        # Retries exhausted: the areas are told, so no document stays "processing".
        on_retry_exhausted=GIVE_UP_ACTOR,
    )(dispatch_event)


class SweepLock:
    """At most one scheduler sweep at a time among the workers sharing a Redis namespace.

    The sweep is idempotent on its own (reminder keys are unique, the notifier folds a
    resend), but two sweeps racing over the same open deadline would both escalate it; the
    lock makes several workers take turns. It expires after ``ttl`` seconds, so a worker
    that dies holding it delays the next sweep, never stops it.
    """

    def __init__(self, client: Any, name: str, ttl: float) -> None:
        self.client = client
        self.name = name
        self.ttl = ttl

    def acquire(self) -> Any | None:
        # Not thread-local: the worker acquires and releases through ``asyncio.to_thread``,
        # whose pool may run the two on different threads (redis-py keeps the token in a
        # threading.local by default, and the release then failed with AttributeError).
        lock = self.client.lock(self.name, timeout=self.ttl, blocking=False, thread_local=False)
        return lock if lock.acquire() else None

    @staticmethod
    def release(lock: Any) -> None:
        from redis.exceptions import LockError

        with contextlib.suppress(LockError):  # expired and maybe taken over: not ours
            lock.release()


def _redis_lock(broker: dramatiq.Broker, every: float | None) -> SweepLock | None:
    client = getattr(broker, "client", None)
    if client is None or every is None:
        return None
    namespace = getattr(broker, "namespace", "dramatiq")
    return SweepLock(client, f"{namespace}:scheduler-sweep", ttl=max(300.0, every * 5))


class ContainerLifecycle(Middleware):
    """Runs the periodic outbox relay, the periodic scheduler sweep and the queued
    password-reset mail on the worker's event loop, and closes the pool at exit.

    The relay catches events committed but never published (a crash between commit and
    publish, or Redis down at the time), so they are still delivered. The sweep escalates
    missed deadlines and sends due reminders, like ``cma scheduler``; with ``sweep_lock``
    only one worker sweeps at a time.
    """

    def __init__(
        self,
        container: Container,
        *,
        relay: RelayFn,
        relay_every: float | None,
        sweep: SweepFn | None = None,
        sweep_every: float | None = None,
        sweep_lock: SweepLock | None = None,
        seal: RelayFn | None = None,
        seal_every: float = 1.0,
        reset_mail: RelayFn | None = None,
    ) -> None:
        self.container = container
        self.reset_mail = reset_mail
        self.seal = seal
        self.seal_every = seal_every
        self.relay = relay
        self.relay_every = relay_every
        self.sweep = sweep
        self.sweep_every = sweep_every
        self.sweep_lock = sweep_lock
        self._futures: list[concurrent.futures.Future[None]] = []
        self._tasks: set[asyncio.Task[None]] = set()

    def after_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        if self.relay_every is not None:
            self._futures.append(
                asyncio.run_coroutine_threadsafe(self._relay_loop(self.relay_every), _loop())
            )
        if self.reset_mail is not None and self.relay_every is not None:
            # Forgotten-password requests the API queued (it never mails them itself, so
            # that an existing and an unknown address answer alike), at the relay's pace.
            self._futures.append(
                asyncio.run_coroutine_threadsafe(
                    self._periodic("password reset mail", self.reset_mail, self.relay_every),
                    _loop(),
                )
            )
        if self.seal is not None:
            self._futures.append(
                asyncio.run_coroutine_threadsafe(
                    self._periodic("audit seal", self.seal, self.seal_every), _loop()
                )
            )
        if self.sweep is not None and self.sweep_every is not None:
            self._futures.append(
                asyncio.run_coroutine_threadsafe(
                    self._sweep_loop(self.sweep, self.sweep_every), _loop()
                )
            )

    def after_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        self._futures = []
        asyncio.run_coroutine_threadsafe(self._stop(), _loop()).result(timeout=30)

    async def _stop(self) -> None:
        # Cancel the loops and wait for them on the loop, so that a sweep interrupted
        # mid-way releases its lock while the loop still runs (cancelling only the
        # thread-safe futures left them to be closed by the garbage collector later).
        tasks, self._tasks = self._tasks, set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await shutdown(self.container)

    def _running(self) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)

    async def _sweep_loop(self, sweep: SweepFn, every: float) -> None:
        self._running()
        while True:
            await self.sweep_once(sweep)
            await asyncio.sleep(every)

    async def sweep_once(self, sweep: SweepFn) -> bool:
        """One sweep if no other worker is sweeping; whether it ran."""
        lock = None
        if self.sweep_lock is not None:
            try:
                lock = await asyncio.to_thread(self.sweep_lock.acquire)
            except Exception:  # Redis down: the next run tries again
                log.exception("scheduler sweep lock unavailable; skipping this sweep")
                return False
            if lock is None:
                log.debug("another worker is sweeping; skipped")
                return False
        try:
            result = await sweep()
        except Exception:  # a database outage: the next run tries again
            log.exception("scheduler sweep failed; retrying in %.1f s", self.sweep_every or 0)
            return False
        finally:
            if lock is not None and self.sweep_lock is not None:
                await asyncio.to_thread(self.sweep_lock.release, lock)
        log.info("scheduler sweep: %s", result)
        return True

    async def _relay_loop(self, every: float) -> None:
        await self._periodic("outbox relay", self.relay, every)

    async def _periodic(self, what: str, run: RelayFn, every: float) -> None:
        """``run`` every ``every`` seconds until cancelled; a failure is logged and retried."""
        self._running()
        while True:
            try:
                done = await run()
            except Exception:  # a broker or database outage: the next run tries again
                log.exception("%s failed; retrying in %.1f s", what, every)
            else:
                if done:
                    log.info("%s: %d", what, done)
            await asyncio.sleep(every)


def _loop() -> asyncio.AbstractEventLoop:
    thread = get_event_loop_thread()
    if thread is None:
        raise RuntimeError("the AsyncIO middleware has not started its event loop")
    return thread.loop
