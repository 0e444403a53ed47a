"""Event publishers: in-process (embedded default) and Dramatiq on Redis (production).

The Dramatiq names load Dramatiq's Redis broker (and redis-py) only when first asked for,
so a process on the embedded default never imports them (issue 15: API memory).
"""

from typing import TYPE_CHECKING, Any

from cma_adapters.jobs.inprocess import InProcessEventPublisher
from cma_adapters.jobs.names import DISPATCH_ACTOR, EVENTS_QUEUE

if TYPE_CHECKING:
    from cma_adapters.jobs.dramatiq_publisher import DramatiqEventPublisher, make_redis_broker

__all__ = [
    "DISPATCH_ACTOR",
    "EVENTS_QUEUE",
    "DramatiqEventPublisher",
    "InProcessEventPublisher",
    "make_redis_broker",
]


def __getattr__(name: str) -> Any:
    if name in ("DramatiqEventPublisher", "make_redis_broker"):
        from cma_adapters.jobs import dramatiq_publisher

        return getattr(dramatiq_publisher, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
