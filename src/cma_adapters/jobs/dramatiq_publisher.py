"""Publish events to Dramatiq workers over Redis.

Messages carry ids only (centre id, event id); the worker reads the event from the outbox
in the centre's own unit of work. The actor lives in the worker entrypoint; this adapter
enqueues by actor name so that adapters never import entrypoints.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import dramatiq
from dramatiq.brokers.redis import RedisBroker

from cma_adapters.jobs.names import DISPATCH_ACTOR, EVENTS_QUEUE
from cma_core.shared.events import EventEnvelope
from cma_core.shared.jobs import EventPublisher

__all__ = ["DISPATCH_ACTOR", "EVENTS_QUEUE", "DramatiqEventPublisher", "make_redis_broker"]


#: Dramatiq's maintenance (which requeues a dead worker's messages) runs on a random
#: ``chance`` in a million of broker commands; its default of 1,000 left a job lost by a
#: ``kill -9`` unacknowledged for about six minutes. 20,000 (2 %) runs it every few seconds
#: on an idle worker, at the cost of one small Lua call.
MAINTENANCE_CHANCE = 20_000


def make_redis_broker(
    url: str, *, namespace: str = "dramatiq", redelivery_seconds: int = 60
) -> RedisBroker:
    """Dramatiq's Redis broker. ``redelivery_seconds`` (``CMA_WORKER_REDELIVERY_SECONDS``):
    how long a worker may go silent (no heartbeat: it was killed) before the messages it
    held are given to another worker. Live workers heartbeat every few seconds, however long
    their job, so this does not bound a job's duration."""
    return RedisBroker(  # type: ignore[no-untyped-call]
        url=url,
        namespace=namespace,
        heartbeat_timeout=redelivery_seconds * 1000,
        maintenance_chance=MAINTENANCE_CHANCE,
    )


class DramatiqEventPublisher(EventPublisher):
    def __init__(self, broker: dramatiq.Broker, *, queue_name: str = EVENTS_QUEUE) -> None:
        self._broker = broker
        self._queue = queue_name
        broker.declare_queue(queue_name)

    async def publish(self, envelopes: Sequence[EventEnvelope]) -> None:
        messages: list[dramatiq.Message[object]] = [
            dramatiq.Message(
                queue_name=self._queue,
                actor_name=DISPATCH_ACTOR,
                args=(str(env.centre_id), str(env.event_id)),
                kwargs={},
                options={},
                message_id=str(env.event_id),
            )
            for env in envelopes
        ]
        # The Redis client is blocking: keep it off the event loop.
        await asyncio.to_thread(self._enqueue_all, messages)

    def _enqueue_all(self, messages: list[dramatiq.Message[object]]) -> None:
        for message in messages:
            self._broker.enqueue(message)
