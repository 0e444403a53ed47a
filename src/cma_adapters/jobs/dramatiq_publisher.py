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

from cma_core.shared.events import EventEnvelope
from cma_core.shared.jobs import EventPublisher

DISPATCH_ACTOR = "dispatch_event"
EVENTS_QUEUE = "cma-events"


def make_redis_broker(url: str, *, namespace: str = "dramatiq") -> RedisBroker:
    return RedisBroker(url=url, namespace=namespace)  # type: ignore[no-untyped-call]


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
