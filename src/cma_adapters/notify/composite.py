"""Routes each channel to the notifier that delivers it."""

from __future__ import annotations

from collections.abc import Mapping

from cma_core.scheduling.ports import Delivery, Notifier, NotifyChannel, OutgoingMessage


class CompositeNotifier(Notifier):
    def __init__(self, routes: Mapping[NotifyChannel, Notifier]) -> None:
        self._routes = dict(routes)

    def channels(self) -> frozenset[NotifyChannel]:
        return frozenset(self._routes)

    async def send(self, message: OutgoingMessage) -> Delivery:
        notifier = self._routes.get(message.channel)
        if notifier is None:
            raise ValueError(f"no notifier for {message.channel}")
        return await notifier.send(message)
