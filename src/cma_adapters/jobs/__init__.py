"""Event publishers: in-process (embedded default) and Dramatiq on Redis (production)."""

from cma_adapters.jobs.dramatiq_publisher import (
    DISPATCH_ACTOR,
    EVENTS_QUEUE,
    DramatiqEventPublisher,
    make_redis_broker,
)
from cma_adapters.jobs.inprocess import InProcessEventPublisher

__all__ = [
    "DISPATCH_ACTOR",
    "EVENTS_QUEUE",
    "DramatiqEventPublisher",
    "InProcessEventPublisher",
    "make_redis_broker",
]
