"""The job port: how committed events reach the worker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from cma_core.shared.events import EventEnvelope


class EventPublisher(Protocol):
    async def publish(self, envelopes: Sequence[EventEnvelope]) -> None:
        """Hand committed events to the worker.

        Called only *after* the transaction that wrote them to the outbox has committed.
        Delivery is at-least-once: handlers are idempotent, so publishing twice is safe.
        May raise on a broker failure; the outbox relay retries unpublished events later.
        """
        ...
