"""Run event handlers in the publishing process: the embedded default, no broker needed."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from cma_core.ports.jobs import EventPublisher
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import CentreId, EventId

log = logging.getLogger(__name__)


class _Dispatcher(Protocol):
    def dispatch(self, centre_id: CentreId, event_id: EventId) -> Awaitable[int]: ...


class InProcessEventPublisher(EventPublisher):
    """Dispatches each event right after the commit, awaiting the handlers.

    ``handlers`` is a zero-argument callable returning the dispatcher, resolved lazily so the
    dispatcher can itself use units of work that publish through this publisher.
    A failing handler is logged and the event stays unhandled in the inbox sense (the next
    relay run or ``cma worker`` may retry it); the user's change is already committed.
    """

    def __init__(self, handlers: Callable[[], _Dispatcher]) -> None:
        self._handlers = handlers

    async def publish(self, envelopes: Sequence[EventEnvelope]) -> None:
        dispatcher = self._handlers()
        for env in envelopes:
            try:
                await dispatcher.dispatch(env.centre_id, env.event_id)
            except Exception:
                log.exception("in-process handler for %s %s failed", env.name, env.event_id)
