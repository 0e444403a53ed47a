"""The Dramatiq side of the message bus: the broker, the dispatch actor, the relay loop.

Messages carry ids only (centre id, event id); the actor reads the event from the centre's
outbox and runs its handlers through the core's inbox, so a message delivered twice changes
nothing. Every coroutine of the container runs on the one event loop that Dramatiq's
``AsyncIO`` middleware keeps in its own thread: the engine's pool belongs to that loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import uuid
from collections.abc import Awaitable, Callable

import dramatiq
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.middleware import AsyncIO, Middleware

from cma_adapters.jobs import DISPATCH_ACTOR, EVENTS_QUEUE
from cma_core.shared.errors import NotFound
from cma_core.shared.ids import CentreId, EventId
from cma_entrypoints.container import Container, shutdown

log = logging.getLogger("cma.worker")

# Transient failures (database restart, lock timeout) are retried with exponential backoff
# from 1 s to 1 min; after that the message is dead-lettered and the relay cannot resend it
# (it is published), so five tries spread over about a minute is the compromise.
MAX_RETRIES = 5
MIN_BACKOFF_MS = 1_000
MAX_BACKOFF_MS = 60_000
DEFAULT_RELAY_EVERY = 5.0

RelayFn = Callable[[], Awaitable[int]]


def setup_broker(
    container: Container,
    *,
    relay: RelayFn | None = None,
    relay_every: float | None = DEFAULT_RELAY_EVERY,
) -> dramatiq.Broker:
    """Make the container's Redis broker ready to consume events, and make it the default.

    Args:
        container: Its ``broker`` provider must give a Dramatiq broker (``CMA_REDIS_URL``).
        relay: What the periodic relay runs; the container's ``OutboxRelay.relay`` (every
            centre) unless given.
        relay_every: Seconds between relay runs; ``None`` turns the periodic relay off.

    Returns:
        The broker, with the ``dispatch_event`` actor declared on it.
    """
    broker: dramatiq.Broker | None = container.broker()
    if broker is None:
        raise RuntimeError("the worker needs CMA_REDIS_URL: there is no broker without it")
    # Order matters: Dramatiq runs "after" hooks in reverse, so the lifecycle middleware,
    # added after AsyncIO, closes the pool before AsyncIO stops the loop it runs on.
    broker.add_middleware(AsyncIO())
    broker.add_middleware(
        ContainerLifecycle(
            container,
            relay=relay or container.relay().relay,
            relay_every=relay_every,
        )
    )
    declare_dispatch_actor(broker, container)
    dramatiq.set_broker(broker)
    return broker


def declare_dispatch_actor(
    broker: dramatiq.Broker, container: Container
) -> dramatiq.Actor[[str, str], None]:
    """Declare ``dispatch_event`` on ``broker``, bound to ``container``'s event handlers."""
    handlers = container.event_handlers()

    async def dispatch_event(centre_id: str, event_id: str) -> None:
        try:
            ran = await handlers.dispatch(
                CentreId(uuid.UUID(centre_id)), EventId(uuid.UUID(event_id))
            )
        except NotFound:
            # Retrying cannot make a missing event appear (wrong centre, or a message from
            # another deployment sharing the Redis): drop it, loudly.
            log.warning("event %s of centre %s not found; message dropped", event_id, centre_id)
            return
        except ValueError:
            log.warning("malformed ids %r, %r; message dropped", centre_id, event_id)
            return
        log.info("event %s of centre %s: %d handler(s) ran", event_id, centre_id, ran)

    return dramatiq.actor(
        actor_name=DISPATCH_ACTOR,
        queue_name=EVENTS_QUEUE,
        broker=broker,
        max_retries=MAX_RETRIES,
        min_backoff=MIN_BACKOFF_MS,
        max_backoff=MAX_BACKOFF_MS,
    )(dispatch_event)


class ContainerLifecycle(Middleware):
    """Runs the periodic outbox relay on the worker's event loop and closes the pool at exit.

    The relay catches events committed but never published (a crash between commit and
    publish, or Redis down at the time), so they are still delivered.
    """

    def __init__(self, container: Container, *, relay: RelayFn, relay_every: float | None) -> None:
        self.container = container
        self.relay = relay
        self.relay_every = relay_every
        self._relay_future: concurrent.futures.Future[None] | None = None

    def after_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        if self.relay_every is None:
            return
        self._relay_future = asyncio.run_coroutine_threadsafe(
            self._relay_loop(self.relay_every), _loop()
        )

    def after_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        loop = _loop()
        if self._relay_future is not None:
            self._relay_future.cancel()
            self._relay_future = None
        asyncio.run_coroutine_threadsafe(shutdown(self.container), loop).result(timeout=30)

    async def _relay_loop(self, every: float) -> None:
        while True:
            try:
                published = await self.relay()
            except Exception:  # a broker or database outage: the next run tries again
                log.exception("outbox relay failed; retrying in %.1f s", every)
            else:
                if published:
                    log.info("outbox relay published %d event(s)", published)
            await asyncio.sleep(every)


def _loop() -> asyncio.AbstractEventLoop:
    thread = get_event_loop_thread()
    if thread is None:
        raise RuntimeError("the AsyncIO middleware has not started its event loop")
    return thread.loop
